import { hierarchyProblem } from './organisation-hierarchy';

describe('hierarchyProblem', () => {
  it.each([
    ['province', null],
    ['commune', 'province'],
    ['grassroots', 'commune'],
    ['grassroots', 'province'],
    ['cell', 'grassroots'],
    ['cell', 'commune'],
  ] as const)('accepts a %s under %s', (kind, parent) => {
    expect(hierarchyProblem(kind, parent, false)).toBeNull();
  });

  it.each([
    ['province', 'province'],
    ['commune', null],
    ['commune', 'grassroots'],
    ['grassroots', 'cell'],
    ['cell', 'province'],
    ['cell', null],
    ['cell', 'cell'],
  ] as const)('refuses a %s under %s', (kind, parent) => {
    expect(hierarchyProblem(kind, parent, false)).toMatch(/sits/);
  });

  it('allows authorisation to admit only on a grassroots committee', () => {
    expect(hierarchyProblem('grassroots', 'commune', true)).toBeNull();
    expect(hierarchyProblem('cell', 'grassroots', true)).toMatch(/Only a grassroots/);
    expect(hierarchyProblem('commune', 'province', true)).toMatch(/Only a grassroots/);
  });
});
