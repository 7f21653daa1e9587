import { createI18n } from '../i18n';
import { voteSummary } from './votes';

const t = createI18n('vi').t;
const line = (type: string, values: Record<string, unknown>) => {
  const s = voteSummary(type, values);
  return s ? t(`form.vote.${s.threshold}.${s.passed ? 'pass' : 'fail'}`, { ...s }) : null;
};

describe('the vote shown live in a step form', () => {
  it('a cell vote needs two thirds of the members entitled to vote: 6 of 9 passes, 5 of 9 does not', () => {
    expect(line('CELL_VOTE_RECORDED', { fullMembers: 9, excluded: 0, inFavour: 6 })).toBe('6/9 = 66,7 % ≥ 2/3: đạt');
    expect(line('CELL_VOTE_RECORDED', { fullMembers: 9, excluded: 0, inFavour: 5 })).toBe('5/9 = 55,6 % < 2/3: không đạt');
  });

  it('members not counted leave the denominator: 6 of 10 with one excluded is 6 of 9', () => {
    expect(voteSummary('CELL_VOTE_RECORDED', { fullMembers: 10, excluded: 1, inFavour: 6 })).toMatchObject({ voters: 9, passed: true });
    expect(voteSummary('CELL_VOTE_RECORDED', { fullMembers: 10, excluded: 0, inFavour: 6 })).toMatchObject({ voters: 10, passed: false });
  });

  it('a standing committee’s decision needs more than half: 4 of 7 passes, 3 of 6 does not', () => {
    expect(line('ADMISSION_DECIDED', { standingMembers: 7, inFavour: 4 })).toBe('4/7 = 57,1 % > 1/2: đạt');
    expect(line('ADMISSION_DECIDED', { standingMembers: 6, inFavour: 3 })).toBe('3/6 = 50,0 % ≤ 1/2: không đạt');
    expect(line('RECOGNITION_DECIDED', { standingMembers: 5, inFavour: 3 })).toBe('3/5 = 60,0 % > 1/2: đạt');
  });

  it('a committee vote needs two thirds: 6 of 9 passes, 5 of 8 does not (where more than half would)', () => {
    expect(voteSummary('GRASSROOTS_VOTE_RECORDED', { committeeMembers: 9, inFavour: 6 })).toMatchObject({ threshold: 'twoThirds', passed: true });
    expect(voteSummary('GRASSROOTS_VOTE_RECORDED', { committeeMembers: 8, inFavour: 5 })).toMatchObject({ threshold: 'twoThirds', passed: false });
  });

  it('says nothing until the counts make a vote, and never passes more in favour than voters', () => {
    expect(voteSummary('CELL_VOTE_RECORDED', { fullMembers: null, excluded: null, inFavour: null })).toBeNull();
    expect(voteSummary('CELL_VOTE_RECORDED', { fullMembers: 9, excluded: 0, inFavour: null })).toBeNull();
    expect(voteSummary('CELL_VOTE_RECORDED', { fullMembers: 3, excluded: 3, inFavour: 0 })).toBeNull();
    expect(voteSummary('CELL_VOTE_RECORDED', { fullMembers: 9, excluded: 0, inFavour: 10 })).toMatchObject({ passed: false });
    expect(voteSummary('SPONSOR_ADDED', { sponsor: {} })).toBeNull();
  });
});
