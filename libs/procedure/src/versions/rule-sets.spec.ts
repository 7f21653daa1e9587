import { procedureVersionFor, QD232_2025, QD294_2025, ruleSetById, ruleSetFor } from './rule-sets';

describe('rule sets', () => {
  it('chooses by date: qd232 up to 2025-06-30, qd294 from 2025-07-01', () => {
    expect(ruleSetFor('2025-06-30')).toBe(QD232_2025);
    expect(ruleSetFor('2025-07-01')).toBe(QD294_2025);
    expect(ruleSetFor('2019-01-01')).toBe(QD232_2025); // older texts carry the same numbers
    expect(procedureVersionFor('2026-11-28')).toBe('qd294-2025');
  });

  it('holds the decision limits of each text', () => {
    expect(QD294_2025.admissionDecision).toMatchObject({ workingDays: 45, extension: 15 });
    expect(QD294_2025.recognitionDecision).toMatchObject({ workingDays: 30, extension: 15 });
    expect(QD232_2025.admissionDecision).toMatchObject({ workingDays: 60, extension: 30 });
    expect(QD232_2025.recognitionDecision).toMatchObject({ workingDays: 30, extension: 30 });
    expect(QD294_2025.youthAgeMaxYears).toBe(30);
  });

  it('looks a set up by id and refuses unknown ids', () => {
    expect(ruleSetById('qd294-2025')).toBe(QD294_2025);
    expect(() => ruleSetById('qd999')).toThrow(/unknown procedure version/);
  });
});
