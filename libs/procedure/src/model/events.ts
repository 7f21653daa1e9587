import { BusinessDate } from './dates';
import { Candidate } from './candidate';

/** Every event a case's history can hold. `CASE_OPENED` is the first row of every history (POST /cases). */
export const EVENT_TYPES = [
  'CASE_OPENED',
  'AWARENESS_CERTIFICATE_RECORDED',
  'DOSSIER_OPENED',
  'APPLICATION_FILED',
  'BIOGRAPHY_FILED',
  'VERIFICATION_REQUESTED',
  'VERIFICATION_REPLIED',
  'BIOGRAPHY_CERTIFIED',
  'SPONSOR_ADDED',
  'INTRODUCING_RESOLUTION_RECORDED',
  'OPINIONS_RECORDED',
  'CONSENT_RECORDED',
  'CELL_VOTE_RECORDED',
  'GRASSROOTS_VOTE_RECORDED',
  'ADMISSION_DECIDED',
  'DEADLINE_EXTENDED',
  'CEREMONY_HELD',
  'MEMBER_RECORDS_FILED',
  'NEW_MEMBER_CLASS_COMPLETED',
  'PROBATION_ENDED',
  'SELF_REVIEW_SUBMITTED',
  'HELPER_ASSESSMENT_SUBMITTED',
  'RECOGNITION_OPINIONS_RECORDED',
  'RECOGNITION_CELL_VOTE_RECORDED',
  'RECOGNITION_GRASSROOTS_VOTE_RECORDED',
  'RECOGNITION_DECIDED',
  'WITHDRAWN',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** Events only the engine itself records (a timed event); staff posting one get 403. */
export const ENGINE_ONLY_EVENTS: readonly EventType[] = ['CASE_OPENED', 'PROBATION_ENDED'];

export type ConsentKind = 'over_60' | 'education_exception' | 'late_ceremony' | 'political' | 'readmission';
export type VerificationScope = 'domestic' | 'abroad';
export type IntroducingBody = 'youth_union' | 'trade_union';
export type RecognitionMotion = 'recognise' | 'remove';

export interface Sponsor {
  name: string;
  memberId?: string | null;
  /** Date the sponsor became a full member; absent/null = not a full member. */
  fullMemberSince?: BusinessDate | null;
  /** Since when sponsor and candidate have worked, studied or lived together in the same unit. */
  togetherSince: BusinessDate;
  /** A replacement sponsor (QĐ294 §3.2.2) is exempt from the 12-month condition. */
  replacement?: boolean;
}

interface Base<T extends EventType> {
  type: T;
  /** The business date the step happened (meeting, decision, filing…). */
  occurredOn: BusinessDate;
}

export type CaseOpened = Base<'CASE_OPENED'> & { candidate: Candidate };
export type AwarenessCertificateRecorded = Base<'AWARENESS_CERTIFICATE_RECORDED'> & {
  certificateNo: string;
  issuedOn: BusinessDate;
  issuer: string;
};
export type DossierOpened = Base<'DOSSIER_OPENED'> & { resolutionNo: string };
export type ApplicationFiled = Base<'APPLICATION_FILED'>;
export type BiographyFiled = Base<'BIOGRAPHY_FILED'>;
export type VerificationRequested = Base<'VERIFICATION_REQUESTED'> & {
  requestId: string;
  scope: VerificationScope;
  subject: string;
};
export type VerificationReplied = Base<'VERIFICATION_REPLIED'> & { requestId: string };
export type BiographyCertified = Base<'BIOGRAPHY_CERTIFIED'> & { politicalIssue: boolean };
export type SponsorAdded = Base<'SPONSOR_ADDED'> & { sponsor: Sponsor };
export type IntroducingResolutionRecorded = Base<'INTRODUCING_RESOLUTION_RECORDED'> & {
  body: IntroducingBody;
  resolutionNo: string;
};
export type OpinionsRecorded = Base<'OPINIONS_RECORDED'> & { organisations: string[]; residenceCell: boolean };
export type ConsentRecorded = Base<'CONSENT_RECORDED'> & { kind: ConsentKind; issuer: string; documentNo: string };
export type CellVoteRecorded = Base<'CELL_VOTE_RECORDED'> & { fullMembers: number; excluded: number; inFavour: number };
export type GrassrootsVoteRecorded = Base<'GRASSROOTS_VOTE_RECORDED'> & { committeeMembers: number; inFavour: number };
export type AdmissionDecided = Base<'ADMISSION_DECIDED'> & {
  decisionNo: string;
  standingMembers: number;
  inFavour: number;
  /** The day the cell received the decision: the ceremony's 30 working days count from it. */
  receivedOn: BusinessDate;
};
export type DeadlineExtended = Base<'DEADLINE_EXTENDED'> & { deadlineKind: string; reason: string };
export type CeremonyHeld = Base<'CEREMONY_HELD'> & { helper: { name: string; memberId?: string | null } };
export type MemberRecordsFiled = Base<'MEMBER_RECORDS_FILED'>;
export type NewMemberClassCompleted = Base<'NEW_MEMBER_CLASS_COMPLETED'> & { certificateNo: string };
export type ProbationEnded = Base<'PROBATION_ENDED'>;
export type SelfReviewSubmitted = Base<'SELF_REVIEW_SUBMITTED'>;
export type HelperAssessmentSubmitted = Base<'HELPER_ASSESSMENT_SUBMITTED'>;
export type RecognitionOpinionsRecorded = Base<'RECOGNITION_OPINIONS_RECORDED'>;
export type RecognitionCellVoteRecorded = Base<'RECOGNITION_CELL_VOTE_RECORDED'> & {
  fullMembers: number;
  excluded: number;
  inFavour: number;
  motion: RecognitionMotion;
};
export type RecognitionGrassrootsVoteRecorded = Base<'RECOGNITION_GRASSROOTS_VOTE_RECORDED'> & {
  committeeMembers: number;
  inFavour: number;
  motion: RecognitionMotion;
};
export type RecognitionDecided = Base<'RECOGNITION_DECIDED'> & {
  decisionNo: string;
  standingMembers: number;
  inFavour: number;
  motion: RecognitionMotion;
};
export type Withdrawn = Base<'WITHDRAWN'> & { reason: string };

export type DomainEvent =
  | CaseOpened
  | AwarenessCertificateRecorded
  | DossierOpened
  | ApplicationFiled
  | BiographyFiled
  | VerificationRequested
  | VerificationReplied
  | BiographyCertified
  | SponsorAdded
  | IntroducingResolutionRecorded
  | OpinionsRecorded
  | ConsentRecorded
  | CellVoteRecorded
  | GrassrootsVoteRecorded
  | AdmissionDecided
  | DeadlineExtended
  | CeremonyHeld
  | MemberRecordsFiled
  | NewMemberClassCompleted
  | ProbationEnded
  | SelfReviewSubmitted
  | HelperAssessmentSubmitted
  | RecognitionOpinionsRecorded
  | RecognitionCellVoteRecorded
  | RecognitionGrassrootsVoteRecorded
  | RecognitionDecided
  | Withdrawn;

export type EventOf<T extends EventType> = Extract<DomainEvent, { type: T }>;
