import { DomainEvent } from '../model/events';
import { atLeastTwoThirds, moreThanHalf, VOTE_COUNTS_INVALID, voteCountsProblem } from './votes';
import { evaluateRule } from './rule';
import { initialFacts } from '../machine/facts';
import { CANDIDATE, ORDINARY_CELL } from '../__fixtures__/scenario';

describe('thresholds', () => {
  it.each([
    [6, 9, true],
    [5, 8, false],
    [6, 8, true],
    [2, 3, true],
    [1, 2, false],
    [0, 1, false],
  ])('atLeastTwoThirds(%i, %i) = %s', (inFavour, voters, expected) => {
    expect(atLeastTwoThirds(inFavour, voters)).toBe(expected);
  });

  it.each([
    [3, 6, false],
    [4, 7, true],
    [4, 6, true],
    [1, 1, true],
    [1, 2, false],
  ])('moreThanHalf(%i, %i) = %s', (inFavour, voters, expected) => {
    expect(moreThanHalf(inFavour, voters)).toBe(expected);
  });
});

describe('VOTE_COUNTS_INVALID', () => {
  const input = (event: DomainEvent) => ({
    facts: initialFacts({ candidate: CANDIDATE, openedOn: '2025-01-01', procedureVersion: 'qd294-2025' }),
    event,
    env: { today: '2030-01-01', organisation: ORDINARY_CELL, openDeadlines: [] },
  });
  const cell = (fullMembers: number, excluded: number, inFavour: number): DomainEvent => ({
    type: 'CELL_VOTE_RECORDED',
    occurredOn: '2026-01-01',
    fullMembers,
    excluded,
    inFavour,
  });

  it('accepts consistent counts, including a failing vote and inFavour equal to the voters', () => {
    expect(evaluateRule(VOTE_COUNTS_INVALID, input(cell(8, 0, 5)))).toBeNull();
    expect(evaluateRule(VOTE_COUNTS_INVALID, input(cell(9, 1, 8)))).toBeNull();
    expect(evaluateRule(VOTE_COUNTS_INVALID, input(cell(9, 8, 0)))).toBeNull();
  });

  it.each([
    ['negative inFavour', cell(9, 0, -1)],
    ['non-integer', cell(9, 0, 5.5)],
    ['excluded > fullMembers', cell(3, 4, 0)],
    ['zero voters', cell(3, 3, 0)],
    ['inFavour > fullMembers − excluded', cell(9, 1, 9)],
    ['negative excluded', cell(9, -1, 6)],
  ])('refuses %s', (_label, event) => {
    const v = evaluateRule(VOTE_COUNTS_INVALID, input(event));
    expect(v?.rule).toBe('VOTE_COUNTS_INVALID');
    expect(v?.messageVi).toMatch(/biểu quyết/);
  });

  it('checks committee and standing-committee counts', () => {
    expect(voteCountsProblem({ type: 'GRASSROOTS_VOTE_RECORDED', occurredOn: '2026-01-01', committeeMembers: 5, inFavour: 6 })).not.toBeNull();
    expect(voteCountsProblem({ type: 'GRASSROOTS_VOTE_RECORDED', occurredOn: '2026-01-01', committeeMembers: 5, inFavour: 5 })).toBeNull();
    expect(
      voteCountsProblem({ type: 'ADMISSION_DECIDED', occurredOn: '2026-01-01', decisionNo: 'x', standingMembers: 0, inFavour: 0, receivedOn: '2026-01-01' }),
    ).not.toBeNull();
    expect(
      voteCountsProblem({ type: 'RECOGNITION_DECIDED', occurredOn: '2026-01-01', decisionNo: 'x', standingMembers: 7, inFavour: 8, motion: 'recognise' }),
    ).not.toBeNull();
    expect(voteCountsProblem({ type: 'APPLICATION_FILED', occurredOn: '2026-01-01' })).toBeNull();
  });
});
