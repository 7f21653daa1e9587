import { jobIdOf } from '../../contracts';
import { ReminderPolicy } from '../../policy/reminder-policy';
import { phasesOfKind, staleJobIds } from './stale-jobs';

const policy = {
  timeZone: 'Asia/Ho_Chi_Minh',
  backlogGraceWorkingDays: 1,
  kinds: {
    ADMISSION_DECISION: { sendAt: '08:00', reminders: [{ workingDays: 10 }, { workingDays: 1 }], due: false, alert: [], escalation: { to: 'superior' } },
    PROBATION_END: { sendAt: '08:00', reminders: [{ months: 3 }], due: true, alert: [], escalation: null },
  },
} as unknown as ReminderPolicy;

const D = '0b7c9a52-3c1e-4f7e-9a55-1d2f3e4a5b6c';
const ids = (generation: number, phases: string[]) => phases.map((phase) => jobIdOf({ deadlineId: D, generation, phase: phase as never }));

describe('stale job ids of relayed deadline changes', () => {
  it('lists the phases the policy plans for a kind', () => {
    expect(phasesOfKind(policy, 'ADMISSION_DECISION')).toEqual(['remind-10wd', 'remind-1wd', 'escalate']);
    expect(phasesOfKind(policy, 'PROBATION_END')).toEqual(['remind-3m', 'due']);
  });

  it('names nothing for a new deadline (generation 1, open)', () => {
    expect(staleJobIds([{ deadlineId: D, generation: 1 }], [{ id: D, kind: 'ADMISSION_DECISION', status: 'open', generation: 1 }], policy)).toEqual([]);
  });

  it('names the previous generation of an extended (still open) deadline, not the current one', () => {
    expect(staleJobIds([{ deadlineId: D, generation: 2 }], [{ id: D, kind: 'ADMISSION_DECISION', status: 'open', generation: 2 }], policy)).toEqual(
      ids(1, ['remind-10wd', 'remind-1wd', 'escalate']),
    );
  });

  it('names every generation since the oldest message up to the current one (a closed generation never had jobs)', () => {
    const messages = [
      { deadlineId: D, generation: 3 },
      { deadlineId: D, generation: 4 },
    ];
    expect(staleJobIds(messages, [{ id: D, kind: 'PROBATION_END', status: 'met', generation: 4 }], policy)).toEqual([
      ...ids(2, ['remind-3m', 'due']),
      ...ids(3, ['remind-3m', 'due']),
    ]);
  });

  it('leaves out the jobs of firings already recorded (the escalation that marked the deadline missed, the reminders sent)', () => {
    const fired = new Set([`${D}:1:remind-10wd`, `${D}:1:escalate`, `${D}:2:remind-1wd`]);
    expect(staleJobIds([{ deadlineId: D, generation: 2 }], [{ id: D, kind: 'ADMISSION_DECISION', status: 'missed', generation: 2 }], policy, fired)).toEqual(
      ids(1, ['remind-1wd']),
    );
  });

  it('ignores a message whose deadline no longer exists', () => {
    expect(staleJobIds([{ deadlineId: D, generation: 2 }], [], policy)).toEqual([]);
  });
});
