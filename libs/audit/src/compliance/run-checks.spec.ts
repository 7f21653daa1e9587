import * as publicApi from '@charterflow/audit';
import { ctx, fullPath } from './__fixtures__/case-builder';
import { CHECK_IDS } from './catalogue';
import { runChecks } from './run-checks';

describe('runChecks over a compliant path', () => {
  it('decides every check and fails none', () => {
    const results = runChecks(fullPath(true).build(), ctx('2027-01-29'));
    expect(results.map((r) => r.check)).toEqual([...CHECK_IDS]);
    expect(results.filter((r) => r.status === 'fail')).toEqual([]);
    // Every check that can apply to a full path does; only A21 (three failed recognition votes), A22 (a re-admission),
    // A25 (a transfer) and A27 (the limits of a province profile: this case is under the central rules) cannot.
    expect(results.filter((r) => r.status === 'not_applicable').map((r) => r.check)).toEqual(['A21', 'A22', 'A25', 'A27']);
  });

  it('without a verification request A23 is not applicable, and still nothing fails', () => {
    const results = runChecks(fullPath().build(), ctx('2027-01-29'));
    expect(results.filter((r) => r.status === 'fail')).toEqual([]);
    expect(results.filter((r) => r.status === 'not_applicable').map((r) => r.check)).toEqual(['A21', 'A22', 'A23', 'A25', 'A27']);
  });

  it('each result carries its title in Vietnamese and English, its source and severity', () => {
    for (const r of runChecks(fullPath().build(), ctx('2027-01-29'))) {
      expect(r.title.vi.length).toBeGreaterThan(10);
      expect(r.title.en.length).toBeGreaterThan(10);
      expect(r.source).toMatch(/QĐ|HD|CH|HN02/);
      expect(['critical', 'major', 'minor']).toContain(r.severity);
    }
  });

  it('runs only the checks asked for', () => {
    expect(runChecks(fullPath().build(), ctx('2027-01-29'), ['A15', 'A1']).map((r) => r.check)).toEqual(['A1', 'A15']);
  });

  it('is the public API of @charterflow/audit', () => {
    expect(publicApi.runChecks).toBe(runChecks);
    expect(publicApi.CHECK_IDS).toEqual(['A1', 'A2', 'A3', 'A4', 'A5', 'A6', 'A7', 'A8', 'A9', 'A10', 'A11', 'A12', 'A13', 'A14', 'A15', 'A16', 'A17', 'A18', 'A19', 'A20', 'A21', 'A22', 'A23', 'A24', 'A25', 'A26', 'A27']);
  });
});
