import { ctx, fullPath } from './__fixtures__/case-builder';
import { CHECK_IDS } from './catalogue';
import { runChecks } from './run-checks';

describe('runChecks over a compliant path', () => {
  it('decides every check and fails none', () => {
    const results = runChecks(fullPath().build(), ctx('2026-12-31'));
    expect(results.map((r) => r.check)).toEqual([...CHECK_IDS]);
    expect(results.filter((r) => r.status === 'fail')).toEqual([]);
    // Every check that can apply to a full path does; only A21 (three failed recognition votes) cannot.
    expect(results.filter((r) => r.status === 'not_applicable').map((r) => r.check)).toEqual(['A21']);
  });

  it('each result carries its title in Vietnamese and English, its source and severity', () => {
    for (const r of runChecks(fullPath().build(), ctx('2026-12-31'))) {
      expect(r.title.vi.length).toBeGreaterThan(10);
      expect(r.title.en.length).toBeGreaterThan(10);
      expect(r.source).toMatch(/QĐ|HD|CH/);
      expect(['critical', 'major', 'minor']).toContain(r.severity);
    }
  });

  it('runs only the checks asked for', () => {
    expect(runChecks(fullPath().build(), ctx('2026-12-31'), ['A15', 'A1']).map((r) => r.check)).toEqual(['A1', 'A15']);
  });
});
