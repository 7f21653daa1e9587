import { CaseDriver, makeEnv, ORDINARY_CELL, PASSING_CELL_VOTE, toCellReview, toProbation, toRecognitionReview, VILLAGE_CELL } from '../__fixtures__/scenario';
import { OrganisationFacts } from '../model/engine';
import { DEADLINE_KIND_LABELS } from '../model/deadline-labels';
import { DEADLINE_KINDS } from '../model/deadlines';
import { decide, restoreAggregate } from '../engine/engine';
import { deadlineExtension } from '../deadlines/table';
import { HANOI_PROFILE, RULE_PROFILES } from './profiles';
import { QD232_2025, QD294_2025, ruleProfileIds, ruleSetById, ruleSetFor } from './rule-sets';

const HANOI_CELL: OrganisationFacts = { ...ORDINARY_CELL, ruleProfile: 'hanoi' };
const hanoi = () => new CaseDriver(makeEnv('2030-12-31', HANOI_CELL));
const central = () => new CaseDriver(makeEnv('2030-12-31', ORDINARY_CELL));
const recognise = { fullMembers: 9, excluded: 0, inFavour: 7, motion: 'recognise' as const };
const PROFILE_KINDS = ['DOSSIER_DISPATCH', 'GRASSROOTS_RESOLUTION', 'DATABASE_ENTRY', 'RECOGNITION_REVOTE'];

describe('rule profiles as an overlay of the versioned rule sets', () => {
  it('central is no overlay: the versioned sets themselves, without the profile-only limits', () => {
    expect(ruleSetFor('2025-07-01')).toBe(QD294_2025);
    expect(ruleSetFor('2025-07-01', 'central')).toBe(QD294_2025);
    expect(ruleSetFor('2025-06-30', 'central')).toBe(QD232_2025);
    expect(QD294_2025).toMatchObject({ profile: 'central', dossierDispatch: null, grassrootsResolution: null, databaseEntry: null, recognitionRevote: null });
  });

  it('hanoi lays its numbers over whichever version is in force, and is found again by its id', () => {
    const rs = ruleSetFor('2025-07-01', 'hanoi');
    expect(rs.id).toBe('qd294-2025+hanoi');
    expect(rs).toMatchObject({
      profile: 'hanoi',
      dossierDispatch: { workingDays: 5 },
      grassrootsResolution: { workingDays: 25 },
      databaseEntry: { workingDays: 30 },
      recognitionDecision: { workingDays: 15, extension: 15 },
      recognitionRevote: { workingDays: 45 },
      // Untouched by the overlay: the version's own numbers.
      admissionDecision: QD294_2025.admissionDecision,
      youthAgeMaxYears: 30,
    });
    expect(ruleSetFor('2025-06-30', 'hanoi')).toMatchObject({ id: 'qd232-2025+hanoi', admissionDecision: QD232_2025.admissionDecision });
    expect(ruleSetById('qd294-2025+hanoi')).toEqual(rs);
    expect(ruleSetById('qd294-2025')).toBe(QD294_2025);
    expect(deadlineExtension('RECOGNITION_DECISION', rs)).toBe(15);
    expect(() => ruleSetFor('2025-07-01', 'atlantis')).toThrow(/unknown rule profile atlantis/);
    expect(() => ruleSetById('qd294-2025+atlantis')).toThrow(/unknown rule profile/);
  });

  it('ships central (the default, first) and hanoi, each named in Vietnamese; every new kind has its label', () => {
    expect(ruleProfileIds()).toEqual(['central', 'hanoi']);
    expect(RULE_PROFILES.every((p) => p.label.vi.length > 0)).toBe(true);
    expect(HANOI_PROFILE.overlay.localCriteria?.length).toBeGreaterThan(0);
    for (const kind of PROFILE_KINDS) {
      expect(DEADLINE_KINDS).toContain(kind);
      expect(DEADLINE_KIND_LABELS[kind as keyof typeof DEADLINE_KIND_LABELS].vi).toMatch(/^Hạn /);
    }
  });
});

describe('Hà Nội limits in a case', () => {
  it('the cell vote opens D5 (5 WD) and D6 (25 WD) under hanoi only; the admission decision limit is unchanged', () => {
    const h = toCellReview(hanoi()).ok('CELL_VOTE_RECORDED', '2025-11-10', PASSING_CELL_VOTE); // a Monday
    expect(h.deadline('DOSSIER_DISPATCH')).toMatchObject({ baseOn: '2025-11-10', dueOn: '2025-11-17', status: 'open', ruleSet: 'qd294-2025+hanoi', source: 'HN02 II.1.1.3.2' });
    expect(h.deadline('GRASSROOTS_RESOLUTION')).toMatchObject({ dueOn: '2025-12-15', status: 'open' });
    const c = toCellReview(central()).ok('CELL_VOTE_RECORDED', '2025-11-10', PASSING_CELL_VOTE);
    expect(h.deadline('ADMISSION_DECISION').dueOn).toBe(c.deadline('ADMISSION_DECISION').dueOn);
    expect(c.aggregate.deadlines.map((d) => d.kind).filter((k) => PROFILE_KINDS.includes(k))).toEqual([]);
    expect(c.deadline('ADMISSION_DECISION').ruleSet).toBe('qd294-2025');
  });

  it('D5 is judged at the day the grassroots committee received the dossier: the 5th working day met, the 6th missed', () => {
    const onDay5 = toCellReview(hanoi()).ok('CELL_VOTE_RECORDED', '2025-11-10', PASSING_CELL_VOTE);
    onDay5.ok('GRASSROOTS_VOTE_RECORDED', '2025-12-01', { committeeMembers: 9, inFavour: 7, dossierReceivedOn: '2025-11-17' });
    expect(onDay5.deadline('DOSSIER_DISPATCH')).toMatchObject({ status: 'met', closedOn: '2025-11-17' });
    expect(onDay5.deadline('GRASSROOTS_RESOLUTION')).toMatchObject({ status: 'met', closedOn: '2025-12-01' });

    const onDay6 = toCellReview(hanoi()).ok('CELL_VOTE_RECORDED', '2025-11-10', PASSING_CELL_VOTE);
    onDay6.ok('GRASSROOTS_VOTE_RECORDED', '2025-12-01', { committeeMembers: 9, inFavour: 7, dossierReceivedOn: '2025-11-18' });
    expect(onDay6.deadline('DOSSIER_DISPATCH')).toMatchObject({ status: 'missed', closedOn: '2025-11-18', lateWorkingDays: 1 });
  });

  it('without the receipt date D5 is judged at the vote; D6 is met on its 25th working day and missed on the 26th', () => {
    const day25 = toCellReview(hanoi()).ok('CELL_VOTE_RECORDED', '2025-11-10', PASSING_CELL_VOTE);
    day25.ok('GRASSROOTS_VOTE_RECORDED', '2025-12-15', { committeeMembers: 9, inFavour: 7 });
    expect(day25.deadline('DOSSIER_DISPATCH')).toMatchObject({ status: 'missed', closedOn: '2025-12-15', lateWorkingDays: 20 });
    expect(day25.deadline('GRASSROOTS_RESOLUTION')).toMatchObject({ status: 'met' });
    const day26 = toCellReview(hanoi()).ok('CELL_VOTE_RECORDED', '2025-11-10', PASSING_CELL_VOTE);
    day26.ok('GRASSROOTS_VOTE_RECORDED', '2025-12-16', { committeeMembers: 9, inFavour: 7 });
    expect(day26.deadline('GRASSROOTS_RESOLUTION')).toMatchObject({ status: 'missed', lateWorkingDays: 1 });
  });

  it('the receipt date is a date of the step: never after today; one after the vote is read as the vote date', () => {
    const h = toCellReview(hanoi()).ok('CELL_VOTE_RECORDED', '2025-11-10', PASSING_CELL_VOTE);
    h.env = makeEnv('2025-12-01', HANOI_CELL);
    expect(h.refused('GRASSROOTS_VOTE_RECORDED', '2025-12-01', { committeeMembers: 9, inFavour: 7, dossierReceivedOn: '2025-12-02' })).toMatchObject({
      code: 'RULE_VIOLATION',
      rule: 'DATE_IN_FUTURE',
      details: { field: 'dossierReceivedOn' },
    });
    h.env = makeEnv('2025-12-31', HANOI_CELL);
    h.ok('GRASSROOTS_VOTE_RECORDED', '2025-12-01', { committeeMembers: 9, inFavour: 7, dossierReceivedOn: '2025-12-05' });
    expect(h.deadline('DOSSIER_DISPATCH')).toMatchObject({ status: 'missed', closedOn: '2025-12-01' });
  });

  it('a village cell (no grassroots committee) gets neither D5 nor D6; a failed cell vote opens nothing', () => {
    const village = toCellReview(new CaseDriver(makeEnv('2030-12-31', { ...VILLAGE_CELL, ruleProfile: 'hanoi' }))).ok('CELL_VOTE_RECORDED', '2025-11-10', PASSING_CELL_VOTE);
    expect(village.openDeadlineKeys()).toEqual(['ADMISSION_DECISION']);
    const failed = toCellReview(hanoi()).ok('CELL_VOTE_RECORDED', '2025-11-10', { fullMembers: 9, excluded: 0, inFavour: 5 });
    expect(failed.openDeadlineKeys()).toEqual([]);
  });

  it('D10: the database entry within 30 WD of the admission decision, recorded with the member records', () => {
    const h = toProbation(hanoi());
    expect(h.deadline('DATABASE_ENTRY')).toMatchObject({ baseOn: '2025-12-15', dueOn: '2026-01-26', status: 'open', reference: 'QD-1', source: 'HN02 B.I.2.1' });
    h.ok('MEMBER_RECORDS_FILED', '2026-01-26');
    expect(h.deadline('DATABASE_ENTRY')).toMatchObject({ status: 'met' });
    const late = toProbation(hanoi()).ok('MEMBER_RECORDS_FILED', '2026-01-27');
    expect(late.deadline('DATABASE_ENTRY')).toMatchObject({ status: 'missed', lateWorkingDays: 1 });
    expect(late.deadline('MEMBER_RECORDS')).toMatchObject({ status: 'met' }); // 30 WD from the ceremony: its own limit
    expect(toProbation(central()).aggregate.deadlines.some((d) => d.kind === 'DATABASE_ENTRY')).toBe(false);
  });

  const toRecognitionDecision = (c: CaseDriver) =>
    toRecognitionReview(c)
      .ok('RECOGNITION_CELL_VOTE_RECORDED', '2027-01-15', recognise) // a Friday
      .ok('RECOGNITION_GRASSROOTS_VOTE_RECORDED', '2027-01-25', { committeeMembers: 9, inFavour: 6, motion: 'recognise' });
  const decided = (c: CaseDriver, on: string) => c.ok('RECOGNITION_DECIDED', on, { decisionNo: 'QD-9', standingMembers: 7, inFavour: 4, motion: 'recognise' });

  it('D13: the recognition decision within 15 WD: day 15 met, day 16 missed; central keeps 30', () => {
    const h = toRecognitionDecision(hanoi());
    expect(h.deadline('RECOGNITION_DECISION')).toMatchObject({ dueOn: '2027-02-05', ruleSet: 'qd294-2025+hanoi', source: 'HN02 II.2.1.4' });
    expect(decided(h, '2027-02-05').deadline('RECOGNITION_DECISION')).toMatchObject({ status: 'met' });
    expect(decided(toRecognitionDecision(hanoi()), '2027-02-08').deadline('RECOGNITION_DECISION')).toMatchObject({ status: 'missed', lateWorkingDays: 1 });
    const c = toRecognitionDecision(central());
    expect(c.deadline('RECOGNITION_DECISION')).toMatchObject({ dueOn: '2027-02-26', ruleSet: 'qd294-2025' });
    expect(c.aggregate.deadlines.some((d) => d.kind === 'RECOGNITION_REVOTE')).toBe(false);
  });

  it('D13: one extension adds 15 working days (+15)', () => {
    const h = toRecognitionDecision(hanoi()).ok('DEADLINE_EXTENDED', '2027-02-01', { deadlineKind: 'RECOGNITION_DECISION', reason: 'Cần xác minh thêm' });
    expect(h.deadline('RECOGNITION_DECISION')).toMatchObject({ originalDueOn: '2027-02-05', dueOn: '2027-02-26', extendedBy: 15 });
  });

  it('D14: after 45 WD without a decision the re-vote limit is missed; a decision on day 45 meets it', () => {
    const h = toRecognitionDecision(hanoi());
    expect(h.deadline('RECOGNITION_REVOTE')).toMatchObject({ baseOn: '2027-01-15', dueOn: '2027-03-19', status: 'open', source: 'HN02 II.2.1.4' });
    expect(decided(h, '2027-03-19').deadline('RECOGNITION_REVOTE')).toMatchObject({ status: 'met' });
    const late = decided(toRecognitionDecision(hanoi()), '2027-03-22');
    expect(late.deadline('RECOGNITION_REVOTE')).toMatchObject({ status: 'missed', lateWorkingDays: 1 });
    expect(late.deadline('RECOGNITION_DECISION')).toMatchObject({ status: 'missed', lateWorkingDays: 31 });
  });
});

describe('the profile belongs to the case', () => {
  it('a case keeps the profile it was opened under when its province changes profile', () => {
    const opened = hanoi();
    opened.env = makeEnv('2030-12-31', { ...ORDINARY_CELL, ruleProfile: 'central' });
    toCellReview(opened).ok('CELL_VOTE_RECORDED', '2025-11-10', PASSING_CELL_VOTE);
    expect(opened.deadline('DOSSIER_DISPATCH').dueOn).toBe('2025-11-17');
    expect(opened.description.facts.ruleProfile).toBe('hanoi');

    const centralCase = central();
    centralCase.env = makeEnv('2030-12-31', HANOI_CELL);
    toCellReview(centralCase).ok('CELL_VOTE_RECORDED', '2025-11-10', PASSING_CELL_VOTE);
    expect(centralCase.openDeadlineKeys()).toEqual(['ADMISSION_DECISION']);
    expect(centralCase.description.facts.ruleProfile).toBe('central');
  });

  it('a snapshot stored before profiles existed restores and is judged under central', () => {
    const c = toCellReview(central());
    const stored = JSON.parse(JSON.stringify(c.aggregate)) as { machine: { context: Record<string, unknown> } };
    delete stored.machine.context.ruleProfile;
    const restored = restoreAggregate(stored);
    const d = decide(restored, { type: 'CELL_VOTE_RECORDED', occurredOn: '2025-11-10', ...PASSING_CELL_VOTE, votedIndividually: true, probationaryCounted: 0 }, makeEnv('2030-12-31', HANOI_CELL));
    expect(d.ok && d.aggregate.deadlines.filter((x) => x.status === 'open').map((x) => x.key)).toEqual(['ADMISSION_DECISION']);
  });
});
