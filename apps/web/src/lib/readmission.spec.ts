import { gapsInWords, readmissionLines } from './readmission';

describe('a re-admission in words', () => {
  const facts = { previousAdmissionDecisionOn: '2010-05-19', leftOn: '2022-11-10', leftReason: 'asked_to_leave', familyHardship: true, timesReadmittedBefore: 0 };

  it('labels each fact in Vietnamese, dates dd/mm/yyyy, the reason by its label, no codes', () => {
    const lines = readmissionLines(facts, 'vi');
    expect(lines).toEqual([
      { label: 'Ngày quyết định kết nạp lần đầu', value: '19/05/2010' },
      { label: 'Ngày ra khỏi Đảng', value: '10/11/2022' },
      { label: 'Lý do ra khỏi Đảng', value: 'Xin ra khỏi Đảng' },
      { label: 'Xin ra khỏi Đảng vì hoàn cảnh gia đình đặc biệt khó khăn', value: 'Có' },
      { label: 'Số lần đã được kết nạp lại trước đây', value: '0' },
    ]);
    expect(JSON.stringify(lines)).not.toMatch(/asked_to_leave|\d{4}-\d{2}-\d{2}/);
    expect(readmissionLines(facts, 'en')[2]).toEqual({ label: 'Reason for leaving', value: 'Asked to leave the Party' });
  });

  it('a first admission has none', () => {
    expect(readmissionLines(null, 'vi')).toEqual([]);
    expect(readmissionLines(undefined, 'vi')).toEqual([]);
  });

  it('writes the periods outside the Party as dates', () => {
    expect(gapsInWords({ partyAgeFrom: '2010-05-19', partyAgeGaps: [{ from: '2022-11-10', to: '2025-12-15' }] })).toEqual(['10/11/2022 – 15/12/2025']);
    expect(gapsInWords({ partyAgeFrom: null })).toEqual([]);
  });
});
