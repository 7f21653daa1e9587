import { BusinessDate, completedMonths } from '@charterflow/procedure';

/**
 * The categories of published admission counts (procedure specification §8): Youth Union members, women, ethnic
 * minorities, religious followers, aged 18–30, education (upper-secondary; college or university), occupation.
 * Pure: a candidate as stored and the date that counts (the decision).
 */
export const CATEGORY_KEYS = ['youthUnion', 'women', 'ethnicMinority', 'religious', 'aged18to30', 'upperSecondary', 'collegeOrUniversity'] as const;
export type CategoryKey = (typeof CATEGORY_KEYS)[number];

/** Column names as the statistics forms word them (Vietnamese first), with the English. */
export const CATEGORY_LABELS: Readonly<Record<CategoryKey, { vi: string; en: string }>> = {
  youthUnion: { vi: 'Đoàn viên thanh niên', en: 'Youth Union members' },
  women: { vi: 'Nữ', en: 'Women' },
  ethnicMinority: { vi: 'Dân tộc thiểu số', en: 'Ethnic minorities' },
  religious: { vi: 'Người có đạo (tôn giáo)', en: 'Religious followers' },
  aged18to30: { vi: 'Tuổi từ 18 đến 30', en: 'Aged 18–30' },
  upperSecondary: { vi: 'Trình độ trung học phổ thông', en: 'Upper-secondary education' },
  collegeOrUniversity: { vi: 'Cao đẳng, đại học trở lên', en: 'College, university or higher' },
};

export interface StoredCandidate {
  dateOfBirth?: string;
  gender?: string;
  ethnicity?: string;
  religion?: string | null;
  education?: string;
  youthUnionMember?: boolean;
  occupation?: string;
}

/** The fields of a stored candidate the counts read (the statistics read only these of each case): all of them. */
export const STORED_CANDIDATE_FIELDS = ['dateOfBirth', 'gender', 'ethnicity', 'religion', 'education', 'youthUnionMember', 'occupation'] as const satisfies readonly (keyof StoredCandidate)[];
/** Fails to compile while a field of StoredCandidate is missing from STORED_CANDIDATE_FIELDS. */
const everyFieldListed: [Exclude<keyof StoredCandidate, (typeof STORED_CANDIDATE_FIELDS)[number]>] extends [never] ? true : never = true;
void everyFieldListed;

/** The majority ethnic group; every other recorded ethnicity counts as an ethnic minority. */
const MAJORITY = 'kinh';

/** Which categories a candidate falls in on `on` (age 18–30: 18 to 30 full years, i.e. before the 31st birthday). */
export function categoriesOf(c: StoredCandidate, on: BusinessDate): Record<CategoryKey, boolean> {
  const ageYears = c.dateOfBirth ? Math.floor(completedMonths(c.dateOfBirth, on) / 12) : -1;
  return {
    youthUnion: c.youthUnionMember === true,
    women: c.gender === 'female',
    ethnicMinority: !!c.ethnicity && c.ethnicity.trim().toLowerCase() !== MAJORITY,
    religious: !!c.religion && c.religion.trim() !== '',
    aged18to30: ageYears >= 18 && ageYears <= 30,
    upperSecondary: c.education === 'upper_secondary',
    collegeOrUniversity: c.education === 'college' || c.education === 'university' || c.education === 'postgraduate',
  };
}
