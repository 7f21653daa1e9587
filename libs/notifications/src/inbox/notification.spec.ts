import { addressOf, NewNotification } from './notification';

describe('addressOf', () => {
  it('copies whom a notification is for and what it is about, and nothing else', () => {
    const n: NewNotification = {
      organisationId: 'o',
      role: 'cell_secretary',
      caseId: 'c',
      deadlineId: null,
      kind: 'reminder',
      phase: 'remind-3wd',
      dueOn: '2026-03-26',
      title: { vi: 'Sắp đến hạn', en: 'Due soon' },
      body: { vi: 'Còn 3 ngày làm việc.', en: '3 working days left.' },
      createdAt: new Date('2026-03-23T01:00:00.000Z'),
      dedupeKey: 'k',
    };
    const address = addressOf(n);
    expect(address).toStrictEqual({ organisationId: 'o', role: 'cell_secretary', caseId: 'c', deadlineId: null, kind: 'reminder', phase: 'remind-3wd', dueOn: '2026-03-26' });
    expect(address).not.toBe(n);
  });
});
