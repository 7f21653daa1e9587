import { CaseDriver, CANDIDATE, makeEnv } from '../__fixtures__/scenario';

/** A historical import replays recorded facts: rules are reported as waived, dates and the machine's shape still hold. */
describe('decide with waiveRules (historical import)', () => {
  const SPONSOR = { name: 'Trần Văn Bình', fullMemberSince: '2015-01-01', togetherSince: '2023-01-01' };
  function inCellReview(waive: boolean, candidate = CANDIDATE): CaseDriver {
    const d = new CaseDriver({ ...makeEnv(), waiveRules: waive }, '2025-09-01', candidate);
    return d
      .ok('AWARENESS_CERTIFICATE_RECORDED', '2025-09-02', { certificateNo: 'CN', issuedOn: '2025-09-02', issuer: 'TTCT' })
      .ok('DOSSIER_OPENED', '2025-09-08', { resolutionNo: 'NQ' })
      .ok('APPLICATION_FILED', '2025-09-08')
      .ok('BIOGRAPHY_FILED', '2025-09-08')
      .ok('BIOGRAPHY_CERTIFIED', '2025-09-09', { politicalIssue: false })
      .ok('INTRODUCING_RESOLUTION_RECORDED', '2025-09-09', { body: 'youth_union', resolutionNo: 'NQ-DTN' })
      .ok('SPONSOR_ADDED', '2025-09-09', { sponsor: SPONSOR })
      .ok('OPINIONS_RECORDED', '2025-09-10', { organisations: ['CĐ'], residenceCell: true });
  }
  const underAge = { ...CANDIDATE, dateOfBirth: '2007-09-16' };

  it('without the waiver, an under-age cell vote is refused with its rule', () => {
    const refusal = inCellReview(false, underAge).refused('CELL_VOTE_RECORDED', '2025-09-15', { fullMembers: 9, excluded: 0, inFavour: 6 });
    expect(refusal).toMatchObject({ code: 'RULE_VIOLATION', rule: 'AGE_BELOW_18' });
  });

  it('with the waiver, the same vote is applied and the broken rule reported', () => {
    const d = inCellReview(true, underAge);
    const decision = d.send('CELL_VOTE_RECORDED', '2025-09-15', { fullMembers: 9, excluded: 0, inFavour: 6 });
    expect(decision).toMatchObject({ ok: true, toState: 'grassrootsReview', waived: [expect.objectContaining({ rule: 'AGE_BELOW_18', source: 'QĐ294 §1.1.1' })] });
  });

  it('a compliant step reports nothing waived', () => {
    const decision = inCellReview(true).send('CELL_VOTE_RECORDED', '2025-09-15', { fullMembers: 9, excluded: 0, inFavour: 6 });
    expect(decision.ok && decision.waived).toBeFalsy();
  });

  it('still refuses a date after today, a step before the previous one, and an event the state does not take', () => {
    const d = inCellReview(true);
    expect(d.refused('CELL_VOTE_RECORDED', '2031-01-02', { fullMembers: 9, excluded: 0, inFavour: 6 })).toMatchObject({ rule: 'DATE_IN_FUTURE' });
    expect(d.refused('CELL_VOTE_RECORDED', '2025-09-09', { fullMembers: 9, excluded: 0, inFavour: 6 })).toMatchObject({ rule: 'DATE_BEFORE_PREVIOUS_STEP' });
    expect(d.refused('CEREMONY_HELD', '2025-09-15', { helper: { name: 'B' } })).toMatchObject({ code: 'EVENT_NOT_ALLOWED' });
  });
});
