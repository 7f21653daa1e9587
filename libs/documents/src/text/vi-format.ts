import { BusinessDate } from '@charterflow/kernel';

/**
 * "ngày 05 tháng 12 năm 2026": the date line of a party document. Days below 10 and the months January and February
 * are written with a leading zero (HD 36-HD/VPTW on the presentation of party documents: "ngày 05 tháng 02 năm …",
 * "ngày 15 tháng 3 năm …"), so a figure cannot be added by hand afterwards.
 */
export function writtenDate(date: BusinessDate): string {
  const [year, month, day] = date.split('-').map(Number);
  const dd = day < 10 ? `0${day}` : String(day);
  const mm = month <= 2 ? `0${month}` : String(month);
  return `ngày ${dd} tháng ${mm} năm ${year}`;
}

/** A share as Vietnamese write it: one decimal after a comma, "66,7%"; whole numbers without decimals, "100%". */
export function percentVi(part: number, whole: number): string {
  if (whole <= 0) return '0%';
  const value = Math.round((part * 1000) / whole) / 10;
  return `${String(value).replace('.', ',')}%`;
}

/** Capitals with Vietnamese diacritics kept: "Chi bộ Giáo viên" → "CHI BỘ GIÁO VIÊN". */
export function upperVi(text: string): string {
  return text.toLocaleUpperCase('vi-VN');
}

/** The dotted blank a party form leaves for a hand-written entry. */
export const BLANK = '……………………';
