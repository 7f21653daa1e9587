import { z } from 'zod';
import { choice, count, date, flag, group, Label } from './fields';

/** How the person left the Party before (api.md v1.1 "Re-admission"; QĐ294 §3.5). */
export const LEFT_REASONS = [
  'expelled',
  'removed',
  'struck_off',
  'abandoned_activity',
  'asked_to_leave',
  'disunity',
  'corruption_conviction',
  'serious_crime_conviction',
  'other',
] as const;
export type LeftReason = (typeof LEFT_REASONS)[number];

/** The reasons, as staff read them. */
export const LEFT_REASON_LABELS: { readonly [K in LeftReason]: Label } = {
  expelled: { vi: 'Bị khai trừ', en: 'Expelled' },
  removed: { vi: 'Bị xóa tên', en: 'Removed from the membership' },
  struck_off: { vi: 'Bị đưa ra khỏi Đảng', en: 'Struck off' },
  abandoned_activity: { vi: 'Tự ý bỏ sinh hoạt đảng', en: 'Abandoned party activity' },
  asked_to_leave: { vi: 'Xin ra khỏi Đảng', en: 'Asked to leave the Party' },
  disunity: { vi: 'Gây mất đoàn kết nội bộ nghiêm trọng', en: 'Caused serious internal disunity' },
  corruption_conviction: { vi: 'Bị kết án về tội tham nhũng', en: 'Convicted of corruption' },
  serious_crime_conviction: { vi: 'Bị kết án về tội nghiêm trọng trở lên', en: 'Convicted of a serious crime or worse' },
  other: { vi: 'Lý do khác', en: 'Other' },
};

/**
 * The facts of a re-admission (kết nạp lại, QĐ294 §3.5), carried by `POST /cases` and its CASE_OPENED event: when
 * and why the person left, the first admission, a cleared criminal record, and how often they were re-admitted
 * before. Whether the person may be re-admitted is the rules' concern (rules/readmission.ts); here only the shape
 * and that the person left after being admitted.
 */
export const READMISSION_SCHEMA = group(
  { vi: 'Kết nạp lại', en: 'Re-admission' },
  {
    previousAdmissionDecisionOn: date(
      { vi: 'Ngày quyết định kết nạp lần đầu', en: 'Date of the first admission decision' },
      { example: '2010-05-19', help: { vi: 'Tuổi đảng tính từ ngày này, trừ thời gian ở ngoài Đảng', en: 'The party age counts from this date, minus the time outside the Party' } },
    ),
    leftOn: date(
      { vi: 'Ngày ra khỏi Đảng', en: 'Date of leaving the Party' },
      { example: '2020-03-15', help: { vi: 'Kết nạp lại sau ít nhất 36 tháng kể từ ngày này', en: 'Re-admission at least 36 months after this date (READMISSION_TOO_EARLY)' } },
    ),
    leftReason: choice(LEFT_REASONS, { vi: 'Lý do ra khỏi Đảng', en: 'Reason for leaving' }, LEFT_REASON_LABELS),
    criminalRecordClearedOn: date(
      { vi: 'Ngày được xóa án tích', en: 'Date the criminal record was cleared' },
      { help: { vi: 'Chỉ điền khi bị kết án tội ít nghiêm trọng; kết nạp lại sau ít nhất 60 tháng kể từ ngày này', en: 'Only after a conviction for a less-serious crime; re-admission at least 60 months after this date' } },
    ).optional(),
    familyHardship: flag(
      { vi: 'Xin ra khỏi Đảng vì hoàn cảnh gia đình đặc biệt khó khăn', en: 'Asked to leave because of special family hardship' },
      { help: { vi: 'Chỉ với lý do «Xin ra khỏi Đảng»; bỏ trống là không', en: 'Only with «asked to leave»; empty means no' } },
    ).optional(),
    timesReadmittedBefore: count(
      { vi: 'Số lần đã được kết nạp lại trước đây', en: 'Times re-admitted before' },
      { example: 0, help: { vi: 'Chỉ được kết nạp lại một lần', en: 'Re-admission is allowed once only (READMISSION_ONLY_ONCE)' } },
    ).refine((n) => n >= 0, { error: 'must not be negative' }),
  },
).refine((r) => r.leftOn > r.previousAdmissionDecisionOn, {
  error: 'leftOn must be after previousAdmissionDecisionOn',
  path: ['leftOn'],
});

export type Readmission = z.output<typeof READMISSION_SCHEMA>;
