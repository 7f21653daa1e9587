import { initialFacts } from '../machine/facts';
import { OrganisationFacts } from '../model/engine';
import { DomainEvent } from '../model/events';
import {
  AUTHORISED_GRASSROOTS,
  CANDIDATE,
  CaseDriver,
  makeEnv,
  ORDINARY_CELL,
  PASSING_CELL_VOTE,
  toCellReview,
  toProbation,
  toRecognitionReview,
  VILLAGE_CELL,
} from '../__fixtures__/scenario';
import { DECISION_BODY_NOT_COMPETENT } from './conduct';
import { evaluateRule } from './rule';

/**
 * The rules of how a step was carried out (rules/conduct.ts, ADR 0016): the engine refuses the unlawful value with
 * the rule's id and accepts the lawful one and the default (the field left out), so histories recorded before the
 * field existed keep their meaning.
 */

const refusedBy = (d: ReturnType<CaseDriver['send']>): string | null => (d.ok ? null : ((d.refusal as { rule?: string }).rule ?? d.refusal.code));

/** In the dossier, the biography filed and one verification requested on 2025-10-06. */
function verifying(): CaseDriver {
  return new CaseDriver()
    .ok('AWARENESS_CERTIFICATE_RECORDED', '2025-09-10', { certificateNo: 'CN-1', issuedOn: '2025-09-05', issuer: 'TTCT' })
    .ok('DOSSIER_OPENED', '2025-10-01', { resolutionNo: 'NQ-7' })
    .ok('APPLICATION_FILED', '2025-10-02')
    .ok('BIOGRAPHY_FILED', '2025-10-03')
    .ok('VERIFICATION_REQUESTED', '2025-10-06', { requestId: 'req-1', scope: 'domestic', subject: 'father' });
}

describe('VERIFICATION_BY_INTERESTED_PERSON', () => {
  it('the candidate or a relative refused; the party committee and the default accepted', () => {
    expect(refusedBy(verifying().send('VERIFICATION_REPLIED', '2025-10-20', { requestId: 'req-1', verifiedBy: 'candidate' }))).toBe('VERIFICATION_BY_INTERESTED_PERSON');
    expect(refusedBy(verifying().send('VERIFICATION_REPLIED', '2025-10-20', { requestId: 'req-1', verifiedBy: 'relative' }))).toBe('VERIFICATION_BY_INTERESTED_PERSON');
    expect(refusedBy(verifying().send('VERIFICATION_REPLIED', '2025-10-20', { requestId: 'req-1', verifiedBy: 'party_committee' }))).toBeNull();
    expect(refusedBy(verifying().send('VERIFICATION_REPLIED', '2025-10-20', { requestId: 'req-1' }))).toBeNull();
  });

  it('the refusal is worded for a clerk: no field value, the article named', () => {
    const d = verifying().send('VERIFICATION_REPLIED', '2025-10-20', { requestId: 'req-1', verifiedBy: 'relative' });
    expect(d.ok).toBe(false);
    const messageVi = (d as { refusal: { messageVi: string } }).refusal.messageVi;
    expect(messageVi).toContain('người thân');
    expect(messageVi).toContain('Hướng dẫn số 38-HD/BTCTW');
    expect(messageVi).not.toContain('relative');
  });
});

describe('BIOGRAPHY_CERTIFIER_NOT_COMPETENT', () => {
  const replied = () => verifying().ok('VERIFICATION_REPLIED', '2025-10-20', { requestId: 'req-1' });
  it('the cell committee or another body refused; the grassroots or superior committee and the default accepted', () => {
    for (const body of ['cell_committee', 'other'] as const) {
      expect(refusedBy(replied().send('BIOGRAPHY_CERTIFIED', '2025-10-27', { politicalIssue: false, certifiedBy: body }))).toBe('BIOGRAPHY_CERTIFIER_NOT_COMPETENT');
    }
    for (const body of ['grassroots_committee', 'superior_committee'] as const) {
      expect(refusedBy(replied().send('BIOGRAPHY_CERTIFIED', '2025-10-27', { politicalIssue: false, certifiedBy: body }))).toBeNull();
    }
    expect(refusedBy(replied().send('BIOGRAPHY_CERTIFIED', '2025-10-27', { politicalIssue: false }))).toBeNull();
  });
});

describe('at the cell vote: VOTE_NOT_INDIVIDUAL, PROBATIONARY_MEMBERS_COUNTED, RELIGION_NOT_RECOGNISED', () => {
  const ready = (candidate = CANDIDATE) => toCellReview(new CaseDriver(makeEnv(), '2025-09-01', candidate));

  it('a block vote refused; voted individually, or the field left out, accepted', () => {
    expect(refusedBy(ready().send('CELL_VOTE_RECORDED', '2025-11-10', { ...PASSING_CELL_VOTE, votedIndividually: false }))).toBe('VOTE_NOT_INDIVIDUAL');
    expect(refusedBy(ready().send('CELL_VOTE_RECORDED', '2025-11-10', { ...PASSING_CELL_VOTE, votedIndividually: true }))).toBeNull();
    expect(refusedBy(ready().send('CELL_VOTE_RECORDED', '2025-11-10', PASSING_CELL_VOTE))).toBeNull();
  });

  it('one probationary member counted refused; none accepted', () => {
    expect(refusedBy(ready().send('CELL_VOTE_RECORDED', '2025-11-10', { ...PASSING_CELL_VOTE, probationaryCounted: 1 }))).toBe('PROBATIONARY_MEMBERS_COUNTED');
    expect(refusedBy(ready().send('CELL_VOTE_RECORDED', '2025-11-10', { ...PASSING_CELL_VOTE, probationaryCounted: 0 }))).toBeNull();
  });

  it('a religion marked not recognised refused; recognised, unmarked or no religion accepted', () => {
    expect(refusedBy(ready({ ...CANDIDATE, religion: 'Hội thánh X', religionRecognised: false }).send('CELL_VOTE_RECORDED', '2025-11-10', PASSING_CELL_VOTE))).toBe('RELIGION_NOT_RECOGNISED');
    expect(refusedBy(ready({ ...CANDIDATE, religion: 'Công giáo', religionRecognised: true }).send('CELL_VOTE_RECORDED', '2025-11-10', PASSING_CELL_VOTE))).toBeNull();
    expect(refusedBy(ready({ ...CANDIDATE, religion: 'Công giáo' }).send('CELL_VOTE_RECORDED', '2025-11-10', PASSING_CELL_VOTE))).toBeNull();
    expect(refusedBy(ready({ ...CANDIDATE, religion: null, religionRecognised: false }).send('CELL_VOTE_RECORDED', '2025-11-10', PASSING_CELL_VOTE))).toBeNull();
  });

  it('a recognition vote counting a probationary member refused', () => {
    const c = toRecognitionReview(new CaseDriver());
    expect(refusedBy(c.send('RECOGNITION_CELL_VOTE_RECORDED', '2027-01-12', { ...PASSING_CELL_VOTE, motion: 'recognise', probationaryCounted: 1 }))).toBe('PROBATIONARY_MEMBERS_COUNTED');
    expect(refusedBy(c.send('RECOGNITION_CELL_VOTE_RECORDED', '2027-01-12', { ...PASSING_CELL_VOTE, motion: 'recognise' }))).toBeNull();
  });
});

describe('DECISION_BODY_NOT_COMPETENT and CEREMONY_NOT_INDIVIDUAL', () => {
  const atSuperior = () => {
    const c = toCellReview(new CaseDriver());
    return c.ok('CELL_VOTE_RECORDED', '2025-11-10', PASSING_CELL_VOTE).ok('GRASSROOTS_VOTE_RECORDED', '2025-12-01', { committeeMembers: 9, inFavour: 7 });
  };
  const decision = { decisionNo: 'QD-1', standingMembers: 7, inFavour: 5, receivedOn: '2025-12-17' };

  it('a decision adopted by a grassroots committee not authorised to admit refused; the competent committee or the default accepted', () => {
    expect(refusedBy(atSuperior().send('ADMISSION_DECIDED', '2025-12-15', { ...decision, decidedBy: 'grassroots_committee' }))).toBe('DECISION_BODY_NOT_COMPETENT');
    expect(refusedBy(atSuperior().send('ADMISSION_DECIDED', '2025-12-15', { ...decision, decidedBy: 'competent_committee' }))).toBeNull();
    expect(refusedBy(atSuperior().send('ADMISSION_DECIDED', '2025-12-15', decision))).toBeNull();
  });

  it('a decision naming the grassroots committee is lawful where it is authorised to admit, and only there', () => {
    const event: DomainEvent = { type: 'RECOGNITION_DECIDED', occurredOn: '2027-01-26', decisionNo: 'QD-2', standingMembers: 7, inFavour: 5, motion: 'recognise', decidedBy: 'grassroots_committee' };
    const facts = initialFacts({ candidate: CANDIDATE, openedOn: '2025-09-01', procedureVersion: 'qd294-2025' });
    const env = (organisation: OrganisationFacts) => ({ today: '2030-01-01', organisation, openDeadlines: [] });
    expect(evaluateRule(DECISION_BODY_NOT_COMPETENT, { facts, event, env: env(AUTHORISED_GRASSROOTS) })).toBeNull();
    expect(evaluateRule(DECISION_BODY_NOT_COMPETENT, { facts, event, env: env(ORDINARY_CELL) })?.rule).toBe('DECISION_BODY_NOT_COMPETENT');
    expect(evaluateRule(DECISION_BODY_NOT_COMPETENT, { facts, event, env: env(VILLAGE_CELL) })?.rule).toBe('DECISION_BODY_NOT_COMPETENT');
  });

  it('a joint ceremony refused; an individual one, or the field left out, accepted', () => {
    const awaiting = () => atSuperior().ok('ADMISSION_DECIDED', '2025-12-15', decision);
    expect(refusedBy(awaiting().send('CEREMONY_HELD', '2026-01-06', { helper: { name: 'B' }, individually: false }))).toBe('CEREMONY_NOT_INDIVIDUAL');
    expect(refusedBy(awaiting().send('CEREMONY_HELD', '2026-01-06', { helper: { name: 'B' }, individually: true }))).toBeNull();
    expect(refusedBy(awaiting().send('CEREMONY_HELD', '2026-01-06', { helper: { name: 'B' } }))).toBeNull();
  });

  it('a probation reached through the usual path is untouched by the new fields', () => {
    expect(toProbation(new CaseDriver()).state).toBe('probation');
  });
});

describe('fullMember takes the announcement and the card handover', () => {
  const recognised = () =>
    toRecognitionReview(new CaseDriver())
      .ok('RECOGNITION_CELL_VOTE_RECORDED', '2027-01-12', { ...PASSING_CELL_VOTE, motion: 'recognise' })
      .ok('RECOGNITION_GRASSROOTS_VOTE_RECORDED', '2027-01-19', { committeeMembers: 9, inFavour: 7, motion: 'recognise' })
      .ok('RECOGNITION_DECIDED', '2027-01-26', { decisionNo: 'QD-2', standingMembers: 7, inFavour: 5, motion: 'recognise' });

  it('records both and stays a full member; the card cannot be handed over before its decision, nor the announcement precede the decision', () => {
    const c = recognised();
    expect(c.state).toBe('fullMember');
    expect(refusedBy(c.send('RECOGNITION_ANNOUNCED', '2027-01-25'))).toBe('DATE_BEFORE_PREVIOUS_STEP');
    c.ok('RECOGNITION_ANNOUNCED', '2027-02-02');
    expect(c.state).toBe('fullMember');
    expect(refusedBy(c.send('MEMBER_CARD_HANDED_OVER', '2027-03-01', { cardNo: '1', cardDecidedOn: '2027-03-02' }))).toBe('DATE_BEFORE_PREVIOUS_STEP');
    c.ok('MEMBER_CARD_HANDED_OVER', '2027-03-02', { cardNo: '1', cardDecidedOn: '2027-03-02' });
    expect(c.state).toBe('fullMember');
    expect(c.description.facts).toMatchObject({ recognitionAnnouncedOn: '2027-02-02', memberCard: { handedOverOn: '2027-03-02', cardNo: '1', cardDecidedOn: '2027-03-02' } });
  });

  it('the announcement limit: one calendar month from the decision; on its last day met, the day after accepted but missed', () => {
    const onTime = recognised();
    expect(onTime.deadline('RECOGNITION_ANNOUNCEMENT')).toMatchObject({ baseOn: '2027-01-26', dueOn: '2027-02-26', status: 'open' });
    onTime.ok('RECOGNITION_ANNOUNCED', '2027-02-26');
    expect(onTime.deadline('RECOGNITION_ANNOUNCEMENT')).toMatchObject({ status: 'met', closedOn: '2027-02-26' });
    const late = recognised().ok('RECOGNITION_ANNOUNCED', '2027-02-27');
    expect(late.deadline('RECOGNITION_ANNOUNCEMENT')).toMatchObject({ status: 'missed', closedOn: '2027-02-27' });
  });

  it('the two are parts of one stage: entered in either order of their dates, neither before the recognition decision', () => {
    const c = recognised().ok('MEMBER_CARD_HANDED_OVER', '2027-02-10', { cardDecidedOn: '2027-02-01' });
    c.ok('RECOGNITION_ANNOUNCED', '2027-02-02');
    expect(c.description.facts).toMatchObject({ recognitionAnnouncedOn: '2027-02-02', memberCard: { handedOverOn: '2027-02-10' } });
    expect(refusedBy(recognised().send('MEMBER_CARD_HANDED_OVER', '2027-01-25', {}))).toBe('DATE_BEFORE_PREVIOUS_STEP');
    expect(refusedBy(recognised().send('MEMBER_CARD_HANDED_OVER', '2027-01-26', {}))).toBeNull();
  });

  it('neither is accepted before recognition', () => {
    const c = toRecognitionReview(new CaseDriver());
    expect(refusedBy(c.send('RECOGNITION_ANNOUNCED', '2027-01-12'))).toBe('EVENT_NOT_ALLOWED');
    expect(refusedBy(c.send('MEMBER_CARD_HANDED_OVER', '2027-01-12', {}))).toBe('EVENT_NOT_ALLOWED');
  });
});
