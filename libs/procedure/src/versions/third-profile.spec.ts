/*
 * A third profile is data: this test adds one to RULE_PROFILES (and nothing else) and shows the engine judging a case
 * under it — its own limits, its own youth-age cut-off — with no change to the engine's code (ADR 0023).
 */
import { CaseDriver, makeEnv, ORDINARY_CELL, PASSING_CELL_VOTE, toCellReview } from '../__fixtures__/scenario';
import type { RuleProfile } from './profiles';
import { ruleProfileIds, ruleSetFor } from './rule-sets';
import { youthAgeOn } from '../rules/mass-organisations';

jest.mock('./profiles', () => {
  const actual: typeof import('./profiles') = jest.requireActual('./profiles');
  const testProvince: RuleProfile = {
    id: 'test_province',
    label: { vi: 'Quy định thử nghiệm của một tỉnh', en: 'A test province' },
    text: 'Hướng dẫn thử nghiệm',
    overlay: {
      youthAgeMaxYears: 35,
      dossierDispatch: { workingDays: 10, source: 'HD-TEST §1' },
      admissionDecision: { workingDays: 40, extension: 10, source: 'HD-TEST §2' },
    },
  };
  return { ...actual, RULE_PROFILES: [...actual.RULE_PROFILES, testProvince] };
});

const env = makeEnv('2030-12-31', { ...ORDINARY_CELL, ruleProfile: 'test_province' });

describe('a third rule profile added as data only', () => {
  it('is offered and composed over the version in force', () => {
    expect(ruleProfileIds()).toEqual(['central', 'hanoi', 'test_province']);
    expect(ruleSetFor('2025-11-10', 'test_province')).toMatchObject({ id: 'qd294-2025+test_province', youthAgeMaxYears: 35, grassrootsResolution: null });
  });

  it('judges a case with its own limits: D5 of 10 WD, the admission decision 40 WD (+10), no D6', () => {
    const c = toCellReview(new CaseDriver(env)).ok('CELL_VOTE_RECORDED', '2025-11-10', PASSING_CELL_VOTE);
    expect(c.openDeadlineKeys().sort()).toEqual(['ADMISSION_DECISION', 'DOSSIER_DISPATCH']);
    expect(c.deadline('DOSSIER_DISPATCH')).toMatchObject({ dueOn: '2025-11-24', source: 'HD-TEST §1', ruleSet: 'qd294-2025+test_province' });
    expect(c.deadline('ADMISSION_DECISION')).toMatchObject({ dueOn: '2026-01-05', source: 'HD-TEST §2' });
    c.ok('DEADLINE_EXTENDED', '2025-12-01', { deadlineKind: 'ADMISSION_DECISION', reason: 'Cần thêm thời gian' });
    expect(c.deadline('ADMISSION_DECISION')).toMatchObject({ extendedBy: 10, dueOn: '2026-01-19' });
  });

  it('applies its youth-age cut-off (35): 33 years old is youth age under it, not under central', () => {
    expect(youthAgeOn('1992-01-10', '2025-11-10', 'test_province')).toMatchObject({ youth: true, years: 33, maxYears: 35 });
    expect(youthAgeOn('1992-01-10', '2025-11-10')).toMatchObject({ youth: false, maxYears: 30 });
    // The day before the 36th birthday still youth age under it; the birthday not.
    expect(youthAgeOn('1990-01-10', '2026-01-09', 'test_province').youth).toBe(true);
    expect(youthAgeOn('1990-01-10', '2026-01-10', 'test_province').youth).toBe(false);
  });
});
