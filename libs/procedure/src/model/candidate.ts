export const EDUCATION_LEVELS = [
  'literate',
  'primary',
  'lower_secondary',
  'upper_secondary',
  'college',
  'university',
  'postgraduate',
] as const;
export type EducationLevel = (typeof EDUCATION_LEVELS)[number];

export const GENDERS = ['female', 'male', 'other'] as const;
export type Gender = (typeof GENDERS)[number];

export const AREA_TYPES = ['standard', 'disadvantaged'] as const;
export type AreaType = (typeof AREA_TYPES)[number];

/** The person on the admission path, as recorded when the case is opened (api.md "Cases"). */
export interface Candidate {
  fullName: string;
  dateOfBirth: string;
  gender: Gender;
  ethnicity: string;
  religion: string | null;
  education: EducationLevel;
  youthUnionMember: boolean;
  tradeUnionMember: boolean;
  areaType: AreaType;
  occupation: string;
}
