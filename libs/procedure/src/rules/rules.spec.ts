import { Candidate } from '../model/candidate';
import { DeadlineKind } from '../model/deadlines';
import { DomainEvent } from '../model/events';
import { CaseFacts, GuardEnv, initialFacts } from '../machine/facts';
import { AUTHORISED_GRASSROOTS, CANDIDATE, ORDINARY_CELL } from '../__fixtures__/scenario';
import { evaluateRule, RuleDefinition } from './rule';
import * as R from './index';

const facts = (o: Partial<CaseFacts> = {}, candidate: Partial<Candidate> = {}): CaseFacts => ({
  ...initialFacts({ candidate: { ...CANDIDATE, ...candidate }, openedOn: '2020-01-01', procedureVersion: 'qd294-2025' }),
  ...o,
});
const env = (o: Partial<GuardEnv> = {}): GuardEnv => ({ today: '2030-01-01', organisation: ORDINARY_CELL, openDeadlines: [], ...o });
const run = (rule: RuleDefinition, f: CaseFacts, event: DomainEvent, e: GuardEnv = env()) => evaluateRule(rule, { facts: f, event, env: e })?.rule ?? null;

const cellVote = (on: string): DomainEvent => ({ type: 'CELL_VOTE_RECORDED', occurredOn: on, fullMembers: 9, excluded: 0, inFavour: 6 });
const decided = (on: string, inFavour = 5): DomainEvent => ({
  type: 'ADMISSION_DECIDED',
  occurredOn: on,
  decisionNo: 'QD',
  standingMembers: 7,
  inFavour,
  receivedOn: on,
});
const consent = { issuer: 'Ban Thường vụ Tỉnh ủy', documentNo: 'CV-1', recordedOn: '2025-01-01' };

describe('dates', () => {
  it('DATE_IN_FUTURE: today passes, tomorrow fails, also for payload dates', () => {
    const f = facts();
    expect(run(R.DATE_IN_FUTURE, f, { type: 'APPLICATION_FILED', occurredOn: '2030-01-01' })).toBeNull();
    expect(run(R.DATE_IN_FUTURE, f, { type: 'APPLICATION_FILED', occurredOn: '2030-01-02' })).toBe('DATE_IN_FUTURE');
    const cert = (issuedOn: string): DomainEvent => ({ type: 'AWARENESS_CERTIFICATE_RECORDED', occurredOn: '2029-01-01', certificateNo: 'c', issuedOn, issuer: 'x' });
    expect(run(R.DATE_IN_FUTURE, f, cert('2030-01-01'))).toBeNull();
    expect(run(R.DATE_IN_FUTURE, f, cert('2030-01-02'))).toBe('DATE_IN_FUTURE');
    expect(run(R.DATE_IN_FUTURE, f, { ...decided('2029-12-01'), receivedOn: '2030-01-02' } as DomainEvent)).toBe('DATE_IN_FUTURE');
    const sponsor = (togetherSince: string, fullMemberSince: string): DomainEvent => ({
      type: 'SPONSOR_ADDED',
      occurredOn: '2029-01-01',
      sponsor: { name: 'A', togetherSince, fullMemberSince },
    });
    expect(run(R.DATE_IN_FUTURE, f, sponsor('2030-01-02', '2010-01-01'))).toBe('DATE_IN_FUTURE');
    expect(run(R.DATE_IN_FUTURE, f, sponsor('2020-01-01', '2030-01-02'))).toBe('DATE_IN_FUTURE');
    expect(run(R.DATE_IN_FUTURE, f, sponsor('2020-01-01', '2010-01-01'))).toBeNull();
  });

  it('DATE_BEFORE_PREVIOUS_STEP: a stage follows the latest step, the same day passes, the day before fails', () => {
    const f = facts({ lastStepOn: '2026-03-10' });
    expect(run(R.DATE_BEFORE_PREVIOUS_STEP, f, cellVote('2026-03-10'))).toBeNull();
    expect(run(R.DATE_BEFORE_PREVIOUS_STEP, f, cellVote('2026-03-09'))).toBe('DATE_BEFORE_PREVIOUS_STEP');
  });

  it('DATE_BEFORE_PREVIOUS_STEP: a part of the dossier follows the dossier opening only, not the latest part', () => {
    const f = facts({ lastStepOn: '2026-03-10', dossierOpenedOn: '2026-02-01' });
    expect(run(R.DATE_BEFORE_PREVIOUS_STEP, f, { type: 'APPLICATION_FILED', occurredOn: '2026-02-01' })).toBeNull();
    expect(run(R.DATE_BEFORE_PREVIOUS_STEP, f, { type: 'APPLICATION_FILED', occurredOn: '2026-01-31' })).toBe('DATE_BEFORE_PREVIOUS_STEP');
  });

  it('DATE_BEFORE_PREVIOUS_STEP: a decision cannot be received before it is made', () => {
    const f = facts({ lastStepOn: '2026-03-01' });
    expect(run(R.DATE_BEFORE_PREVIOUS_STEP, f, { ...decided('2026-03-10'), receivedOn: '2026-03-10' } as DomainEvent)).toBeNull();
    expect(run(R.DATE_BEFORE_PREVIOUS_STEP, f, { ...decided('2026-03-10'), receivedOn: '2026-03-09' } as DomainEvent)).toBe('DATE_BEFORE_PREVIOUS_STEP');
  });

  it('DATE_BEFORE_PREVIOUS_STEP: the ceremony cannot precede receipt of the decision', () => {
    const f = facts({ lastStepOn: '2026-03-10', decision: { decisionNo: 'QD', decidedOn: '2026-03-10', receivedOn: '2026-03-12' } });
    const ceremony = (on: string): DomainEvent => ({ type: 'CEREMONY_HELD', occurredOn: on, helper: { name: 'B' } });
    expect(run(R.DATE_BEFORE_PREVIOUS_STEP, f, ceremony('2026-03-11'))).toBe('DATE_BEFORE_PREVIOUS_STEP');
    expect(run(R.DATE_BEFORE_PREVIOUS_STEP, f, ceremony('2026-03-12'))).toBeNull();
  });

  it('PROBATION_ENDED keeps its legal date even after later recordings', () => {
    const f = facts({ lastStepOn: '2027-01-10' });
    expect(run(R.DATE_BEFORE_PREVIOUS_STEP, f, { type: 'PROBATION_ENDED', occurredOn: '2027-01-06' })).toBeNull();
  });

  it('DATE_INVALID: malformed and impossible dates', () => {
    expect(run(R.DATE_INVALID, facts(), { type: 'APPLICATION_FILED', occurredOn: '2026-02-30' })).toBe('DATE_INVALID');
    expect(run(R.DATE_INVALID, facts(), { type: 'APPLICATION_FILED', occurredOn: '2026-02-28' })).toBeNull();
  });
});

describe('age at the cell meeting (born 2000-03-15)', () => {
  it('AGE_BELOW_18: 215 completed months fails, exactly 216 passes', () => {
    expect(run(R.AGE_BELOW_18, facts(), cellVote('2018-03-14'))).toBe('AGE_BELOW_18');
    expect(run(R.AGE_BELOW_18, facts(), cellVote('2018-03-15'))).toBeNull();
  });

  // Since ADR 0013: the over-60 consent (E3) is required at the admitting decision, no longer at the cell vote.
  it('AGE_ABOVE_60_WITHOUT_CONSENT: not at the cell vote; at the decision 720 months passes, 721 fails, consent lifts it', () => {
    expect(run(R.AGE_ABOVE_60_WITHOUT_CONSENT, facts(), cellVote('2060-04-15'))).toBeNull();
    expect(run(R.AGE_ABOVE_60_WITHOUT_CONSENT, facts({ cellVoteOn: '2060-04-14' }), decided('2060-05-01'))).toBeNull(); // 720 months
    expect(run(R.AGE_ABOVE_60_WITHOUT_CONSENT, facts({ cellVoteOn: '2060-04-15' }), decided('2060-05-01'))).toBe('AGE_ABOVE_60_WITHOUT_CONSENT');
    expect(run(R.AGE_ABOVE_60_WITHOUT_CONSENT, facts({ cellVoteOn: '2060-04-15', consents: { over_60: consent } }), decided('2060-05-01'))).toBeNull();
  });

  it('AGE_ABOVE_60_WITHOUT_CONSENT is re-checked at the admitting decision (age taken at the cell meeting)', () => {
    const old = facts({ cellVoteOn: '2060-04-15' });
    expect(run(R.AGE_ABOVE_60_WITHOUT_CONSENT, old, decided('2060-05-01'))).toBe('AGE_ABOVE_60_WITHOUT_CONSENT');
    expect(run(R.AGE_ABOVE_60_WITHOUT_CONSENT, old, decided('2060-05-01', 3))).toBeNull(); // refusing decision
    expect(run(R.AGE_ABOVE_60_WITHOUT_CONSENT, facts({ cellVoteOn: '2060-04-14' }), decided('2060-05-01'))).toBeNull();
  });
});

describe('education', () => {
  it('EDUCATION_INSUFFICIENT: lower_secondary passes, primary fails in a standard area', () => {
    expect(run(R.EDUCATION_INSUFFICIENT, facts({}, { education: 'lower_secondary' }), cellVote('2026-01-05'))).toBeNull();
    expect(run(R.EDUCATION_INSUFFICIENT, facts({}, { education: 'primary' }), cellVote('2026-01-05'))).toBe('EDUCATION_INSUFFICIENT');
    expect(run(R.EDUCATION_INSUFFICIENT, facts({}, { education: 'literate' }), cellVote('2026-01-05'))).toBe('EDUCATION_INSUFFICIENT');
  });

  it('EDUCATION_INSUFFICIENT: primary passes in a disadvantaged area', () => {
    expect(run(R.EDUCATION_INSUFFICIENT, facts({}, { education: 'primary', areaType: 'disadvantaged' }), cellVote('2026-01-05'))).toBeNull();
  });

  it('EDUCATION_EXCEPTION_WITHOUT_CONSENT: literate in a disadvantaged area needs the consent; primary does not', () => {
    const lit = { education: 'literate', areaType: 'disadvantaged' } as const;
    // Since ADR 0013: the consent (E6) is required at the admitting decision, no longer at the cell vote.
    expect(run(R.EDUCATION_EXCEPTION_WITHOUT_CONSENT, facts({}, lit), cellVote('2026-01-05'))).toBeNull();
    expect(run(R.EDUCATION_EXCEPTION_WITHOUT_CONSENT, facts({ cellVoteOn: '2026-01-05', consents: { education_exception: consent } }, lit), decided('2026-02-01'))).toBeNull();
    expect(run(R.EDUCATION_EXCEPTION_WITHOUT_CONSENT, facts({ cellVoteOn: '2026-01-05' }, { education: 'primary', areaType: 'disadvantaged' }), decided('2026-02-01'))).toBeNull();
    expect(run(R.EDUCATION_EXCEPTION_WITHOUT_CONSENT, facts({ cellVoteOn: '2026-01-05' }, lit), decided('2026-02-01'))).toBe('EDUCATION_EXCEPTION_WITHOUT_CONSENT');
  });
});

describe('POLITICAL_ISSUE_WITHOUT_CONSENT', () => {
  it('applies to admitting decisions when the biography records a political issue', () => {
    expect(run(R.POLITICAL_ISSUE_WITHOUT_CONSENT, facts({ politicalIssue: true }), decided('2026-02-01'))).toBe('POLITICAL_ISSUE_WITHOUT_CONSENT');
    expect(run(R.POLITICAL_ISSUE_WITHOUT_CONSENT, facts({ politicalIssue: true, consents: { political: consent } }), decided('2026-02-01'))).toBeNull();
    expect(run(R.POLITICAL_ISSUE_WITHOUT_CONSENT, facts({ politicalIssue: false }), decided('2026-02-01'))).toBeNull();
  });

  it('a cleared conclusion of the competent committee satisfies it; a not_cleared one does not', () => {
    const concluded = (conclusion: 'cleared' | 'not_cleared') => facts({ politicalIssue: true, politicalConclusion: { conclusion, decisionNo: 'KL-1', concludedOn: '2026-01-10' } });
    expect(run(R.POLITICAL_ISSUE_WITHOUT_CONSENT, concluded('cleared'), decided('2026-02-01'))).toBeNull();
    expect(run(R.POLITICAL_ISSUE_WITHOUT_CONSENT, concluded('not_cleared'), decided('2026-02-01'))).toBe('POLITICAL_ISSUE_WITHOUT_CONSENT');
  });

  it('applies to the deciding vote of an authorised grassroots committee only', () => {
    const vote: DomainEvent = { type: 'GRASSROOTS_VOTE_RECORDED', occurredOn: '2026-02-01', committeeMembers: 9, inFavour: 6 };
    const f = facts({ politicalIssue: true });
    expect(run(R.POLITICAL_ISSUE_WITHOUT_CONSENT, f, vote, env({ organisation: AUTHORISED_GRASSROOTS }))).toBe('POLITICAL_ISSUE_WITHOUT_CONSENT');
    expect(run(R.POLITICAL_ISSUE_WITHOUT_CONSENT, f, vote, env())).toBeNull();
  });
});

describe('dates of documents count only from when they existed', () => {
  const withCert = (issuedOn: string) => facts({ certificate: { certificateNo: 'c', issuedOn, issuer: 'x', recordedOn: '2026-01-10' } });
  it('AWARENESS_CERTIFICATE_MISSING: a certificate issued on the vote day counts, one issued the day after does not', () => {
    expect(run(R.AWARENESS_CERTIFICATE_MISSING, withCert('2026-01-15'), cellVote('2026-01-15'))).toBeNull();
    expect(run(R.AWARENESS_CERTIFICATE_MISSING, withCert('2026-01-16'), cellVote('2026-01-15'))).toBe('AWARENESS_CERTIFICATE_MISSING');
    const v = evaluateRule(R.AWARENESS_CERTIFICATE_MISSING, { facts: withCert('2026-01-16'), event: cellVote('2026-01-15'), env: env() });
    expect(v?.messageVi).toContain('16/01/2026');
    expect(v?.messageVi).toContain('15/01/2026');
    expect(v?.messageVi).toContain('(căn cứ mục 3.1 Hướng dẫn số 06-HD/TW ngày 09/06/2025; điểm b mục I.1.1 Hướng dẫn số 38-HD/BTCTW ngày 29/09/2025).');
    expect(R.EVENT_RULES.CELL_VOTE_RECORDED).toContain(R.AWARENESS_CERTIFICATE_MISSING);
  });

  it('DATE_BEFORE_PREVIOUS_STEP: a verification request cannot be received before it was sent; the same day passes', () => {
    const request = (receivedOn?: string): DomainEvent => ({ type: 'VERIFICATION_REQUESTED', occurredOn: '2026-03-10', requestId: 'r', scope: 'domestic', subject: 's', ...(receivedOn ? { receivedOn } : {}) });
    const f = facts({ lastStepOn: '2026-03-01' });
    expect(run(R.DATE_BEFORE_PREVIOUS_STEP, f, request())).toBeNull();
    expect(run(R.DATE_BEFORE_PREVIOUS_STEP, f, request('2026-03-10'))).toBeNull();
    expect(run(R.DATE_BEFORE_PREVIOUS_STEP, f, request('2026-03-09'))).toBe('DATE_BEFORE_PREVIOUS_STEP');
    expect(run(R.DATE_IN_FUTURE, f, request('2030-01-02'))).toBe('DATE_IN_FUTURE');
  });
});

describe('CONSENT_NOT_APPLICABLE', () => {
  const consentOf = (kind: 'over_60' | 'education_exception' | 'political' | 'readmission' | 'late_ceremony'): DomainEvent => ({
    type: 'CONSENT_RECORDED',
    occurredOn: '2026-03-10',
    kind,
    issuer: 'Ban Thường vụ Tỉnh ủy',
    documentNo: 'CV-1',
  });
  const decision = { decisionNo: 'QD', decidedOn: '2026-03-02', receivedOn: '2026-03-04' };
  const before = facts();
  const awaiting = facts({ decision });
  const held = facts({ decision, ceremony: { heldOn: '2026-03-09', helper: { name: 'B' } } });

  it.each(['over_60', 'education_exception', 'political', 'readmission'] as const)('%s: before the admitting decision passes, after it fails', (kind) => {
    // A readmission consent belongs to a re-admission case only (rules/readmission.spec.ts covers a first admission).
    const r = kind === 'readmission' ? { readmission: { previousAdmissionDecisionOn: '2010-05-19', leftOn: '2020-03-15', leftReason: 'removed' as const, timesReadmittedBefore: 0 } } : {};
    expect(run(R.CONSENT_NOT_APPLICABLE, { ...before, ...r }, consentOf(kind))).toBeNull();
    expect(run(R.CONSENT_NOT_APPLICABLE, { ...awaiting, ...r }, consentOf(kind))).toBe('CONSENT_NOT_APPLICABLE');
    expect(run(R.CONSENT_NOT_APPLICABLE, { ...held, ...r }, consentOf(kind))).toBe('CONSENT_NOT_APPLICABLE');
  });

  it('late_ceremony: only between the admitting decision and the ceremony', () => {
    expect(run(R.CONSENT_NOT_APPLICABLE, before, consentOf('late_ceremony'))).toBe('CONSENT_NOT_APPLICABLE');
    expect(run(R.CONSENT_NOT_APPLICABLE, awaiting, consentOf('late_ceremony'))).toBeNull();
    expect(run(R.CONSENT_NOT_APPLICABLE, held, consentOf('late_ceremony'))).toBe('CONSENT_NOT_APPLICABLE');
  });

  it('explains itself to a clerk: the decision date dd/mm/yyyy and the article of the kind, no ids of rules, events, states or kinds', () => {
    const v = evaluateRule(R.CONSENT_NOT_APPLICABLE, { facts: awaiting, event: consentOf('over_60'), env: env() });
    expect(v?.messageVi).toBe(
      'Văn bản đồng ý «Kết nạp người trên 60 tuổi» phải có trước khi ra quyết định kết nạp; quyết định kết nạp đã được ban hành ngày 02/03/2026, nên văn bản này không còn áp dụng được (căn cứ mục 1.1, điểm b mục 1.2 Hướng dẫn số 06-HD/TW ngày 09/06/2025).',
    );
    const late = evaluateRule(R.CONSENT_NOT_APPLICABLE, { facts: held, event: consentOf('late_ceremony'), env: env() });
    expect(late?.messageVi).toContain('09/03/2026');
    expect(late?.messageVi).not.toMatch(/late_ceremony|CONSENT_RECORDED|awaitingCeremony|CONSENT_NOT_APPLICABLE/);
    expect(late?.messageVi).toMatch(/\(căn cứ mục 4\.1 Quy định số 294-QĐ\/TW ngày 26\/05\/2025\)\.$/);
  });
});

describe('POLITICAL_ISSUE_UNRESOLVED', () => {
  const certified = { biographyCertifiedOn: '2026-01-07' };
  it('refuses the cell vote while the issue is open; a conclusion either way or no issue passes', () => {
    expect(run(R.POLITICAL_ISSUE_UNRESOLVED, facts({ ...certified, politicalIssue: true }), cellVote('2026-01-15'))).toBe('POLITICAL_ISSUE_UNRESOLVED');
    expect(run(R.POLITICAL_ISSUE_UNRESOLVED, facts({ ...certified, politicalIssue: false }), cellVote('2026-01-15'))).toBeNull();
    const cleared = { conclusion: 'cleared' as const, decisionNo: 'KL-1', concludedOn: '2026-01-10' };
    expect(run(R.POLITICAL_ISSUE_UNRESOLVED, facts({ ...certified, politicalIssue: true, politicalConclusion: cleared }), cellVote('2026-01-15'))).toBeNull();
  });

  it('facts stored before the conclusion existed (no politicalConclusion field) keep the earlier path', () => {
    const { politicalConclusion: _dropped, ...old } = facts({ ...certified, politicalIssue: true });
    expect(run(R.POLITICAL_ISSUE_UNRESOLVED, old as CaseFacts, cellVote('2026-01-15'))).toBeNull();
  });

  it('explains itself to a clerk: the certification date dd/mm/yyyy and the articles, no rule, event or state id', () => {
    const v = evaluateRule(R.POLITICAL_ISSUE_UNRESOLVED, { facts: facts({ ...certified, politicalIssue: true }), event: cellVote('2026-01-15'), env: env() });
    expect(v?.messageVi).toContain('07/01/2026');
    expect(v?.messageVi).toContain('(căn cứ mục 3.4 Hướng dẫn số 06-HD/TW ngày 09/06/2025; điểm 26 mục I.1.4 Hướng dẫn số 38-HD/BTCTW ngày 29/09/2025; mục 3.3 Quy định số 294-QĐ/TW ngày 26/05/2025).');
    expect(v?.messageVi).not.toContain('POLITICAL_ISSUE_UNRESOLVED');
    expect(v?.messageVi).not.toMatch(/CELL_VOTE|BIOGRAPHY_CERTIFIED|POLITICAL_ISSUE_CONCLUDED|cellReview|dossier/);
  });
});

describe('certificate and document freshness', () => {
  const withCert = (issuedOn: string) => facts({ certificate: { certificateNo: 'c', issuedOn, issuer: 'x', recordedOn: issuedOn } });

  it('AWARENESS_CERTIFICATE_MISSING', () => {
    const open: DomainEvent = { type: 'DOSSIER_OPENED', occurredOn: '2026-01-05', resolutionNo: 'NQ' };
    expect(run(R.AWARENESS_CERTIFICATE_MISSING, facts(), open)).toBe('AWARENESS_CERTIFICATE_MISSING');
    expect(run(R.AWARENESS_CERTIFICATE_MISSING, withCert('2025-01-01'), open)).toBeNull();
  });

  it('AWARENESS_CERTIFICATE_EXPIRED: exactly 60 months passes, the next day fails', () => {
    expect(run(R.AWARENESS_CERTIFICATE_EXPIRED, withCert('2021-01-15'), cellVote('2026-01-15'))).toBeNull();
    expect(run(R.AWARENESS_CERTIFICATE_EXPIRED, withCert('2021-01-15'), cellVote('2026-01-16'))).toBe('AWARENESS_CERTIFICATE_EXPIRED');
  });

  const dossier = (o: Partial<CaseFacts> = {}) =>
    facts({
      dossierOpenedOn: '2025-03-10',
      sponsors: [{ name: 'A', togetherSince: '2020-01-01', fullMemberSince: '2010-01-01', addedOn: '2025-04-01' }],
      introducingResolution: { body: 'youth_union', resolutionNo: 'r', recordedOn: '2025-04-02' },
      opinions: { organisations: ['DTN'], residenceCell: true, recordedOn: '2025-04-03' },
      ...o,
    });

  it('DOSSIER_DOCUMENTS_STALE: exactly 12 months after opening passes, the next day fails', () => {
    expect(run(R.DOSSIER_DOCUMENTS_STALE, dossier(), cellVote('2026-03-10'))).toBeNull();
    expect(run(R.DOSSIER_DOCUMENTS_STALE, dossier(), cellVote('2026-03-11'))).toBe('DOSSIER_DOCUMENTS_STALE');
  });

  it('DOSSIER_DOCUMENTS_STALE: documents renewed after the 12 months count from their own date', () => {
    const renewed = dossier({
      sponsors: [{ name: 'A', togetherSince: '2020-01-01', fullMemberSince: '2010-01-01', addedOn: '2026-04-01' }],
      introducingResolution: { body: 'youth_union', resolutionNo: 'r2', recordedOn: '2026-04-02' },
      opinions: { organisations: ['DTN'], residenceCell: true, recordedOn: '2026-04-03' },
    });
    expect(run(R.DOSSIER_DOCUMENTS_STALE, renewed, cellVote('2026-05-01'))).toBeNull();
    expect(run(R.DOSSIER_DOCUMENTS_STALE, renewed, cellVote('2027-04-01'))).toBeNull();
    expect(run(R.DOSSIER_DOCUMENTS_STALE, renewed, cellVote('2027-04-02'))).toBe('DOSSIER_DOCUMENTS_STALE');
    // Only the opinions renewed: the sponsor letter still counts from the opening.
    const partly = dossier({ opinions: { organisations: ['DTN'], residenceCell: true, recordedOn: '2026-04-03' } });
    expect(run(R.DOSSIER_DOCUMENTS_STALE, partly, cellVote('2026-05-01'))).toBe('DOSSIER_DOCUMENTS_STALE');
  });
});

describe('dossier completeness', () => {
  const apply = (o: Partial<CaseFacts>) => facts({ applicationFiledOn: '2025-01-01', ...o });

  it('APPLICATION_MISSING', () => {
    expect(run(R.APPLICATION_MISSING, facts(), cellVote('2026-01-05'))).toBe('APPLICATION_MISSING');
    expect(run(R.APPLICATION_MISSING, apply({}), cellVote('2026-01-05'))).toBeNull();
  });

  it('BIOGRAPHY_NOT_CERTIFIED', () => {
    expect(run(R.BIOGRAPHY_NOT_CERTIFIED, apply({ biographyFiledOn: '2025-01-02' }), cellVote('2026-01-05'))).toBe('BIOGRAPHY_NOT_CERTIFIED');
    expect(run(R.BIOGRAPHY_NOT_CERTIFIED, apply({ biographyCertifiedOn: '2025-02-01' }), cellVote('2026-01-05'))).toBeNull();
  });

  it('VERIFICATION_PENDING: any request without a reply', () => {
    const v = (repliedOn: string | null) => ({ r1: { requestId: 'r1', scope: 'abroad' as const, subject: 's', requestedOn: '2025-01-01', repliedOn } });
    const certify: DomainEvent = { type: 'BIOGRAPHY_CERTIFIED', occurredOn: '2025-06-01', politicalIssue: false };
    expect(run(R.VERIFICATION_PENDING, facts({ verifications: v(null) }), certify)).toBe('VERIFICATION_PENDING');
    expect(run(R.VERIFICATION_PENDING, facts({ verifications: v('2025-03-01') }), certify)).toBeNull();
  });

  const sponsor = { name: 'A', togetherSince: '2020-01-01', fullMemberSince: '2010-01-01', addedOn: '2025-04-01' };
  const sponsorB = { ...sponsor, name: 'B' };

  it('INTRODUCERS_INCOMPLETE: a Youth Union member of youth age needs the Youth Union resolution + one sponsor', () => {
    const res = { body: 'youth_union' as const, resolutionNo: 'r', recordedOn: '2025-04-02' };
    expect(run(R.INTRODUCERS_INCOMPLETE, facts({ sponsors: [sponsor, sponsorB] }), cellVote('2026-01-05'))).toBe('INTRODUCERS_INCOMPLETE');
    expect(run(R.INTRODUCERS_INCOMPLETE, facts({ sponsors: [sponsor], introducingResolution: res }), cellVote('2026-01-05'))).toBeNull();
    expect(run(R.INTRODUCERS_INCOMPLETE, facts({ introducingResolution: res }), cellVote('2026-01-05'))).toBe('INTRODUCERS_INCOMPLETE');
  });

  it('INTRODUCERS_INCOMPLETE: youth age ends after 30 full years (born 2000-03-15)', () => {
    const two = facts({ sponsors: [sponsor, sponsorB] });
    expect(run(R.INTRODUCERS_INCOMPLETE, two, cellVote('2031-03-14'))).toBe('INTRODUCERS_INCOMPLETE'); // aged 30
    expect(run(R.INTRODUCERS_INCOMPLETE, two, cellVote('2031-03-15'))).toBeNull(); // 31: two sponsors suffice
  });

  it('INTRODUCERS_INCOMPLETE: otherwise two sponsors, or one sponsor + a valid resolution', () => {
    const adult = { youthUnionMember: false, tradeUnionMember: true };
    const tu = { body: 'trade_union' as const, resolutionNo: 'r', recordedOn: '2025-04-02' };
    expect(run(R.INTRODUCERS_INCOMPLETE, facts({ sponsors: [sponsor] }, adult), cellVote('2026-01-05'))).toBe('INTRODUCERS_INCOMPLETE');
    expect(run(R.INTRODUCERS_INCOMPLETE, facts({ sponsors: [sponsor, sponsorB] }, adult), cellVote('2026-01-05'))).toBeNull();
    expect(run(R.INTRODUCERS_INCOMPLETE, facts({ sponsors: [sponsor], introducingResolution: tu }, adult), cellVote('2026-01-05'))).toBeNull();
    expect(
      run(R.INTRODUCERS_INCOMPLETE, facts({ sponsors: [sponsor], introducingResolution: tu }, { youthUnionMember: false, tradeUnionMember: false }), cellVote('2026-01-05')),
    ).toBe('INTRODUCERS_INCOMPLETE');
  });

  it('OPINIONS_MISSING: residence cell always; an organisation for union members', () => {
    const op = (organisations: string[], residenceCell: boolean) => ({ organisations, residenceCell, recordedOn: '2025-04-03' });
    expect(run(R.OPINIONS_MISSING, facts(), cellVote('2026-01-05'))).toBe('OPINIONS_MISSING');
    expect(run(R.OPINIONS_MISSING, facts({ opinions: op(['DTN'], false) }), cellVote('2026-01-05'))).toBe('OPINIONS_MISSING');
    expect(run(R.OPINIONS_MISSING, facts({ opinions: op([], true) }), cellVote('2026-01-05'))).toBe('OPINIONS_MISSING');
    expect(run(R.OPINIONS_MISSING, facts({ opinions: op(['DTN'], true) }), cellVote('2026-01-05'))).toBeNull();
    expect(run(R.OPINIONS_MISSING, facts({ opinions: op([], true) }, { youthUnionMember: false, tradeUnionMember: false }), cellVote('2026-01-05'))).toBeNull();
  });

  it('VERIFICATION_REQUEST_DUPLICATE and VERIFICATION_REQUEST_UNKNOWN', () => {
    const f = facts({ verifications: { r1: { requestId: 'r1', scope: 'domestic', subject: 's', requestedOn: '2025-01-01', repliedOn: null } } });
    const req = (id: string): DomainEvent => ({ type: 'VERIFICATION_REQUESTED', occurredOn: '2025-02-01', requestId: id, scope: 'domestic', subject: 's' });
    const rep = (id: string): DomainEvent => ({ type: 'VERIFICATION_REPLIED', occurredOn: '2025-02-01', requestId: id });
    expect(run(R.VERIFICATION_REQUEST_DUPLICATE, f, req('r1'))).toBe('VERIFICATION_REQUEST_DUPLICATE');
    expect(run(R.VERIFICATION_REQUEST_DUPLICATE, f, req('r2'))).toBeNull();
    expect(run(R.VERIFICATION_REQUEST_UNKNOWN, f, rep('r2'))).toBe('VERIFICATION_REQUEST_UNKNOWN');
    expect(run(R.VERIFICATION_REQUEST_UNKNOWN, f, rep('r1'))).toBeNull();
  });
});

describe('sponsors and introducing bodies', () => {
  const add = (on: string, s: Partial<{ fullMemberSince: string | null; togetherSince: string; replacement: boolean }>): DomainEvent => ({
    type: 'SPONSOR_ADDED',
    occurredOn: on,
    sponsor: { name: 'A', togetherSince: '2020-01-01', fullMemberSince: '2010-01-01', ...s },
  });

  it('SPONSOR_NOT_FULL_MEMBER: full member since the same day passes; later or none fails', () => {
    expect(run(R.SPONSOR_NOT_FULL_MEMBER, facts(), add('2026-01-05', { fullMemberSince: '2026-01-05' }))).toBeNull();
    expect(run(R.SPONSOR_NOT_FULL_MEMBER, facts(), add('2026-01-05', { fullMemberSince: '2026-01-06' }))).toBe('SPONSOR_NOT_FULL_MEMBER');
    expect(run(R.SPONSOR_NOT_FULL_MEMBER, facts(), add('2026-01-05', { fullMemberSince: null }))).toBe('SPONSOR_NOT_FULL_MEMBER');
  });

  it('SPONSOR_TOGETHER_UNDER_12_MONTHS: exactly 12 months passes, a day less fails, a replacement is exempt', () => {
    expect(run(R.SPONSOR_TOGETHER_UNDER_12_MONTHS, facts(), add('2026-01-05', { togetherSince: '2025-01-05' }))).toBeNull();
    expect(run(R.SPONSOR_TOGETHER_UNDER_12_MONTHS, facts(), add('2026-01-04', { togetherSince: '2025-01-05' }))).toBe('SPONSOR_TOGETHER_UNDER_12_MONTHS');
    expect(run(R.SPONSOR_TOGETHER_UNDER_12_MONTHS, facts(), add('2026-01-04', { togetherSince: '2025-01-05', replacement: true }))).toBeNull();
  });

  it('INTRODUCING_BODY_MEMBERSHIP', () => {
    const rec = (body: 'youth_union' | 'trade_union'): DomainEvent => ({ type: 'INTRODUCING_RESOLUTION_RECORDED', occurredOn: '2026-01-05', body, resolutionNo: 'r' });
    expect(run(R.INTRODUCING_BODY_MEMBERSHIP, facts(), rec('youth_union'))).toBeNull();
    expect(run(R.INTRODUCING_BODY_MEMBERSHIP, facts(), rec('trade_union'))).toBe('INTRODUCING_BODY_MEMBERSHIP');
    expect(run(R.INTRODUCING_BODY_MEMBERSHIP, facts({}, { youthUnionMember: false, tradeUnionMember: true }), rec('trade_union'))).toBeNull();
    expect(run(R.INTRODUCING_BODY_MEMBERSHIP, facts({}, { youthUnionMember: false, tradeUnionMember: true }), rec('youth_union'))).toBe('INTRODUCING_BODY_MEMBERSHIP');
  });
});

describe('ceremony, probation and recognition', () => {
  const ceremony = (on: string): DomainEvent => ({ type: 'CEREMONY_HELD', occurredOn: on, helper: { name: 'B' } });
  const open = env({ openDeadlines: [{ key: 'CEREMONY', kind: 'CEREMONY', dueOn: '2026-03-26', extendedBy: 0 }] });

  it('CEREMONY_LATE_WITHOUT_CONSENT: on the due day passes, the day after fails unless consented', () => {
    expect(run(R.CEREMONY_LATE_WITHOUT_CONSENT, facts(), ceremony('2026-03-26'), open)).toBeNull();
    expect(run(R.CEREMONY_LATE_WITHOUT_CONSENT, facts(), ceremony('2026-03-27'), open)).toBe('CEREMONY_LATE_WITHOUT_CONSENT');
    expect(run(R.CEREMONY_LATE_WITHOUT_CONSENT, facts({ consents: { late_ceremony: consent } }), ceremony('2026-03-27'), open)).toBeNull();
  });

  it('PROBATION_NOT_ENDED: the end date passes, the day before fails', () => {
    const f = facts({ probationEndOn: '2027-01-06' });
    expect(run(R.PROBATION_NOT_ENDED, f, { type: 'PROBATION_ENDED', occurredOn: '2027-01-06' })).toBeNull();
    expect(run(R.PROBATION_NOT_ENDED, f, { type: 'PROBATION_ENDED', occurredOn: '2027-01-05' })).toBe('PROBATION_NOT_ENDED');
  });

  const recVote = (motion: 'recognise' | 'remove'): DomainEvent => ({
    type: 'RECOGNITION_CELL_VOTE_RECORDED',
    occurredOn: '2027-01-10',
    fullMembers: 9,
    excluded: 0,
    inFavour: 6,
    motion,
  });

  it('RECOGNITION_BEFORE_PROBATION_END: recognise before the end fails; remove is allowed; after the end passes', () => {
    expect(run(R.RECOGNITION_BEFORE_PROBATION_END, facts(), recVote('recognise'))).toBe('RECOGNITION_BEFORE_PROBATION_END');
    expect(run(R.RECOGNITION_BEFORE_PROBATION_END, facts(), recVote('remove'))).toBeNull();
    expect(run(R.RECOGNITION_BEFORE_PROBATION_END, facts(), { type: 'SELF_REVIEW_SUBMITTED', occurredOn: '2027-01-01' })).toBe('RECOGNITION_BEFORE_PROBATION_END');
    expect(run(R.RECOGNITION_BEFORE_PROBATION_END, facts({ probationEnded: true }), recVote('recognise'))).toBeNull();
  });

  it('RECOGNITION_DOSSIER_INCOMPLETE: all four documents for a recognise motion', () => {
    const complete = facts({
      probationEnded: true,
      newMemberClass: { certificateNo: 'c', completedOn: '2026-05-01' },
      selfReviewOn: '2027-01-07',
      helperAssessmentOn: '2027-01-07',
      recognitionOpinionsOn: '2027-01-08',
    });
    expect(run(R.RECOGNITION_DOSSIER_INCOMPLETE, complete, recVote('recognise'))).toBeNull();
    expect(run(R.RECOGNITION_DOSSIER_INCOMPLETE, { ...complete, helperAssessmentOn: null }, recVote('recognise'))).toBe('RECOGNITION_DOSSIER_INCOMPLETE');
    expect(run(R.RECOGNITION_DOSSIER_INCOMPLETE, { ...complete, newMemberClass: null }, recVote('remove'))).toBeNull();
  });

  it('RECOGNITION_MOTION_MISMATCH', () => {
    const g = (motion: 'recognise' | 'remove'): DomainEvent => ({ type: 'RECOGNITION_GRASSROOTS_VOTE_RECORDED', occurredOn: '2027-01-20', committeeMembers: 9, inFavour: 6, motion });
    expect(run(R.RECOGNITION_MOTION_MISMATCH, facts({ pendingMotion: 'remove' }), g('recognise'))).toBe('RECOGNITION_MOTION_MISMATCH');
    expect(run(R.RECOGNITION_MOTION_MISMATCH, facts({ pendingMotion: 'remove' }), g('remove'))).toBeNull();
    expect(run(R.RECOGNITION_MOTION_MISMATCH, facts({ pendingMotion: null }), g('recognise'))).toBeNull();
  });
});

describe('deadline extension rules', () => {
  const ext = (kind: DeadlineKind): DomainEvent => ({ type: 'DEADLINE_EXTENDED', occurredOn: '2026-02-01', deadlineKind: kind, reason: 'r' });
  const open = (extendedBy: number) => env({ openDeadlines: [{ key: 'ADMISSION_DECISION', kind: 'ADMISSION_DECISION', dueOn: '2026-03-01', extendedBy }] });

  // Since ADR 0013: an extendable kind whose limit is not open is EXTENSION_AFTER_LIMIT, no longer DEADLINE_NOT_EXTENDABLE.
  it('DEADLINE_NOT_EXTENDABLE: only the admission/recognition decision limits', () => {
    expect(run(R.DEADLINE_NOT_EXTENDABLE, facts(), ext('ADMISSION_DECISION'), open(0))).toBeNull();
    expect(run(R.DEADLINE_NOT_EXTENDABLE, facts(), ext('RECOGNITION_DECISION'), open(0))).toBeNull();
    expect(run(R.DEADLINE_NOT_EXTENDABLE, facts(), ext('CEREMONY'), env({ openDeadlines: [{ key: 'CEREMONY', kind: 'CEREMONY', dueOn: '2026-03-01', extendedBy: 0 }] }))).toBe('DEADLINE_NOT_EXTENDABLE');
  });

  it('EXTENSION_AFTER_LIMIT: on the due day passes, the day after fails; a limit not open fails', () => {
    const on = (date: string): DomainEvent => ({ type: 'DEADLINE_EXTENDED', occurredOn: date, deadlineKind: 'ADMISSION_DECISION', reason: 'r' });
    expect(run(R.EXTENSION_AFTER_LIMIT, facts(), on('2026-02-28'), open(0))).toBeNull();
    expect(run(R.EXTENSION_AFTER_LIMIT, facts(), on('2026-03-01'), open(0))).toBeNull();
    expect(run(R.EXTENSION_AFTER_LIMIT, facts(), on('2026-03-02'), open(0))).toBe('EXTENSION_AFTER_LIMIT');
    expect(run(R.EXTENSION_AFTER_LIMIT, facts(), ext('RECOGNITION_DECISION'), open(0))).toBe('EXTENSION_AFTER_LIMIT');
    const v = evaluateRule(R.EXTENSION_AFTER_LIMIT, { facts: facts(), event: on('2026-03-02'), env: open(0) });
    expect(v?.messageVi).toBe(
      'Thời hạn ra quyết định kết nạp đã hết vào ngày 01/03/2026; không thể gia hạn vào ngày 02/03/2026 sau khi thời hạn đã qua (căn cứ mục 4.3.1 Quy định số 294-QĐ/TW ngày 26/05/2025).',
    );
  });

  it('DEADLINE_ALREADY_EXTENDED: once only', () => {
    expect(run(R.DEADLINE_ALREADY_EXTENDED, facts(), ext('ADMISSION_DECISION'), open(0))).toBeNull();
    expect(run(R.DEADLINE_ALREADY_EXTENDED, facts(), ext('ADMISSION_DECISION'), open(15))).toBe('DEADLINE_ALREADY_EXTENDED');
  });
});

describe('catalogue', () => {
  const REQUIRED = [
    'AGE_BELOW_18', 'AGE_ABOVE_60_WITHOUT_CONSENT', 'EDUCATION_INSUFFICIENT', 'EDUCATION_EXCEPTION_WITHOUT_CONSENT',
    'AWARENESS_CERTIFICATE_MISSING', 'AWARENESS_CERTIFICATE_EXPIRED', 'DOSSIER_DOCUMENTS_STALE', 'SPONSOR_NOT_FULL_MEMBER',
    'SPONSOR_TOGETHER_UNDER_12_MONTHS', 'INTRODUCERS_INCOMPLETE', 'BIOGRAPHY_NOT_CERTIFIED', 'VERIFICATION_PENDING',
    'OPINIONS_MISSING', 'VOTE_COUNTS_INVALID', 'CEREMONY_LATE_WITHOUT_CONSENT', 'RECOGNITION_BEFORE_PROBATION_END',
    'RECOGNITION_DOSSIER_INCOMPLETE', 'DATE_IN_FUTURE', 'DATE_BEFORE_PREVIOUS_STEP',
  ];

  it('lists every api.md rule id with a source and both descriptions', () => {
    for (const id of REQUIRED) expect(R.RULES[id]).toMatchObject({ id });
    for (const r of Object.values(R.RULES)) {
      expect(r.source.length).toBeGreaterThan(3);
      expect(r.descriptionEn.length).toBeGreaterThan(10);
      expect(r.descriptionVi.length).toBeGreaterThan(10);
    }
  });

  it('every rule registered for an event is in the catalogue', () => {
    for (const rules of Object.values(R.EVENT_RULES)) for (const r of rules ?? []) expect(R.RULES[r.id]).toBeDefined();
  });
});

describe('README', () => {
  it('lists every rule id of the catalogue with its source', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const text = (require('node:fs') as typeof import('node:fs')).readFileSync(`${__dirname}/../../README.md`, 'utf8');
    for (const r of Object.values(R.RULES)) expect(text).toContain(`| \`${r.id}\` | ${r.source} |`);
  });
});
