import { z } from 'zod';
import { choice, date, flag, group, text } from './fields';

export const EDUCATION_LEVELS = ['literate', 'primary', 'lower_secondary', 'upper_secondary', 'college', 'university', 'postgraduate'] as const;
export const GENDERS = ['female', 'male', 'other'] as const;
export const AREA_TYPES = ['standard', 'disadvantaged'] as const;

/** The values' labels, Vietnamese first. */
export const GENDER_LABELS = {
  female: { vi: 'Nữ', en: 'Female' },
  male: { vi: 'Nam', en: 'Male' },
  other: { vi: 'Khác', en: 'Other' },
} as const;

export const EDUCATION_LABELS = {
  literate: { vi: 'Biết đọc, biết viết', en: 'Literate' },
  primary: { vi: 'Tiểu học', en: 'Primary' },
  lower_secondary: { vi: 'Trung học cơ sở', en: 'Lower secondary' },
  upper_secondary: { vi: 'Trung học phổ thông', en: 'Upper secondary' },
  college: { vi: 'Cao đẳng', en: 'College' },
  university: { vi: 'Đại học', en: 'University' },
  postgraduate: { vi: 'Sau đại học', en: 'Postgraduate' },
} as const;

export const AREA_TYPE_LABELS = {
  standard: { vi: 'Địa bàn thông thường', en: 'Standard area' },
  disadvantaged: {
    vi: 'Miền núi, biên giới, hải đảo, vùng đồng bào dân tộc thiểu số, đặc biệt khó khăn, hoặc ngư dân trên biển',
    en: 'Mountain, border, island, ethnic-minority or extremely disadvantaged area, or a fisherman at sea',
  },
} as const;

/**
 * The person on the admission path, as recorded when the case is opened (api.md "Cases"). Eligibility (age,
 * education, consents) is judged by the rules, not here: this says only what a candidate record holds.
 */
export const CANDIDATE_SCHEMA = group(
  { vi: 'Người được đề nghị kết nạp', en: 'Candidate' },
  {
    fullName: text({ vi: 'Họ và tên', en: 'Full name' }, { example: 'Nguyễn Thị Lan' }),
    dateOfBirth: date({ vi: 'Ngày sinh', en: 'Date of birth' }, { example: '2001-04-12' }),
    gender: choice(GENDERS, { vi: 'Giới tính', en: 'Gender' }, GENDER_LABELS),
    ethnicity: text({ vi: 'Dân tộc', en: 'Ethnicity' }, { max: 100, example: 'Kinh' }),
    religion: z
      .string()
      .max(100, { error: 'must be at most 100 characters' })
      .nullable()
      .default(null)
      .meta({ 'x-labels': { vi: 'Tôn giáo (để trống nếu không có)', en: 'Religion (empty when none)' }, description: 'Religion; null when none' }),
    religionRecognised: flag(
      { vi: 'Tôn giáo được Nhà nước công nhận', en: 'Religion recognised by the State' },
      {
        help: {
          vi: 'Chỉ điền khi có tôn giáo; bỏ trống là được công nhận. Chỉ kết nạp người theo tôn giáo được Nhà nước công nhận (Hướng dẫn 06-HD/TW mục 6.1)',
          en: 'Only with a religion; empty means recognised. Only followers of State-recognised religions may be admitted (HD06 §6.1; RELIGION_NOT_RECOGNISED)',
        },
      },
    ).optional(),
    education: choice(EDUCATION_LEVELS, { vi: 'Trình độ học vấn', en: 'Education' }, EDUCATION_LABELS),
    youthUnionMember: flag({ vi: 'Là đoàn viên Đoàn TNCS Hồ Chí Minh', en: 'Youth Union member' }),
    tradeUnionMember: flag({ vi: 'Là đoàn viên công đoàn', en: 'Trade-union member' }),
    areaType: choice(AREA_TYPES, { vi: 'Địa bàn', en: 'Area' }, AREA_TYPE_LABELS),
    occupation: text({ vi: 'Nghề nghiệp', en: 'Occupation' }, { example: 'worker' }),
  },
);

export type Candidate = z.output<typeof CANDIDATE_SCHEMA>;
export type EducationLevel = (typeof EDUCATION_LEVELS)[number];
export type Gender = (typeof GENDERS)[number];
export type AreaType = (typeof AREA_TYPES)[number];
