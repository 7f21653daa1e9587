import { IMPORT_COLUMNS, rowToCase } from './row-to-case';

const ORG = '0b7f3a4e-9a51-4c8e-8f0e-2d1f5c6a7b8c';
const base = {
  externalId: 'HS-9',
  organisationId: ORG,
  openedOn: '2025-03-03',
  fullName: 'Nguyễn Văn Hùng',
  dateOfBirth: '1980-04-12',
  gender: 'male',
  ethnicity: 'Kinh',
  education: 'university',
  occupation: 'teacher',
};
const READMISSION_COLUMNS = {
  readmissionPreviousAdmissionDecisionOn: '2005-05-19',
  readmissionLeftOn: '2020-03-15',
  readmissionLeftReason: 'removed',
  readmissionTimesReadmittedBefore: '0',
};

describe('an import row carries the re-admission facts (docs/imports.md)', () => {
  it('has one column per field of the readmission facts, and the readmission consent as a step', () => {
    for (const column of [
      'readmissionPreviousAdmissionDecisionOn',
      'readmissionLeftOn',
      'readmissionLeftReason',
      'readmissionCriminalRecordClearedOn',
      'readmissionFamilyHardship',
      'readmissionTimesReadmittedBefore',
      'readmissionConsentOn',
      'readmissionConsentIssuer',
      'readmissionConsentNo',
    ]) {
      expect(IMPORT_COLUMNS).toContain(column);
    }
  });

  it('reads them into the case, with the consent as a CONSENT_RECORDED of kind readmission', () => {
    const result = rowToCase({
      ...base,
      ...READMISSION_COLUMNS,
      readmissionCriminalRecordClearedOn: '2018-01-02',
      readmissionFamilyHardship: 'false',
      readmissionConsentOn: '2025-05-05',
      readmissionConsentIssuer: 'Ban Thường vụ Tỉnh ủy',
      readmissionConsentNo: '88-CV/TU',
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.readmission).toEqual({
      previousAdmissionDecisionOn: '2005-05-19',
      leftOn: '2020-03-15',
      leftReason: 'removed',
      criminalRecordClearedOn: '2018-01-02',
      familyHardship: false,
      timesReadmittedBefore: 0,
    });
    expect(result.value.events).toEqual([
      { type: 'CONSENT_RECORDED', occurredOn: '2025-05-05', kind: 'readmission', issuer: 'Ban Thường vụ Tỉnh ủy', documentNo: '88-CV/TU' },
    ]);
  });

  it('a row with none of the columns is a first admission', () => {
    const result = rowToCase(base);
    expect(result.ok && 'readmission' in result.value).toBe(false);
  });

  it('names each problem by its column: a required field left out, a reason not on the list, leaving before the first admission', () => {
    const missing = rowToCase({ ...base, readmissionLeftOn: '2020-03-15' });
    expect(missing.ok ? [] : missing.problems.map((p) => p.field).sort()).toEqual([
      'readmissionLeftReason',
      'readmissionPreviousAdmissionDecisionOn',
      'readmissionTimesReadmittedBefore',
    ]);
    const reason = rowToCase({ ...base, ...READMISSION_COLUMNS, readmissionLeftReason: 'resigned' });
    expect(reason.ok ? [] : [...new Set(reason.problems.map((p) => p.field))]).toEqual(['readmissionLeftReason']);
    const order = rowToCase({ ...base, ...READMISSION_COLUMNS, readmissionLeftOn: '2005-05-19' });
    expect(order.ok ? [] : order.problems).toEqual([{ field: 'readmissionLeftOn', message: expect.stringContaining('after previousAdmissionDecisionOn') }]);
    const dayAfter = rowToCase({ ...base, ...READMISSION_COLUMNS, readmissionLeftOn: '2005-05-20' });
    expect(dayAfter.ok).toBe(true);
  });
});
