import { percentVi, upperVi, writtenDate } from './vi-format';

describe('Vietnamese text of documents', () => {
  it('writes the date line with the leading zeros the presentation rules ask for, and only those', () => {
    expect(writtenDate('2026-02-05')).toBe('ngày 05 tháng 02 năm 2026');
    expect(writtenDate('2026-01-09')).toBe('ngày 09 tháng 01 năm 2026');
    expect(writtenDate('2026-03-10')).toBe('ngày 10 tháng 3 năm 2026');
    expect(writtenDate('2026-12-31')).toBe('ngày 31 tháng 12 năm 2026');
  });

  it('writes shares with a decimal comma', () => {
    expect(percentVi(6, 9)).toBe('66,7%');
    expect(percentVi(2, 3)).toBe('66,7%');
    expect(percentVi(9, 9)).toBe('100%');
    expect(percentVi(1, 8)).toBe('12,5%');
    expect(percentVi(0, 0)).toBe('0%');
  });

  it('keeps diacritics in capitals', () => {
    expect(upperVi('Chi bộ Giáo viên phường Đống Đa')).toBe('CHI BỘ GIÁO VIÊN PHƯỜNG ĐỐNG ĐA');
  });
});
