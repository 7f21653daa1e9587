// The candidate record is declared once, in schema/candidate.schema.ts (fields, types, labels); re-exported here
// for the procedure's readers.
export { AREA_TYPES, EDUCATION_LEVELS, GENDERS, type AreaType, type Candidate, type EducationLevel, type Gender } from '../schema/candidate.schema';
