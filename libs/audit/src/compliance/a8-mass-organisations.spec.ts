import { BusinessDate, Candidate, OrganisationFacts } from '@charterflow/procedure';
import { AuditCaseBuilder, CANDIDATE, ctx, SPONSOR } from './__fixtures__/case-builder';
import { AuditCase, CheckResult } from './model';
import { runChecks } from './run-checks';

/** A8 read with the unit's organisations (E7; CH Art. 4(1); ADR 0014). */

const ORDINARY: OrganisationFacts = { authorisedToAdmit: false, directlyUnderSuperior: false };
const YOUTH_AND_TRADE: OrganisationFacts = { ...ORDINARY, hasYouthUnion: true, hasTradeUnion: true };
const TRADE_ONLY: OrganisationFacts = { ...ORDINARY, hasYouthUnion: false, hasTradeUnion: true };
const NEITHER: OrganisationFacts = { ...ORDINARY, hasYouthUnion: false, hasTradeUnion: false };
const SPONSOR_2 = { name: 'Lê Thị Hoa', memberId: 'M-2', fullMemberSince: '2012-06-01', togetherSince: '2022-05-01' };

const check = (c: AuditCase): CheckResult => runChecks(c, ctx('2027-06-30'), ['A8'])[0];

/**
 * A case voted by the cell on 2025-09-15, built by the engine in `builtIn` (so that it is accepted there) and audited
 * as belonging to `auditedIn` (a unit whose flags were recorded otherwise, or an imported history).
 */
function votedCase(
  candidate: Partial<Candidate>,
  intro: 'two_sponsors' | 'youth_union' | 'trade_union',
  builtIn: OrganisationFacts,
  auditedIn: OrganisationFacts = builtIn,
  voteOn: BusinessDate = '2025-09-15',
): AuditCase {
  const b = new AuditCaseBuilder('2025-09-01', { ...CANDIDATE, ...candidate }, builtIn)
    .ok('AWARENESS_CERTIFICATE_RECORDED', '2025-09-02', { certificateNo: 'CN-1', issuedOn: '2025-09-02', issuer: 'Trung tâm chính trị' })
    .ok('DOSSIER_OPENED', '2025-09-08', { resolutionNo: 'NQ-1' })
    .ok('APPLICATION_FILED', '2025-09-08')
    .ok('BIOGRAPHY_FILED', '2025-09-08')
    .ok('BIOGRAPHY_CERTIFIED', '2025-09-09', { politicalIssue: false })
    .ok('SPONSOR_ADDED', '2025-09-09', { sponsor: SPONSOR });
  if (intro === 'two_sponsors') b.ok('SPONSOR_ADDED', '2025-09-09', { sponsor: SPONSOR_2 });
  else b.ok('INTRODUCING_RESOLUTION_RECORDED', '2025-09-09', { body: intro, resolutionNo: 'NQ-2' });
  const c = b
    .ok('OPINIONS_RECORDED', '2025-09-10', { organisations: ['Công đoàn'], residenceCell: true })
    .ok('CELL_VOTE_RECORDED', voteOn, { fullMembers: 9, excluded: 0, inFavour: 6 })
    .build();
  return { ...c, organisation: auditedIn };
}

const notAMember = { youthUnionMember: false, tradeUnionMember: false };

describe('A8 and the unit’s mass organisations (E7)', () => {
  it('a youth-age candidate voted on without Youth Union membership where the unit has a Youth Union fails, dated on the vote', () => {
    const c = votedCase(notAMember, 'two_sponsors', NEITHER, YOUTH_AND_TRADE);
    expect(check(c)).toMatchObject({
      status: 'fail',
      detectedOn: '2025-09-15',
      evidence: { rule: 'YOUTH_UNION_MEMBERSHIP_REQUIRED', source: 'CH Art. 4(1)', details: { requiredMembership: 'youth_union' } },
    });
    // Stored organisations without the flags read as having a Youth Union.
    expect(check({ ...c, organisation: ORDINARY })).toMatchObject({ status: 'fail', evidence: { rule: 'YOUTH_UNION_MEMBERSHIP_REQUIRED' } });
  });

  it('the same history in a unit with only a trade union fails on trade-union membership, and passes in a unit with neither', () => {
    expect(check(votedCase(notAMember, 'two_sponsors', NEITHER, TRADE_ONLY))).toMatchObject({ status: 'fail', evidence: { rule: 'TRADE_UNION_MEMBERSHIP_REQUIRED' } });
    expect(check(votedCase(notAMember, 'two_sponsors', NEITHER)).status).toBe('pass');
  });

  it('age on the vote date: 30 years 11 months fails, the 31st birthday passes', () => {
    expect(check(votedCase({ ...notAMember, dateOfBirth: '1994-09-16' }, 'two_sponsors', NEITHER, YOUTH_AND_TRADE))).toMatchObject({
      status: 'fail',
      evidence: { rule: 'YOUTH_UNION_MEMBERSHIP_REQUIRED', details: { ageYears: 30, ageMonths: 11 } },
    });
    expect(check(votedCase({ ...notAMember, dateOfBirth: '1994-09-15' }, 'two_sponsors', NEITHER, YOUTH_AND_TRADE)).status).toBe('pass');
  });

  it('a youth-age trade-union member in a unit with only a trade union: two sponsors fail, the trade union’s resolution and one sponsor pass', () => {
    const tradeMember = { youthUnionMember: false, tradeUnionMember: true };
    expect(check(votedCase(tradeMember, 'two_sponsors', NEITHER, TRADE_ONLY))).toMatchObject({
      status: 'fail',
      evidence: { rule: 'INTRODUCERS_INCOMPLETE', details: { requirement: 'trade_union_resolution_and_one_sponsor' } },
    });
    expect(check(votedCase(tradeMember, 'trade_union', TRADE_ONLY)).status).toBe('pass');
  });

  it('a youth-age Youth Union member introduced by the Youth Union and one sponsor passes where the Youth Union exists, as before', () => {
    expect(check(votedCase({ youthUnionMember: true }, 'youth_union', YOUTH_AND_TRADE)).status).toBe('pass');
  });
});
