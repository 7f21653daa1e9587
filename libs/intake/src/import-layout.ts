import type { EventType, Label } from '@charterflow/procedure';

/** A default that is the step's own date (e.g. a certificate issued the day it was recorded). */
export const STEP_DATE = Symbol('the date of the step');
/** A default that is the row's own cell (`organisationId`): a transferred case is imported into the cell it joined. */
export const ROW_CELL = Symbol('the cell of the row');

/**
 * Where one step of the procedure sits in an import row (docs/imports.md). The step is in the row when its date
 * column is filled; its fields are then read from their columns, by default `prefix` + the field's name with a
 * capital (`cell` + `inFavour` → `cellInFavour`; a group's fields are flattened: `sponsor1` + `name`). Only what
 * the event schema does not say lives here: column names, values fixed by the column set (a consent's kind), and
 * what an empty cell means. Types, ranges, required fields and labels come from the schema itself.
 */
export interface StepColumns {
  type: EventType;
  /** The column of the step's date. */
  on: string;
  prefix: string;
  /** Columns not named by the rule above, by field (a group's field by its own name). */
  columns?: Readonly<Record<string, string>>;
  /** Fields the column set fixes: they have no column. */
  fixed?: Readonly<Record<string, unknown>>;
  /** What an empty cell of a field means, instead of "required" or "left out". */
  defaults?: Readonly<Record<string, unknown>>;
  /** The step's name in its columns' labels, where the event's own label does not tell two steps apart (the sponsors). */
  label?: Label;
}

/**
 * The columns of the case itself that no event field declares, as staff read them. The others are named by the
 * schema's labels (the opening date by CASE_OPENED's, the candidate's and a step's fields by theirs).
 */
export const CASE_COLUMN_LABELS = {
  externalId: { vi: 'Mã hồ sơ của đơn vị', en: 'The office’s case identifier' },
  organisationId: { vi: 'Chi bộ của hồ sơ', en: 'The cell of the case' },
} as const satisfies Readonly<Record<string, Label>>;

/** The candidate's fields: one column each, named as the field. */
export const CANDIDATE_COLUMNS = {
  defaults: { youthUnionMember: false, tradeUnionMember: false, areaType: 'standard' },
} as const;

/** A re-admission's facts: `readmission` + the field's name (`readmissionLeftOn`); present when any is filled. */
export const READMISSION_COLUMNS = { prefix: 'readmission' } as const;

const consent = (prefix: string, kind: string): StepColumns => ({
  type: 'CONSENT_RECORDED',
  on: `${prefix}On`,
  prefix,
  columns: { documentNo: `${prefix}No` },
  fixed: { kind },
});

const SPONSOR_LABELS: readonly Label[] = [
  { vi: 'Đảng viên giới thiệu thứ nhất', en: 'First sponsor' },
  { vi: 'Đảng viên giới thiệu thứ hai', en: 'Second sponsor' },
];
const sponsor = (n: number): StepColumns => ({ type: 'SPONSOR_ADDED', on: `sponsor${n}On`, prefix: `sponsor${n}`, label: SPONSOR_LABELS[n - 1] });

/** Every step an import row may carry, in the order of its columns. */
export const IMPORT_LAYOUT: readonly StepColumns[] = [
  {
    type: 'AWARENESS_CERTIFICATE_RECORDED',
    on: 'awarenessCertificateOn',
    prefix: 'awarenessCertificate',
    columns: { certificateNo: 'awarenessCertificateNo' },
    defaults: { issuedOn: STEP_DATE, issuer: 'Trung tâm chính trị' },
  },
  { type: 'DOSSIER_OPENED', on: 'dossierOpenedOn', prefix: 'dossier' },
  { type: 'APPLICATION_FILED', on: 'applicationOn', prefix: 'application' },
  { type: 'BIOGRAPHY_FILED', on: 'biographyOn', prefix: 'biography' },
  { type: 'BIOGRAPHY_CERTIFIED', on: 'biographyCertifiedOn', prefix: 'biography', columns: { politicalIssue: 'politicalIssue' }, defaults: { politicalIssue: false } },
  {
    type: 'POLITICAL_ISSUE_CONCLUDED',
    on: 'politicalConclusionOn',
    prefix: 'politicalConclusion',
    columns: { conclusion: 'politicalConclusion', decisionNo: 'politicalConclusionNo' },
  },
  { type: 'INTRODUCING_RESOLUTION_RECORDED', on: 'introducingResolutionOn', prefix: 'introducing' },
  sponsor(1),
  sponsor(2),
  { type: 'OPINIONS_RECORDED', on: 'opinionsOn', prefix: 'opinions', columns: { residenceCell: 'residenceCellOpinion' }, defaults: { organisations: [], residenceCell: true } },
  consent('over60Consent', 'over_60'),
  consent('educationExceptionConsent', 'education_exception'),
  consent('lateCeremonyConsent', 'late_ceremony'),
  consent('readmissionConsent', 'readmission'),
  { type: 'CELL_VOTE_RECORDED', on: 'cellVoteOn', prefix: 'cell', defaults: { excluded: 0 } },
  { type: 'GRASSROOTS_VOTE_RECORDED', on: 'grassrootsVoteOn', prefix: 'grassroots' },
  {
    type: 'DEADLINE_EXTENDED',
    on: 'admissionExtendedOn',
    prefix: 'admissionExtension',
    fixed: { deadlineKind: 'ADMISSION_DECISION' },
  },
  {
    type: 'ADMISSION_DECIDED',
    on: 'admissionDecisionOn',
    prefix: 'admission',
    columns: { standingMembers: 'standingMembers', inFavour: 'standingInFavour', receivedOn: 'decisionReceivedOn' },
    defaults: { receivedOn: STEP_DATE },
  },
  { type: 'CEREMONY_HELD', on: 'ceremonyOn', prefix: 'helper', columns: { individually: 'ceremonyIndividually' } },
  // Transfers (ADR 0024): the row's cell is the destination; the transfer decision's number and date.
  {
    type: 'TRANSFERRED',
    on: 'transferredOn',
    prefix: 'transfer',
    columns: { toOrganisationId: 'transferredTo', previousAssessmentOn: 'transferAssessmentOn' },
    defaults: { toOrganisationId: ROW_CELL },
  },
  { type: 'TRANSFER_DOSSIER_RECEIVED', on: 'transferDossierReceivedOn', prefix: 'transferDossierReceived' },
  { type: 'MEMBER_RECORDS_FILED', on: 'memberRecordsOn', prefix: 'memberRecords' },
  { type: 'NEW_MEMBER_CLASS_COMPLETED', on: 'newMemberClassOn', prefix: 'newMember' },
  { type: 'HELPER_CHANGED', on: 'helperChangedOn', prefix: 'newHelper', columns: { previousAssessmentOn: 'helperChangeAssessmentOn' } },
  { type: 'SELF_REVIEW_SUBMITTED', on: 'selfReviewOn', prefix: 'selfReview' },
  { type: 'HELPER_ASSESSMENT_SUBMITTED', on: 'helperAssessmentOn', prefix: 'helperAssessment' },
  { type: 'RECOGNITION_OPINIONS_RECORDED', on: 'recognitionOpinionsOn', prefix: 'recognitionOpinions' },
  // One motion column serves the three recognition steps.
  { type: 'RECOGNITION_CELL_VOTE_RECORDED', on: 'recognitionCellVoteOn', prefix: 'recognitionCell', columns: { motion: 'recognitionMotion' }, defaults: { excluded: 0, motion: 'recognise' } },
  { type: 'RECOGNITION_GRASSROOTS_VOTE_RECORDED', on: 'recognitionGrassrootsVoteOn', prefix: 'recognitionGrassroots', columns: { motion: 'recognitionMotion' }, defaults: { motion: 'recognise' } },
  {
    type: 'RECOGNITION_DECIDED',
    on: 'recognitionDecisionOn',
    prefix: 'recognition',
    columns: { inFavour: 'recognitionStandingInFavour' },
    defaults: { motion: 'recognise' },
  },
  // After recognition (A24): the announcement at the cell meeting and the card handover.
  { type: 'RECOGNITION_ANNOUNCED', on: 'recognitionAnnouncedOn', prefix: 'recognitionAnnouncement' },
  { type: 'MEMBER_CARD_HANDED_OVER', on: 'memberCardHandedOverOn', prefix: 'memberCard', columns: { cardNo: 'memberCardNo', cardDecidedOn: 'memberCardDecidedOn' } },
  // Annulments (S14e; ADR 0024).
  { type: 'ADMISSION_ANNULLED', on: 'admissionAnnulledOn', prefix: 'admissionAnnulment' },
  { type: 'RECOGNITION_ANNULLED', on: 'recognitionAnnulledOn', prefix: 'recognitionAnnulment' },
  { type: 'WITHDRAWN', on: 'withdrawnOn', prefix: 'withdrawn' },
];
