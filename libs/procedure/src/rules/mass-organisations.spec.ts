import { Candidate } from '../model/candidate';
import { OrganisationFacts } from '../model/engine';
import { DomainEvent } from '../model/events';
import { CaseFacts, GuardEnv, initialFacts } from '../machine/facts';
import { CANDIDATE, CaseDriver, makeEnv, ORDINARY_CELL, PASSING_CELL_VOTE, SPONSOR, SPONSOR_2, toAwarenessCertified } from '../__fixtures__/scenario';
import { evaluateRule, RuleDefinition } from './rule';
import * as R from './index';

/** E7 — Youth Union / trade-union membership of a candidate of youth age at the cell vote (CH Art. 4(1); ADR 0014). */

const YOUTH_AND_TRADE: OrganisationFacts = { ...ORDINARY_CELL, hasYouthUnion: true, hasTradeUnion: true };
const TRADE_ONLY: OrganisationFacts = { ...ORDINARY_CELL, hasYouthUnion: false, hasTradeUnion: true };
const YOUTH_ONLY: OrganisationFacts = { ...ORDINARY_CELL, hasYouthUnion: true, hasTradeUnion: false };
const NEITHER: OrganisationFacts = { ...ORDINARY_CELL, hasYouthUnion: false, hasTradeUnion: false };

const NOT_A_MEMBER = { youthUnionMember: false, tradeUnionMember: false };

// Born 2000-03-15 (the fixture's candidate): 30 years 11 months on 2031-03-14, 31 on 2031-03-15.
const facts = (candidate: Partial<Candidate> = {}, o: Partial<CaseFacts> = {}): CaseFacts => ({
  ...initialFacts({ candidate: { ...CANDIDATE, ...candidate }, openedOn: '2025-01-01', procedureVersion: 'qd294-2025' }),
  ...o,
});
const env = (organisation: OrganisationFacts): GuardEnv => ({ today: '2035-01-01', organisation, openDeadlines: [] });
const cellVote = (on: string): DomainEvent => ({ type: 'CELL_VOTE_RECORDED', occurredOn: on, fullMembers: 9, excluded: 0, inFavour: 6 });
const run = (rule: RuleDefinition, f: CaseFacts, event: DomainEvent, organisation: OrganisationFacts) =>
  evaluateRule(rule, { facts: f, event, env: env(organisation) });
const ruleOf = (rule: RuleDefinition, f: CaseFacts, event: DomainEvent, organisation: OrganisationFacts) => run(rule, f, event, organisation)?.rule ?? null;

describe('youthAgeOn (one helper for the membership rules and the introducers)', () => {
  it('is youth age up to the day before the 31st birthday, not from it', () => {
    expect(R.youthAgeOn('2000-03-15', '2031-03-14')).toEqual({ youth: true, years: 30, months: 11, maxYears: 30, endsOn: '2031-03-15' });
    expect(R.youthAgeOn('2000-03-15', '2031-03-15')).toEqual({ youth: false, years: 31, months: 0, maxYears: 30, endsOn: '2031-03-15' });
    expect(R.isOfYouthAge(facts(), '2031-03-14')).toBe(true);
    expect(R.isOfYouthAge(facts(), '2031-03-15')).toBe(false);
  });

  it('holds the same boundary across the change of rule set on 1 Jul 2025 (qd232, qd294: both 30)', () => {
    // Born 1994-07-01: 30 years 11 months on 2025-06-30 (qd232), 31 on 2025-07-01 (qd294).
    expect(R.youthAgeOn('1994-07-01', '2025-06-30')).toMatchObject({ youth: true, maxYears: 30 });
    expect(R.youthAgeOn('1994-07-01', '2025-07-01')).toMatchObject({ youth: false, maxYears: 30 });
  });
});

describe('YOUTH_UNION_MEMBERSHIP_REQUIRED', () => {
  it('a non-member of youth age in a unit with a Youth Union: refused on the day before the 31st birthday, accepted on it', () => {
    expect(ruleOf(R.YOUTH_UNION_MEMBERSHIP_REQUIRED, facts(NOT_A_MEMBER), cellVote('2031-03-14'), YOUTH_AND_TRADE)).toBe('YOUTH_UNION_MEMBERSHIP_REQUIRED');
    expect(ruleOf(R.YOUTH_UNION_MEMBERSHIP_REQUIRED, facts(NOT_A_MEMBER), cellVote('2031-03-15'), YOUTH_AND_TRADE)).toBeNull();
  });

  it('a Youth Union member passes; a trade-union membership does not replace it where the Youth Union exists', () => {
    expect(ruleOf(R.YOUTH_UNION_MEMBERSHIP_REQUIRED, facts({ youthUnionMember: true }), cellVote('2026-01-05'), YOUTH_AND_TRADE)).toBeNull();
    expect(ruleOf(R.YOUTH_UNION_MEMBERSHIP_REQUIRED, facts({ youthUnionMember: false, tradeUnionMember: true }), cellVote('2026-01-05'), YOUTH_AND_TRADE)).toBe(
      'YOUTH_UNION_MEMBERSHIP_REQUIRED',
    );
    expect(ruleOf(R.YOUTH_UNION_MEMBERSHIP_REQUIRED, facts(NOT_A_MEMBER), cellVote('2026-01-05'), YOUTH_ONLY)).toBe('YOUTH_UNION_MEMBERSHIP_REQUIRED');
  });

  it('flags absent (organisations and callers from before them) read as a unit with a Youth Union', () => {
    expect(ruleOf(R.YOUTH_UNION_MEMBERSHIP_REQUIRED, facts(NOT_A_MEMBER), cellVote('2026-01-05'), ORDINARY_CELL)).toBe('YOUTH_UNION_MEMBERSHIP_REQUIRED');
  });

  it('does not apply in a unit without a Youth Union, nor to another event than the cell vote', () => {
    expect(ruleOf(R.YOUTH_UNION_MEMBERSHIP_REQUIRED, facts(NOT_A_MEMBER), cellVote('2026-01-05'), TRADE_ONLY)).toBeNull();
    expect(ruleOf(R.YOUTH_UNION_MEMBERSHIP_REQUIRED, facts(NOT_A_MEMBER), cellVote('2026-01-05'), NEITHER)).toBeNull();
    const grassroots: DomainEvent = { type: 'GRASSROOTS_VOTE_RECORDED', occurredOn: '2026-01-05', committeeMembers: 9, inFavour: 6 };
    expect(ruleOf(R.YOUTH_UNION_MEMBERSHIP_REQUIRED, facts(NOT_A_MEMBER), grassroots, YOUTH_AND_TRADE)).toBeNull();
  });

  it('tells the clerk the age, the cut-off, the vote date and the article, in Vietnamese', () => {
    const v = run(R.YOUTH_UNION_MEMBERSHIP_REQUIRED, facts(NOT_A_MEMBER), cellVote('2031-03-14'), YOUTH_AND_TRADE);
    expect(v).toMatchObject({
      rule: 'YOUTH_UNION_MEMBERSHIP_REQUIRED',
      source: 'CH Art. 4(1)',
      details: { ageYears: 30, ageMonths: 11, youthAgeMaxYears: 30, youthAgeEndsOn: '2031-03-15', requiredMembership: 'youth_union' },
    });
    expect(v?.messageVi).toBe(
      'Tại ngày chi bộ họp xét kết nạp 14/03/2031, người vào Đảng 30 tuổi 11 tháng, còn trong độ tuổi thanh niên (đến 30 tuổi, tức chưa đủ 31 tuổi; ' +
        'người vào Đảng đủ 31 tuổi vào ngày 15/03/2031). Đơn vị có tổ chức Đoàn Thanh niên Cộng sản Hồ Chí Minh, nên người vào Đảng phải là đoàn viên ' +
        'Đoàn Thanh niên, nhưng hồ sơ ghi người vào Đảng chưa là đoàn viên (căn cứ khoản 1 Điều 4 Điều lệ Đảng).',
    );
  });
});

describe('TRADE_UNION_MEMBERSHIP_REQUIRED', () => {
  it('a non-member of youth age in a unit with a trade union and no Youth Union: refused the day before the 31st birthday, accepted on it', () => {
    expect(ruleOf(R.TRADE_UNION_MEMBERSHIP_REQUIRED, facts(NOT_A_MEMBER), cellVote('2031-03-14'), TRADE_ONLY)).toBe('TRADE_UNION_MEMBERSHIP_REQUIRED');
    expect(ruleOf(R.TRADE_UNION_MEMBERSHIP_REQUIRED, facts(NOT_A_MEMBER), cellVote('2031-03-15'), TRADE_ONLY)).toBeNull();
  });

  it('a trade-union member passes; a Youth Union membership does not replace it where only the trade union exists', () => {
    expect(ruleOf(R.TRADE_UNION_MEMBERSHIP_REQUIRED, facts({ youthUnionMember: false, tradeUnionMember: true }), cellVote('2026-01-05'), TRADE_ONLY)).toBeNull();
    expect(ruleOf(R.TRADE_UNION_MEMBERSHIP_REQUIRED, facts({ youthUnionMember: true, tradeUnionMember: false }), cellVote('2026-01-05'), TRADE_ONLY)).toBe(
      'TRADE_UNION_MEMBERSHIP_REQUIRED',
    );
  });

  it('does not apply where the unit has a Youth Union (that rule decides), nor where it has neither', () => {
    expect(ruleOf(R.TRADE_UNION_MEMBERSHIP_REQUIRED, facts(NOT_A_MEMBER), cellVote('2026-01-05'), YOUTH_AND_TRADE)).toBeNull();
    expect(ruleOf(R.TRADE_UNION_MEMBERSHIP_REQUIRED, facts(NOT_A_MEMBER), cellVote('2026-01-05'), NEITHER)).toBeNull();
    expect(ruleOf(R.YOUTH_UNION_MEMBERSHIP_REQUIRED, facts(NOT_A_MEMBER), cellVote('2026-01-05'), NEITHER)).toBeNull();
  });

  it('names the trade union, the age and the cut-off in Vietnamese', () => {
    const v = run(R.TRADE_UNION_MEMBERSHIP_REQUIRED, facts({ ...NOT_A_MEMBER, dateOfBirth: '2002-05-20' }), cellVote('2026-01-05'), TRADE_ONLY);
    expect(v?.messageVi).toBe(
      'Tại ngày chi bộ họp xét kết nạp 05/01/2026, người vào Đảng 23 tuổi 7 tháng, còn trong độ tuổi thanh niên (đến 30 tuổi, tức chưa đủ 31 tuổi; ' +
        'người vào Đảng đủ 31 tuổi vào ngày 20/05/2033). Đơn vị không có tổ chức Đoàn Thanh niên nhưng có tổ chức công đoàn, nên người vào Đảng phải là ' +
        'đoàn viên công đoàn, nhưng hồ sơ ghi người vào Đảng chưa là đoàn viên công đoàn (căn cứ khoản 1 Điều 4 Điều lệ Đảng).',
    );
  });
});

describe('INTRODUCERS_INCOMPLETE follows the unit (E7)', () => {
  const sponsor = { name: 'A', togetherSince: '2020-01-01', fullMemberSince: '2010-01-01', addedOn: '2025-04-01' };
  const sponsorB = { ...sponsor, name: 'B' };
  const yu = { body: 'youth_union' as const, resolutionNo: 'r', recordedOn: '2025-04-02' };
  const tu = { body: 'trade_union' as const, resolutionNo: 'r', recordedOn: '2025-04-02' };
  const tradeMember = { youthUnionMember: false, tradeUnionMember: true };

  it('unit without a Youth Union: a trade-union member of youth age needs the trade union’s resolution and one sponsor', () => {
    const two = facts(tradeMember, { sponsors: [sponsor, sponsorB] });
    expect(run(R.INTRODUCERS_INCOMPLETE, two, cellVote('2031-03-14'), TRADE_ONLY)).toMatchObject({
      rule: 'INTRODUCERS_INCOMPLETE',
      details: { requirement: 'trade_union_resolution_and_one_sponsor' },
    });
    expect(ruleOf(R.INTRODUCERS_INCOMPLETE, two, cellVote('2031-03-15'), TRADE_ONLY)).toBeNull(); // 31: two sponsors suffice
    expect(ruleOf(R.INTRODUCERS_INCOMPLETE, facts(tradeMember, { sponsors: [sponsor], introducingResolution: tu }), cellVote('2031-03-14'), TRADE_ONLY)).toBeNull();
    expect(ruleOf(R.INTRODUCERS_INCOMPLETE, facts(tradeMember, { introducingResolution: tu }), cellVote('2031-03-14'), TRADE_ONLY)).toBe('INTRODUCERS_INCOMPLETE');
    // With a Youth Union in the unit the same trade-union member (not of the Youth Union) is on the general path.
    expect(ruleOf(R.INTRODUCERS_INCOMPLETE, two, cellVote('2031-03-14'), YOUTH_AND_TRADE)).toBeNull();
  });

  it('the Youth Union path applies only where the unit has a Youth Union', () => {
    const two = facts({ youthUnionMember: true }, { sponsors: [sponsor, sponsorB] });
    expect(run(R.INTRODUCERS_INCOMPLETE, two, cellVote('2026-01-05'), YOUTH_AND_TRADE)).toMatchObject({ details: { requirement: 'youth_union_resolution_and_one_sponsor' } });
    expect(ruleOf(R.INTRODUCERS_INCOMPLETE, two, cellVote('2026-01-05'), NEITHER)).toBeNull();
    expect(ruleOf(R.INTRODUCERS_INCOMPLETE, two, cellVote('2026-01-05'), TRADE_ONLY)).toBeNull();
    expect(ruleOf(R.INTRODUCERS_INCOMPLETE, facts({ youthUnionMember: true }, { sponsors: [sponsor], introducingResolution: yu }), cellVote('2026-01-05'), YOUTH_ONLY)).toBeNull();
  });

  it('neither organisation: two sponsors introduce a candidate of youth age, one alone does not', () => {
    expect(ruleOf(R.INTRODUCERS_INCOMPLETE, facts(NOT_A_MEMBER, { sponsors: [sponsor, sponsorB] }), cellVote('2026-01-05'), NEITHER)).toBeNull();
    expect(ruleOf(R.INTRODUCERS_INCOMPLETE, facts(NOT_A_MEMBER, { sponsors: [sponsor] }), cellVote('2026-01-05'), NEITHER)).toBe('INTRODUCERS_INCOMPLETE');
  });
});

describe('the engine at the cell vote (E7)', () => {
  const rule = (r: unknown) => (r as { rule?: string }).rule;

  /** A dossier introduced by two sponsors, or by `body`'s resolution and one sponsor. */
  function dossier(c: CaseDriver, intro: 'two_sponsors' | 'youth_union' | 'trade_union', organisations: string[] = []): CaseDriver {
    toAwarenessCertified(c)
      .ok('DOSSIER_OPENED', '2025-10-01', { resolutionNo: 'NQ-7' })
      .ok('APPLICATION_FILED', '2025-10-02')
      .ok('BIOGRAPHY_FILED', '2025-10-03')
      .ok('BIOGRAPHY_CERTIFIED', '2025-10-27', { politicalIssue: false })
      .ok('SPONSOR_ADDED', '2025-11-04', { sponsor: SPONSOR });
    if (intro === 'two_sponsors') c.ok('SPONSOR_ADDED', '2025-11-04', { sponsor: SPONSOR_2 });
    else c.ok('INTRODUCING_RESOLUTION_RECORDED', '2025-11-04', { body: intro, resolutionNo: 'NQ-3' });
    return c.ok('OPINIONS_RECORDED', '2025-11-05', { organisations, residenceCell: true });
  }

  const twentyThree = { ...CANDIDATE, dateOfBirth: '2002-05-20', ...NOT_A_MEMBER };

  it('a 23-year-old who is not a Youth Union member, in a unit with a Youth Union, is no longer voted in on two sponsors', () => {
    for (const organisation of [ORDINARY_CELL, YOUTH_AND_TRADE]) {
      const c = dossier(new CaseDriver(makeEnv('2030-12-31', organisation), '2025-09-01', twentyThree), 'two_sponsors');
      expect(c.state).toBe('cellReview');
      const refusal = c.refused('CELL_VOTE_RECORDED', '2025-11-10', PASSING_CELL_VOTE);
      expect(refusal).toMatchObject({ code: 'RULE_VIOLATION', rule: 'YOUTH_UNION_MEMBERSHIP_REQUIRED', source: 'CH Art. 4(1)' });
      expect(c.state).toBe('cellReview');
    }
  });

  it('the same candidate in a unit with only a trade union: TRADE_UNION_MEMBERSHIP_REQUIRED; with neither: voted in', () => {
    const trade = dossier(new CaseDriver(makeEnv('2030-12-31', TRADE_ONLY), '2025-09-01', twentyThree), 'two_sponsors');
    expect(rule(trade.refused('CELL_VOTE_RECORDED', '2025-11-10', PASSING_CELL_VOTE))).toBe('TRADE_UNION_MEMBERSHIP_REQUIRED');
    const neither = dossier(new CaseDriver(makeEnv('2030-12-31', NEITHER), '2025-09-01', twentyThree), 'two_sponsors');
    neither.ok('CELL_VOTE_RECORDED', '2025-11-10', PASSING_CELL_VOTE);
    expect(neither.state).toBe('grassrootsReview');
  });

  it('the cut-off is the vote date: 30 years 11 months refused, the 31st birthday voted in', () => {
    const born = { ...CANDIDATE, dateOfBirth: '1994-11-20', ...NOT_A_MEMBER }; // 31 on 2025-11-20
    const c = dossier(new CaseDriver(makeEnv('2030-12-31', YOUTH_AND_TRADE), '2025-09-01', born), 'two_sponsors');
    expect(c.refused('CELL_VOTE_RECORDED', '2025-11-19', PASSING_CELL_VOTE)).toMatchObject({
      rule: 'YOUTH_UNION_MEMBERSHIP_REQUIRED',
      details: { ageYears: 30, ageMonths: 11 },
    });
    c.ok('CELL_VOTE_RECORDED', '2025-11-20', PASSING_CELL_VOTE);
    expect(c.state).toBe('grassrootsReview');
  });

  it('a trade-union member of youth age in a unit without a Youth Union: the trade union’s resolution and one sponsor complete the dossier, two sponsors do not', () => {
    const member = { ...twentyThree, tradeUnionMember: true };
    const withResolution = dossier(new CaseDriver(makeEnv('2030-12-31', TRADE_ONLY), '2025-09-01', member), 'trade_union', ['Công đoàn cơ sở']);
    expect(withResolution.state).toBe('cellReview');
    withResolution.ok('CELL_VOTE_RECORDED', '2025-11-10', PASSING_CELL_VOTE);
    expect(withResolution.state).toBe('grassrootsReview');

    const twoSponsors = dossier(new CaseDriver(makeEnv('2030-12-31', TRADE_ONLY), '2025-09-01', member), 'two_sponsors', ['Công đoàn cơ sở']);
    expect(twoSponsors.state).toBe('dossier');
    expect(twoSponsors.description.stateDetail.dossier).toMatchObject({ introducers: false, opinions: true });
    expect(twoSponsors.refused('CELL_VOTE_RECORDED', '2025-11-10', PASSING_CELL_VOTE)).toMatchObject({
      rule: 'INTRODUCERS_INCOMPLETE',
      details: { requirement: 'trade_union_resolution_and_one_sponsor' },
    });
    twoSponsors.ok('INTRODUCING_RESOLUTION_RECORDED', '2025-11-06', { body: 'trade_union', resolutionNo: 'NQ-CĐ' });
    expect(twoSponsors.state).toBe('cellReview');
  });

  it('a Youth Union member of youth age is voted in on the Youth Union’s resolution and one sponsor, as before', () => {
    const c = dossier(new CaseDriver(makeEnv('2030-12-31', YOUTH_AND_TRADE)), 'youth_union', ['Đoàn TNCS Hồ Chí Minh']);
    c.ok('CELL_VOTE_RECORDED', '2025-11-10', PASSING_CELL_VOTE);
    expect(c.state).toBe('grassrootsReview');
  });

  it('the unit’s flags are read at each step: a change of the organisation changes the answer to the vote', () => {
    const c = dossier(new CaseDriver(makeEnv('2030-12-31', YOUTH_AND_TRADE), '2025-09-01', twentyThree), 'two_sponsors');
    expect(rule(c.refused('CELL_VOTE_RECORDED', '2025-11-10', PASSING_CELL_VOTE))).toBe('YOUTH_UNION_MEMBERSHIP_REQUIRED');
    c.env = makeEnv('2030-12-31', NEITHER);
    c.ok('CELL_VOTE_RECORDED', '2025-11-10', PASSING_CELL_VOTE);
    expect(c.state).toBe('grassrootsReview');
  });
});
