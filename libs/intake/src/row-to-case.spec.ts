import { EVENT_DEFINITIONS, fieldsOf } from '@charterflow/procedure';
import { IMPORT_LAYOUT } from './import-layout';
import { createHash } from 'node:crypto';
import { IMPORT_COLUMN_LABELS, IMPORT_COLUMNS, rowHash, rowToCase, stepColumns } from './row-to-case';

const ORG = '0b7f3a4e-9a51-4c8e-8f0e-2d1f5c6a7b8c';
const person = {
  fullName: 'Nguyễn Thị Lan',
  dateOfBirth: '2001-04-12',
  gender: 'female',
  ethnicity: 'Kinh',
  education: 'university',
  occupation: 'teacher',
};
const base = { externalId: 'HS-1', organisationId: ORG.toUpperCase(), openedOn: '2025-03-03', ...person };

describe('rowToCase reads a row through the event schema', () => {
  it('reads the candidate and the steps whose date is filled, defaults applied, in the procedure order within a day', () => {
    const result = rowToCase({
      ...base,
      awarenessCertificateOn: '2025-04-01',
      awarenessCertificateNo: 'CN-7',
      cellVoteOn: '2025-04-01',
      cellFullMembers: '9',
      cellInFavour: '7',
      sponsor1On: '2025-03-20',
      sponsor1Name: 'Trần Văn Bình',
      sponsor1TogetherSince: '2023-01-01',
      opinionsOn: '2025-03-21',
      opinionsOrganisations: 'Đoàn thanh niên; Công đoàn ;',
    });
    expect(result).toMatchObject({ ok: true });
    if (!result.ok) return;
    expect(result.value.organisationId).toBe(ORG);
    expect(result.value.candidate).toEqual({ ...person, religion: null, youthUnionMember: false, tradeUnionMember: false, areaType: 'standard' } as never);
    expect(result.value.events).toEqual([
      { type: 'SPONSOR_ADDED', occurredOn: '2025-03-20', sponsor: { name: 'Trần Văn Bình', togetherSince: '2023-01-01' } },
      { type: 'OPINIONS_RECORDED', occurredOn: '2025-03-21', organisations: ['Đoàn thanh niên', 'Công đoàn'], residenceCell: true },
      { type: 'AWARENESS_CERTIFICATE_RECORDED', occurredOn: '2025-04-01', certificateNo: 'CN-7', issuedOn: '2025-04-01', issuer: 'Trung tâm chính trị' },
      { type: 'CELL_VOTE_RECORDED', occurredOn: '2025-04-01', fullMembers: 9, excluded: 0, inFavour: 7 },
    ]);
  });

  it('names each problem by its column: a missing value, a schema limit, an unknown column', () => {
    const result = rowToCase({
      ...base,
      fullName: 'x'.repeat(201),
      cellVoteOn: '2025-04-01',
      cellFullMembers: '9',
      withdrawnOn: '2025-05-01',
      withdrawnReason: 'y'.repeat(2001),
      note: 'hello',
    });
    expect(result).toEqual({
      ok: false,
      problems: expect.arrayContaining([
        { field: 'fullName', message: 'fullName must be at most 200 characters' },
        { field: 'cellInFavour', message: 'cellInFavour is required' },
        { field: 'withdrawnReason', message: 'withdrawnReason must be at most 2000 characters' },
        { field: 'note', message: 'unknown column note' },
      ]),
    });
    expect(result.ok ? 0 : result.problems).toHaveLength(4);
  });

  it('a text at its limit is read, one character more is refused', () => {
    const at = rowToCase({ ...base, withdrawnOn: '2025-05-01', withdrawnReason: 'y'.repeat(2000) });
    const over = rowToCase({ ...base, withdrawnOn: '2025-05-01', withdrawnReason: 'y'.repeat(2001) });
    expect(at.ok).toBe(true);
    expect(over.ok).toBe(false);
  });

  it('reads the competent committee’s conclusion on a political issue from its three columns', () => {
    const result = rowToCase({
      ...base,
      biographyCertifiedOn: '2025-04-01',
      politicalIssue: 'true',
      politicalConclusionOn: '2025-04-10',
      politicalConclusion: 'cleared',
      politicalConclusionNo: '15-KL/ĐU',
    });
    expect(result.ok && result.value.events).toEqual([
      { type: 'BIOGRAPHY_CERTIFIED', occurredOn: '2025-04-01', politicalIssue: true },
      { type: 'POLITICAL_ISSUE_CONCLUDED', occurredOn: '2025-04-10', conclusion: 'cleared', decisionNo: '15-KL/ĐU' },
    ]);
    const bad = rowToCase({ ...base, politicalConclusionOn: '2025-04-10', politicalConclusion: 'maybe' });
    expect(bad.ok ? [] : [...new Set(bad.problems.map((p) => p.field))].sort()).toEqual(['politicalConclusion', 'politicalConclusionNo']);
  });

  it('reads the day the grassroots committee received the dossier (a profile’s dispatch limit), left out when empty', () => {
    const row = { ...base, grassrootsVoteOn: '2025-04-21', grassrootsCommitteeMembers: '9', grassrootsInFavour: '7' };
    expect(rowToCase({ ...row, grassrootsDossierReceivedOn: '2025-04-08' })).toMatchObject({
      ok: true,
      value: { events: [{ type: 'GRASSROOTS_VOTE_RECORDED', occurredOn: '2025-04-21', committeeMembers: 9, inFavour: 7, dossierReceivedOn: '2025-04-08' }] },
    });
    const without = rowToCase({ ...row, grassrootsDossierReceivedOn: '' });
    expect(without.ok && without.value.events).toEqual([{ type: 'GRASSROOTS_VOTE_RECORDED', occurredOn: '2025-04-21', committeeMembers: 9, inFavour: 7 }]);
    const bad = rowToCase({ ...row, grassrootsDossierReceivedOn: '08/04/2025' });
    expect(bad.ok ? [] : bad.problems.map((p) => p.field)).toEqual(['grassrootsDossierReceivedOn']);
  });

  it('a step with no date column filled is not in the case, whatever else its columns hold', () => {
    const result = rowToCase({ ...base, cellFullMembers: '9', cellInFavour: '7' });
    expect(result.ok && result.value.events).toEqual([]);
  });

  it('every field of every step has one column of its own, but for the motion the recognition steps share', () => {
    const owners = new Map<string, string[]>();
    for (const step of IMPORT_LAYOUT) {
      const columns = stepColumns(step);
      const leaves = fieldsOf(EVENT_DEFINITIONS[step.type].schema)
        .filter((f) => f.name !== 'occurredOn' && !(step.fixed && f.name in step.fixed))
        .flatMap((f) => (f.shape.kind === 'group' ? f.shape.fields.map((g) => `${f.name}.${g.name}`) : [f.name]));
      expect(columns.map((c) => c.path).sort()).toEqual(leaves.sort());
      for (const c of [step.on, ...columns.map((c) => c.column)]) owners.set(c, [...(owners.get(c) ?? []), step.type]);
    }
    const shared = [...owners].filter(([, types]) => types.length > 1).map(([column]) => column);
    expect(shared).toEqual(['recognitionMotion']);
    expect([...owners.keys()].every((c) => IMPORT_COLUMNS.includes(c))).toBe(true);
  });

  it('names every column for staff from the schema\'s labels, Vietnamese and English, each column by a label of its own', () => {
    expect([...IMPORT_COLUMN_LABELS.keys()]).toEqual(IMPORT_COLUMNS);
    const labels = [...IMPORT_COLUMN_LABELS.values()];
    for (const label of labels) {
      expect(label.vi.trim()).not.toBe('');
      expect(label.en.trim()).not.toBe('');
    }
    expect(new Set(labels.map((l) => l.vi)).size).toBe(IMPORT_COLUMNS.length);
    expect(new Set(labels.map((l) => l.en)).size).toBe(IMPORT_COLUMNS.length);
    // No label shows a column's name (an id staff do not read; one-word names such as `education` are words of English).
    const ids = new RegExp(`\\b(${IMPORT_COLUMNS.filter((c) => /[A-Z]/.test(c)).join('|')})\\b`);
    expect(labels.filter((l) => ids.test(l.vi) || ids.test(l.en))).toEqual([]);
    // The step, then the field: the step's label and its date's label come from the event schema.
    const decision = EVENT_DEFINITIONS.ADMISSION_DECIDED;
    expect(IMPORT_COLUMN_LABELS.get('admissionDecisionOn')).toEqual({ vi: `${decision.label.vi} – ${decision.occurredOnLabel.vi}`, en: `${decision.label.en} – ${decision.occurredOnLabel.en}` });
    expect(IMPORT_COLUMN_LABELS.get('cellVoteOn')?.vi).toBe(`${EVENT_DEFINITIONS.CELL_VOTE_RECORDED.label.vi} – ${EVENT_DEFINITIONS.CELL_VOTE_RECORDED.occurredOnLabel.vi}`);
    expect(IMPORT_COLUMN_LABELS.get('sponsor2Name')?.vi).toBe('Đảng viên giới thiệu thứ hai – Họ và tên');
    expect(IMPORT_COLUMN_LABELS.get('over60ConsentNo')?.vi).toBe('Văn bản đồng ý của cấp có thẩm quyền (Kết nạp người trên 60 tuổi) – Số văn bản');
  });
});

describe('rowHash', () => {
  /** The hash as stored with every imported case since imports began: re-uploads compare against it. */
  const stored = (row: Record<string, unknown>) => {
    const text = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : (JSON.stringify(v) ?? ''));
    const filled = Object.keys(row)
      .filter((k) => row[k] !== undefined && row[k] !== null && text(row[k]).trim() !== '')
      .sort()
      .map((k) => [k, text(row[k]).trim()]);
    return createHash('sha256').update(JSON.stringify(filled)).digest('hex');
  };

  it('is the hash stored since imports began: filled cells trimmed, by column name, quotes and backslashes escaped', () => {
    const row = { externalId: ' HN-001 ', fullName: 'Nguyễn Văn "An"', organisationId: '', birthDate: '1990-05-01', note: '  ', 'a\\b': 'x', z: null };
    expect(rowHash(row)).toBe('30e7d650d1699cb99487db4588cf95d18a5bc5e031483d9f8c288507c783f8ec');
    expect(rowHash(row)).toBe(stored(row));
  });

  it('agrees with it on rows of one file and of files with other columns, in any column order, empty rows included', () => {
    const rows: Record<string, unknown>[] = [
      { ...base, cellVoteOn: '2025-06-02', awarenessCertificateNo: ' 12/GCN ' },
      { ...base, cellVoteOn: '', awarenessCertificateNo: undefined },
      { cellVoteOn: '2025-06-02', ...base },
      { b: 'x', a: 'y' },
      { a: 'y', b: 'x' },
      { a: 3, b: true, c: { n: 1 } },
      {},
      { a: ' ', b: '' },
      { ...base },
    ];
    for (const row of rows) expect(rowHash(row)).toBe(stored(row));
    expect(rowHash({ b: 'x', a: 'y' })).toBe(rowHash({ a: 'y', b: 'x' }));
    expect(rowHash({ a: 'y', b: '' })).toBe(rowHash({ a: 'y' }));
    expect(rowHash({ a: 'y' })).not.toBe(rowHash({ a: 'z' }));
  });
});
