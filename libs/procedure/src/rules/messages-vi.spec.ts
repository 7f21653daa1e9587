import { Candidate } from '../model/candidate';
import { DEADLINE_KINDS } from '../model/deadlines';
import { DomainEvent, EVENT_TYPES, EventType } from '../model/events';
import { STATE_LABELS, TOP_STATES } from '../model/states';
import { CaseFacts, GuardEnv, initialFacts, OpenDeadlineView } from '../machine/facts';
import { CONSENT_KINDS, EVENT_LABELS, INTRODUCING_BODY_LABELS } from '../schema/events.schema';
import { schemaChoiceValues, schemaFieldNames } from '../schema/labels';
import { notAllowedVi } from '../engine/engine';
import { AUTHORISED_GRASSROOTS, CANDIDATE, ORDINARY_CELL } from '../__fixtures__/scenario';
import { renderSource, SOURCE_TEXTS_VI, sourceVi } from './basis';
import { RULE_DEFINITIONS } from './catalogue';
import { evaluateRule, RuleInput, ruleBasisVi, viDate } from './rule';
import { isBusinessDate } from '../calendar/business-date';

/**
 * Every refusal reads as Vietnamese for a clerk: for each rule of the catalogue at least one input that breaks it,
 * and for each the sentence is checked — no ids of rules, events, states, fields, consent or deadline kinds, no ISO
 * date, a dd/mm/yyyy date where the English message has a date, and the Vietnamese basis at the end. A rule added to
 * the catalogue without an entry here fails the completeness test.
 */

const facts = (o: Partial<CaseFacts> = {}, candidate: Partial<Candidate> = {}): CaseFacts => ({
  ...initialFacts({ candidate: { ...CANDIDATE, ...candidate }, openedOn: '2020-01-01', procedureVersion: 'qd294-2025' }),
  lastStepOn: '2025-01-01',
  ...o,
});
const env = (o: Partial<GuardEnv> = {}): GuardEnv => ({ today: '2030-01-01', organisation: ORDINARY_CELL, openDeadlines: [], ...o });
const open = (kind: string, dueOn: string, extendedBy = 0): OpenDeadlineView[] => [{ key: kind, kind, dueOn, extendedBy }];
const input = (event: DomainEvent, f: CaseFacts = facts(), e: GuardEnv = env()): RuleInput => ({ facts: f, event, env: e });

const cellVote = (on: string, counts = { fullMembers: 9, excluded: 0, inFavour: 6 }): DomainEvent => ({ type: 'CELL_VOTE_RECORDED', occurredOn: on, ...counts });
const decided = (on: string, o: Record<string, unknown> = {}): DomainEvent =>
  ({ type: 'ADMISSION_DECIDED', occurredOn: on, decisionNo: 'QĐ-1', standingMembers: 7, inFavour: 5, receivedOn: on, ...o });
const sponsorAdded = (on: string, sponsor: Record<string, unknown>): DomainEvent =>
  ({ type: 'SPONSOR_ADDED', occurredOn: on, sponsor: { name: 'Trần Văn Bình', togetherSince: '2020-01-01', fullMemberSince: '2010-01-01', ...sponsor } });
const extension = (on: string, deadlineKind: string): DomainEvent => ({ type: 'DEADLINE_EXTENDED', occurredOn: on, deadlineKind, reason: 'r' }) as DomainEvent;
const consentOf = (kind: string, on = '2026-03-20'): DomainEvent => ({ type: 'CONSENT_RECORDED', occurredOn: on, kind, issuer: 'Ban Thường vụ Tỉnh ủy', documentNo: 'CV-1' }) as DomainEvent;
const request = { requestId: 'TT-1', scope: 'domestic' as const, subject: 'Cha: Nguyễn Văn An', requestedOn: '2025-11-03', repliedOn: null };
const decision = { decisionNo: 'QĐ-1', decidedOn: '2026-03-02', receivedOn: '2026-03-04' };
const certificate = (issuedOn: string) => ({ certificateNo: 'CN-1', issuedOn, issuer: 'Trung tâm chính trị', recordedOn: issuedOn });

const READMITTED = { previousAdmissionDecisionOn: '2010-05-19', leftOn: '2020-03-15', leftReason: 'removed' as const, timesReadmittedBefore: 0 };
const opened = (r: Record<string, unknown>): DomainEvent => ({ type: 'CASE_OPENED', occurredOn: '2024-01-10', candidate: CANDIDATE, readmission: { ...READMITTED, ...r } });

/** Inputs that break each rule: one per branch of its message where the branches differ. */
const VIOLATIONS: Readonly<Record<string, readonly RuleInput[]>> = {
  DATE_INVALID: [
    input({ type: 'APPLICATION_FILED', occurredOn: '2026-02-30' }),
    input(sponsorAdded('2026-01-15', { togetherSince: '2025-13-01' })),
    input({ type: 'AWARENESS_CERTIFICATE_RECORDED', occurredOn: '2026-01-15', certificateNo: 'c', issuedOn: 'hôm qua', issuer: 'x' }),
  ],
  DATE_IN_FUTURE: [
    input({ type: 'APPLICATION_FILED', occurredOn: '2030-01-02' }),
    input(decided('2029-12-01', { receivedOn: '2030-01-02' })),
    input(sponsorAdded('2029-01-01', { fullMemberSince: '2030-01-02' })),
  ],
  DATE_BEFORE_PREVIOUS_STEP: [
    input(cellVote('2026-03-09'), facts({ lastStepOn: '2026-03-10' })),
    input(decided('2026-03-10', { receivedOn: '2026-03-09' }), facts({ lastStepOn: '2026-03-01' })),
    input({ type: 'CEREMONY_HELD', occurredOn: '2026-03-03', helper: { name: 'Lê Văn Cường' } }, facts({ lastStepOn: '2026-03-02', decision })),
    input({ type: 'MEMBER_CARD_HANDED_OVER', occurredOn: '2027-05-03', cardDecidedOn: '2027-05-04' }, facts({ lastStepOn: '2027-04-20' })),
  ],
  YOUTH_UNION_MEMBERSHIP_REQUIRED: [input(cellVote('2026-01-15'), facts({}, { dateOfBirth: '2001-04-12', youthUnionMember: false }))],
  TRADE_UNION_MEMBERSHIP_REQUIRED: [
    input(cellVote('2026-01-15'), facts({}, { dateOfBirth: '2001-04-12', youthUnionMember: false, tradeUnionMember: false }), env({ organisation: { ...ORDINARY_CELL, hasYouthUnion: false } })),
  ],
  PROBATION_STEP_AFTER_END: [input({ type: 'NEW_MEMBER_CLASS_COMPLETED', occurredOn: '2027-03-03', certificateNo: 'BD-1' }, facts({ probationEndOn: '2027-03-02' }))],
  AGE_BELOW_18: [input(cellVote('2026-01-15'), facts({}, { dateOfBirth: '2008-01-16' }))],
  AGE_ABOVE_60_WITHOUT_CONSENT: [
    input(decided('2026-03-02'), facts({ cellVoteOn: '2026-01-15' }, { dateOfBirth: '1965-12-15' })),
    input({ type: 'GRASSROOTS_VOTE_RECORDED', occurredOn: '2026-02-02', committeeMembers: 9, inFavour: 6 }, facts({ cellVoteOn: '2026-01-15' }, { dateOfBirth: '1965-12-15' }), env({ organisation: AUTHORISED_GRASSROOTS })),
  ],
  EDUCATION_INSUFFICIENT: [input(cellVote('2026-01-15'), facts({}, { education: 'primary' }))],
  EDUCATION_EXCEPTION_WITHOUT_CONSENT: [input(decided('2026-03-02'), facts({ cellVoteOn: '2026-01-15' }, { education: 'literate', areaType: 'disadvantaged' }))],
  POLITICAL_ISSUE_WITHOUT_CONSENT: [input(decided('2026-03-02'), facts({ cellVoteOn: '2026-01-15', biographyCertifiedOn: '2025-12-01', politicalIssue: true }))],
  POLITICAL_ISSUE_UNRESOLVED: [input(cellVote('2026-01-15'), facts({ biographyCertifiedOn: '2026-01-07', politicalIssue: true }))],
  AWARENESS_CERTIFICATE_MISSING: [
    input({ type: 'DOSSIER_OPENED', occurredOn: '2025-06-02', resolutionNo: 'NQ-7' }),
    input(cellVote('2026-01-15'), facts({ certificate: certificate('2026-01-16') })),
  ],
  AWARENESS_CERTIFICATE_EXPIRED: [input(cellVote('2025-01-02'), facts({ certificate: certificate('2020-01-01') }))],
  DOSSIER_DOCUMENTS_STALE: [
    input(
      cellVote('2025-03-01'),
      facts({
        dossierOpenedOn: '2024-01-02',
        sponsors: [{ name: 'Trần Văn Bình', togetherSince: '2020-01-01', fullMemberSince: '2010-01-01', addedOn: '2024-02-01' }],
        introducingResolution: { body: 'youth_union', resolutionNo: 'NQ-3', recordedOn: '2024-02-01' },
        opinions: { organisations: ['Đoàn phường'], residenceCell: true, recordedOn: '2024-02-01' },
      }),
    ),
  ],
  APPLICATION_MISSING: [input(cellVote('2026-01-15'))],
  BIOGRAPHY_NOT_CERTIFIED: [input(cellVote('2026-01-15')), input(cellVote('2026-01-15'), facts({ biographyFiledOn: '2025-10-01' }))],
  VERIFICATION_PENDING: [input({ type: 'BIOGRAPHY_CERTIFIED', occurredOn: '2026-01-07', politicalIssue: false }, facts({ verifications: { 'TT-1': request } }))],
  INTRODUCERS_INCOMPLETE: [
    input(cellVote('2026-01-15')),
    input(cellVote('2026-01-15'), facts({}, { youthUnionMember: false, tradeUnionMember: true, dateOfBirth: '1980-01-01' })),
  ],
  OPINIONS_MISSING: [
    input(cellVote('2026-01-15')),
    input(cellVote('2026-01-15'), facts({ opinions: { organisations: [], residenceCell: true, recordedOn: '2025-12-01' } })),
  ],
  VERIFICATION_REQUEST_DUPLICATE: [
    input({ type: 'VERIFICATION_REQUESTED', occurredOn: '2026-01-05', requestId: 'TT-1', scope: 'abroad', subject: 'Mẹ: Lê Thị Bích' }, facts({ verifications: { 'TT-1': request } })),
  ],
  VERIFICATION_REQUEST_UNKNOWN: [
    input({ type: 'VERIFICATION_REPLIED', occurredOn: '2026-01-05', requestId: 'TT-9' }, facts({ verifications: { 'TT-1': request } })),
    input({ type: 'VERIFICATION_REPLIED', occurredOn: '2026-01-05', requestId: 'TT-1' }, facts({ verifications: { 'TT-1': { ...request, repliedOn: '2025-12-15' } } })),
  ],
  SPONSOR_NOT_FULL_MEMBER: [input(sponsorAdded('2026-01-15', { fullMemberSince: '2026-01-16' })), input(sponsorAdded('2026-01-15', { fullMemberSince: null }))],
  SPONSOR_TOGETHER_UNDER_12_MONTHS: [input(sponsorAdded('2026-01-15', { togetherSince: '2025-06-01' }))],
  INTRODUCING_BODY_MEMBERSHIP: [input({ type: 'INTRODUCING_RESOLUTION_RECORDED', occurredOn: '2026-01-15', body: 'trade_union', resolutionNo: 'NQ-CĐ-1' })],
  VOTE_COUNTS_INVALID: [
    input(cellVote('2026-01-15', { fullMembers: 9, excluded: 0, inFavour: 10 })),
    input(cellVote('2026-01-15', { fullMembers: 9, excluded: 9, inFavour: 0 })),
    input(cellVote('2026-01-15', { fullMembers: -1, excluded: 0, inFavour: 0 })),
    input(decided('2026-03-02', { standingMembers: 7, inFavour: 2.5 })),
  ],
  CEREMONY_LATE_WITHOUT_CONSENT: [
    input({ type: 'CEREMONY_HELD', occurredOn: '2026-04-16', helper: { name: 'Lê Văn Cường' } }, facts({ decision }), env({ openDeadlines: open('CEREMONY', '2026-04-15') })),
  ],
  PROBATION_NOT_ENDED: [input({ type: 'PROBATION_ENDED', occurredOn: '2027-04-12' }, facts({ probationEndOn: '2027-04-13' }))],
  RECOGNITION_BEFORE_PROBATION_END: [input({ type: 'SELF_REVIEW_SUBMITTED', occurredOn: '2027-04-01' }, facts({ probationEndOn: '2027-04-13' }))],
  RECOGNITION_DOSSIER_INCOMPLETE: [
    input({ type: 'RECOGNITION_CELL_VOTE_RECORDED', occurredOn: '2027-04-20', fullMembers: 9, excluded: 0, inFavour: 6, motion: 'recognise' }, facts({ probationEnded: true, probationEndOn: '2027-04-13' })),
  ],
  RECOGNITION_MOTION_MISMATCH: [
    input({ type: 'RECOGNITION_DECIDED', occurredOn: '2027-05-20', decisionNo: 'QĐ-9', standingMembers: 7, inFavour: 5, motion: 'remove' }, facts({ pendingMotion: 'recognise' })),
  ],
  DEADLINE_NOT_EXTENDABLE: [input(extension('2026-03-20', 'CEREMONY'), facts(), env({ openDeadlines: open('CEREMONY', '2026-04-15') }))],
  DEADLINE_ALREADY_EXTENDED: [input(extension('2026-03-20', 'ADMISSION_DECISION'), facts(), env({ openDeadlines: open('ADMISSION_DECISION', '2026-04-15', 15) }))],
  EXTENSION_AFTER_LIMIT: [
    input(extension('2026-03-02', 'ADMISSION_DECISION'), facts(), env({ openDeadlines: open('ADMISSION_DECISION', '2026-03-01') })),
    input(extension('2026-03-02', 'RECOGNITION_DECISION')),
  ],
  CONSENT_NOT_APPLICABLE: [
    input(consentOf('over_60'), facts({ decision })),
    input(consentOf('political'), facts({ decision })),
    input(consentOf('readmission'), facts({ decision, readmission: READMITTED })),
    input(consentOf('readmission')),
    input(consentOf('late_ceremony')),
    input(consentOf('late_ceremony'), facts({ decision, ceremony: { heldOn: '2026-03-09', helper: { name: 'Lê Văn Cường' } } })),
  ],
  // ADR 0016: how a step was carried out.
  BIOGRAPHY_CERTIFIER_NOT_COMPETENT: [
    input({ type: 'BIOGRAPHY_CERTIFIED', occurredOn: '2026-01-15', politicalIssue: false, certifiedBy: 'cell_committee' }),
    input({ type: 'BIOGRAPHY_CERTIFIED', occurredOn: '2026-01-15', politicalIssue: false, certifiedBy: 'other' }),
  ],
  VERIFICATION_BY_INTERESTED_PERSON: [
    input({ type: 'VERIFICATION_REPLIED', occurredOn: '2026-01-15', requestId: 'TT-1', verifiedBy: 'candidate' }),
    input({ type: 'VERIFICATION_REPLIED', occurredOn: '2026-01-15', requestId: 'TT-1', verifiedBy: 'relative' }),
  ],
  VOTE_NOT_INDIVIDUAL: [input({ type: 'CELL_VOTE_RECORDED', occurredOn: '2026-01-15', fullMembers: 9, excluded: 0, inFavour: 6, votedIndividually: false })],
  PROBATIONARY_MEMBERS_COUNTED: [input({ type: 'CELL_VOTE_RECORDED', occurredOn: '2026-01-15', fullMembers: 9, excluded: 0, inFavour: 6, probationaryCounted: 2 })],
  DECISION_BODY_NOT_COMPETENT: [input(decided('2026-03-02', { decidedBy: 'grassroots_committee' }))],
  CEREMONY_NOT_INDIVIDUAL: [input({ type: 'CEREMONY_HELD', occurredOn: '2026-03-20', helper: { name: 'Lê Văn Cường' }, individually: false })],
  RELIGION_NOT_RECOGNISED: [input(cellVote('2026-01-15'), facts({}, { religion: 'Hội thánh Đức Chúa Trời', religionRecognised: false }))],
  READMISSION_EXCLUDED: [
    input(opened({ leftReason: 'abandoned_activity' })),
    input(opened({ leftReason: 'asked_to_leave' })),
    input(opened({ leftReason: 'serious_crime_conviction' })),
  ],
  READMISSION_ONLY_ONCE: [input(opened({ timesReadmittedBefore: 1 }))],
  READMISSION_TOO_EARLY: [
    input(cellVote('2023-03-14'), facts({ readmission: READMITTED })),
    input(cellVote('2026-01-15'), facts({ readmission: { ...READMITTED, criminalRecordClearedOn: '2021-06-01' } })),
  ],
  READMISSION_CONSENT_MISSING: [input(decided('2026-03-10'), facts({ readmission: READMITTED, cellVoteOn: '2026-01-15' }))],
  TRANSFER_DOSSIER_NOT_AWAITED: [input({ type: 'TRANSFER_DOSSIER_RECEIVED', occurredOn: '2026-03-10' }, facts({ lastStepOn: '2026-03-02' }))],
  ANNULLED_DECISION_MISMATCH: [
    input({ type: 'ADMISSION_ANNULLED', occurredOn: '2026-06-10', decisionNo: 'QĐ-9', reason: 'standards_not_met' }, facts({ lastStepOn: '2026-03-02', decision })),
    input(
      { type: 'RECOGNITION_ANNULLED', occurredOn: '2027-06-10', decisionNo: 'QĐ-9', reason: 'procedure_error' },
      facts({
        lastStepOn: '2027-03-02',
        votes: [{ body: 'superior', stage: 'recognition', motion: 'recognise', occurredOn: '2027-03-02', voters: 7, inFavour: 5, passed: true, deciding: true, decisionNo: 'QĐ-20' }],
      }),
    ),
  ],
};

// ---- what a clerk must not read ------------------------------------------------------------------------------

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Upper-case words that are names, not ids: the document codes of the titles (`BTCTW`) and words of the labels (`TNCS`). */
const NAMES_IN_CAPITALS = new Set(
  [...Object.values(SOURCE_TEXTS_VI), ...Object.values(EVENT_LABELS).map((l) => l.vi), ...Object.values(INTRODUCING_BODY_LABELS).map((l) => l.vi)].flatMap(
    (t) => t.match(/\b[A-Z][A-Z0-9_]{3,}\b/g) ?? [],
  ),
);
const FORBIDDEN_WORDS = [
  ...schemaFieldNames(),
  ...schemaChoiceValues(),
  ...EVENT_TYPES,
  ...TOP_STATES,
  ...CONSENT_KINDS,
  ...DEADLINE_KINDS,
  ...Object.keys(RULE_DEFINITIONS),
  'requestId',
  'sponsor',
];
const FORBIDDEN = new RegExp(`(?<![\\p{L}\\p{N}_])(${[...new Set(FORBIDDEN_WORDS)].map(escape).join('|')})(?![\\p{L}\\p{N}_])`, 'u');
const ISO_DATE = /\d{4}-\d{2}-\d{2}/;
const VI_DATE = /\b\d{2}\/\d{2}\/\d{4}\b/;
const ENGLISH_IN_BASIS = /§|Art\.|\bitem\b|\b(CH|LC|HD\d+|QĐ\d+|HN\d+)\b|[a-z][A-Z]/;

/** The problems a clerk would meet in `text`; empty when it reads as Vietnamese. */
function clerkProblems(text: string): string[] {
  const problems: string[] = [];
  const ids = (text.match(/\b[A-Z][A-Z0-9_]{3,}\b/g) ?? []).filter((w) => !NAMES_IN_CAPITALS.has(w));
  if (ids.length) problems.push(`ids ${ids.join(', ')}`);
  if (ISO_DATE.test(text)) problems.push(`ISO date ${ISO_DATE.exec(text)?.[0]}`);
  const word = FORBIDDEN.exec(text);
  if (word) problems.push(`the id "${word[1]}"`);
  return problems;
}

describe('the checks of this file catch what they are for', () => {
  it('finds ids, ISO dates and field or state names; passes the document codes and Vietnamese words', () => {
    expect(clerkProblems('Không thể ghi nhận CELL_VOTE_RECORDED khi hồ sơ đang ở bước dossier')).toEqual(['ids CELL_VOTE_RECORDED', 'the id "CELL_VOTE_RECORDED"']);
    expect(clerkProblems('occurredOn 2026-01-02 trước ngày')).toEqual(['ISO date 2026-01-02', 'the id "occurredOn"']);
    expect(clerkProblems('chưa có văn bản đồng ý (late_ceremony)')).toEqual(['the id "late_ceremony"']);
    expect(clerkProblems('khi hồ sơ đang ở bước dossier')).toEqual(['the id "dossier"']);
    expect(clerkProblems('Thời hạn ADMISSION_DECISION')).toEqual(['ids ADMISSION_DECISION', 'the id "ADMISSION_DECISION"']);
    expect(clerkProblems('điểm 26 mục I.1.4 Hướng dẫn số 38-HD/BTCTW ngày 29/09/2025; Đoàn TNCS Hồ Chí Minh')).toEqual([]);
  });
});

describe('every rule explains its refusal to a clerk', () => {
  it('every rule of the catalogue has at least one breaking input here', () => {
    const missing = Object.keys(RULE_DEFINITIONS).filter((id) => !VIOLATIONS[id]?.length);
    expect(missing).toEqual([]);
    expect(Object.keys(VIOLATIONS).filter((id) => !RULE_DEFINITIONS[id])).toEqual([]);
  });

  const cases = Object.entries(VIOLATIONS).flatMap(([id, inputs]) => inputs.map((i, n) => [id, n, i] as const));

  it.each(cases)('%s (input %i): Vietnamese for a clerk, ending with its basis', (id, _n, i) => {
    const rule = RULE_DEFINITIONS[id];
    const finding = rule.check(i);
    const v = evaluateRule(rule, i);
    expect(v).toMatchObject({ code: 'RULE_VIOLATION', rule: id });
    const messageVi = v!.messageVi;
    const basis = finding?.basisSource ? sourceVi(finding.basisSource) : ruleBasisVi(rule);
    expect(messageVi.endsWith(` (căn cứ ${basis}).`)).toBe(true);
    expect(clerkProblems(messageVi)).toEqual([]);
    const sentence = messageVi.slice(0, messageVi.length - ` (căn cứ ${basis}).`.length);
    expect(sentence.length).toBeGreaterThan(10);
    expect(sentence).not.toMatch(/căn cứ|mã quy tắc/);
    // Each real date the English message gives is in the sentence too, as dd/mm/yyyy.
    const dates = (v!.message.match(/\d{4}-\d{2}-\d{2}/g) ?? []).filter(isBusinessDate);
    for (const d of dates) expect(sentence).toContain(viDate(d));
    if (dates.length) expect(sentence).toMatch(VI_DATE);
  });

  it('the refusal the README quotes is the one given', () => {
    const v = evaluateRule(RULE_DEFINITIONS.AGE_BELOW_18, VIOLATIONS.AGE_BELOW_18[0]);
    const quoted =
      'Người vào Đảng mới 215 tháng tuổi tại ngày chi bộ họp xét kết nạp 15/01/2026; cần đủ 216 tháng (18 tuổi) (căn cứ mục 1.1.1 Quy định số 294-QĐ/TW ngày 26/05/2025).';
    expect(v?.messageVi).toBe(quoted);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const readme = (require('node:fs') as typeof import('node:fs')).readFileSync(`${__dirname}/../../../../README.md`, 'utf8').replace(/\s+/g, ' ');
    expect(readme).toContain(quoted);
  });

  it('the descriptions of the catalogue name no ids either', () => {
    for (const rule of Object.values(RULE_DEFINITIONS)) expect([rule.id, clerkProblems(rule.descriptionVi)]).toEqual([rule.id, []]);
  });
});

describe('the basis of every rule', () => {
  it('renders from its source without leftover abbreviations, or is declared in plain words', () => {
    for (const rule of Object.values(RULE_DEFINITIONS)) {
      const basis = ruleBasisVi(rule);
      if (rule.basisVi === undefined) expect([rule.id, renderSource(rule.source).unknown]).toEqual([rule.id, []]);
      expect([rule.id, basis]).not.toEqual([rule.id, expect.stringMatching(ENGLISH_IN_BASIS)]);
      expect([rule.id, clerkProblems(basis)]).toEqual([rule.id, []]);
    }
  });

  it('the narrower bases findings give render as well', () => {
    for (const [id, inputs] of Object.entries(VIOLATIONS)) {
      for (const i of inputs) {
        const narrower = RULE_DEFINITIONS[id].check(i)?.basisSource;
        if (narrower) expect([id, renderSource(narrower).unknown]).toEqual([id, []]);
      }
    }
  });
});

describe('EVENT_NOT_ALLOWED', () => {
  it('names the step and the stage by their labels and lists what can be recorded, in every state', () => {
    for (const state of TOP_STATES) {
      for (const type of EVENT_TYPES) {
        const allowed: EventType[] = ['WITHDRAWN', 'CONSENT_RECORDED'];
        const text = notAllowedVi(state, allowed, type);
        expect(text).toContain(`«${EVENT_LABELS[type].vi}»`);
        expect(text).toContain(`«${STATE_LABELS[state].vi}»`);
        expect(text).toContain(`«${EVENT_LABELS.WITHDRAWN.vi}», «${EVENT_LABELS.CONSENT_RECORDED.vi}»`);
        expect([state, type, clerkProblems(text)]).toEqual([state, type, []]);
      }
    }
  });

  it('says when nothing can be recorded, and does not repeat an unknown type', () => {
    const text = notAllowedVi('fullMember', [], 'NO_SUCH_EVENT');
    expect(text).toBe('Không thể ghi nhận bước này khi hồ sơ đang ở bước «Đảng viên chính thức». Hồ sơ hiện không có bước nào để ghi nhận.');
  });
});
