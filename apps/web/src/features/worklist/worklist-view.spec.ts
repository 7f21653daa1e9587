import { workingDaysKey } from './worklist-view';

describe('working days on the worklist', () => {
  it('an overdue limit counts the days late; a limit due soon the days left, and today on the due day', () => {
    expect(workingDaysKey('overdue', 1)).toEqual({ key: 'worklist.late', count: 1 });
    expect(workingDaysKey('due_soon', 0)).toEqual({ key: 'worklist.today', count: 0 });
    expect(workingDaysKey('due_soon', 1)).toEqual({ key: 'worklist.left', count: 1 });
    expect(workingDaysKey('your_step', undefined)).toBeNull();
  });
});
