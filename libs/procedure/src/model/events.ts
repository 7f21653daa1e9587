import { CONSENT_KINDS, EventOf, EventType, INTRODUCING_BODIES, POLITICAL_CONCLUSIONS, RECOGNITION_MOTIONS, VERIFICATION_SCOPES } from '../schema/events.schema';

/**
 * The events of a case's history, as the rules read them. They are declared once, in schema/events.schema.ts
 * (fields, types, ranges, labels); the names below are only aliases of the derived types.
 */
export { EVENT_TYPES, type DomainEvent, type EventOf, type EventType } from '../schema/events.schema';

/** Events only the engine itself records (a timed event); staff posting one get 403. */
export const ENGINE_ONLY_EVENTS: readonly EventType[] = ['CASE_OPENED', 'PROBATION_ENDED'];

export type ConsentKind = (typeof CONSENT_KINDS)[number];
export type VerificationScope = (typeof VERIFICATION_SCOPES)[number];
export type IntroducingBody = (typeof INTRODUCING_BODIES)[number];
export type RecognitionMotion = (typeof RECOGNITION_MOTIONS)[number];
export type PoliticalConclusion = (typeof POLITICAL_CONCLUSIONS)[number];

export type CaseOpened = EventOf<'CASE_OPENED'>;
export type AwarenessCertificateRecorded = EventOf<'AWARENESS_CERTIFICATE_RECORDED'>;
export type DossierOpened = EventOf<'DOSSIER_OPENED'>;
export type ApplicationFiled = EventOf<'APPLICATION_FILED'>;
export type BiographyFiled = EventOf<'BIOGRAPHY_FILED'>;
export type VerificationRequested = EventOf<'VERIFICATION_REQUESTED'>;
export type VerificationReplied = EventOf<'VERIFICATION_REPLIED'>;
export type BiographyCertified = EventOf<'BIOGRAPHY_CERTIFIED'>;
export type PoliticalIssueConcluded = EventOf<'POLITICAL_ISSUE_CONCLUDED'>;
export type SponsorAdded = EventOf<'SPONSOR_ADDED'>;
/** A sponsor as recorded (QĐ294 §3.2): `fullMemberSince` absent or null means not a full member. */
export type Sponsor = SponsorAdded['sponsor'];
export type IntroducingResolutionRecorded = EventOf<'INTRODUCING_RESOLUTION_RECORDED'>;
export type OpinionsRecorded = EventOf<'OPINIONS_RECORDED'>;
export type ConsentRecorded = EventOf<'CONSENT_RECORDED'>;
export type CellVoteRecorded = EventOf<'CELL_VOTE_RECORDED'>;
export type GrassrootsVoteRecorded = EventOf<'GRASSROOTS_VOTE_RECORDED'>;
export type AdmissionDecided = EventOf<'ADMISSION_DECIDED'>;
export type DeadlineExtended = EventOf<'DEADLINE_EXTENDED'>;
export type CeremonyHeld = EventOf<'CEREMONY_HELD'>;
export type MemberRecordsFiled = EventOf<'MEMBER_RECORDS_FILED'>;
export type NewMemberClassCompleted = EventOf<'NEW_MEMBER_CLASS_COMPLETED'>;
export type ProbationEnded = EventOf<'PROBATION_ENDED'>;
export type SelfReviewSubmitted = EventOf<'SELF_REVIEW_SUBMITTED'>;
export type HelperAssessmentSubmitted = EventOf<'HELPER_ASSESSMENT_SUBMITTED'>;
export type RecognitionOpinionsRecorded = EventOf<'RECOGNITION_OPINIONS_RECORDED'>;
export type RecognitionCellVoteRecorded = EventOf<'RECOGNITION_CELL_VOTE_RECORDED'>;
export type RecognitionGrassrootsVoteRecorded = EventOf<'RECOGNITION_GRASSROOTS_VOTE_RECORDED'>;
export type RecognitionDecided = EventOf<'RECOGNITION_DECIDED'>;
export type Withdrawn = EventOf<'WITHDRAWN'>;
export type Transferred = EventOf<'TRANSFERRED'>;
export type AnnulmentReason = EventOf<'ADMISSION_ANNULLED'>['reason'];
