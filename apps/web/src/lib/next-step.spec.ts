import { headlineStep } from './next-step';

describe('the step a case waits for, among those an account may record', () => {
  it('puts the cell vote before late dossier parts and withdrawal', () => {
    expect(headlineStep(['APPLICATION_FILED', 'SPONSOR_ADDED', 'CELL_VOTE_RECORDED', 'WITHDRAWN'])).toEqual({ step: 'CELL_VOTE_RECORDED', others: 3 });
  });

  it('has nothing to put first when only withdrawal or an extension is open', () => {
    expect(headlineStep(['WITHDRAWN'])).toBeNull();
    expect(headlineStep(['DEADLINE_EXTENDED', 'WITHDRAWN'])).toBeNull();
    expect(headlineStep([])).toBeNull();
  });

  it('a single step has no others', () => {
    expect(headlineStep(['ADMISSION_DECIDED'])).toEqual({ step: 'ADMISSION_DECIDED', others: 0 });
  });
});
