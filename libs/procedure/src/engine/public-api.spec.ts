import * as procedure from '../index';

describe('public API of libs/procedure', () => {
  it('exports the engine functions and constants', () => {
    for (const name of ['openCase', 'decide', 'describe', 'dueTimedEvents', 'restoreAggregate', 'allowedEventsOf', 'procedureVersionFor']) {
      expect(typeof (procedure as Record<string, unknown>)[name]).toBe('function');
    }
    expect(procedure.MACHINE_VERSION).toBeGreaterThanOrEqual(1);
    expect(Object.keys(procedure.RULES).length).toBeGreaterThanOrEqual(19);
  });
});
