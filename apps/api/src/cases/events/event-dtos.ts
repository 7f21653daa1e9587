import { Type } from '@nestjs/common';
import { EventType } from '@charterflow/procedure';
import { AdmissionDecidedDto, CeremonyHeldDto, CellVoteRecordedDto, GrassrootsVoteRecordedDto } from './admission-events.dto';
import {
  ApplicationFiledDto,
  BiographyCertifiedDto,
  BiographyFiledDto,
  DossierOpenedDto,
  IntroducingResolutionRecordedDto,
  OpinionsRecordedDto,
  SponsorAddedDto,
  VerificationRepliedDto,
  VerificationRequestedDto,
} from './dossier-events.dto';
import { EventDtoBase } from './event-base.dto';
import { AwarenessCertificateRecordedDto, CaseOpenedDto, ConsentRecordedDto, DeadlineExtendedDto, WithdrawnDto } from './general-events.dto';
import {
  HelperAssessmentSubmittedDto,
  MemberRecordsFiledDto,
  NewMemberClassCompletedDto,
  ProbationEndedDto,
  RecognitionCellVoteRecordedDto,
  RecognitionDecidedDto,
  RecognitionGrassrootsVoteRecordedDto,
  RecognitionOpinionsRecordedDto,
  SelfReviewSubmittedDto,
} from './probation-events.dto';

/** The body schema of each event type of `POST /cases/{id}/events` (api.md "Events"). */
export const EVENT_DTOS: Readonly<Record<EventType, Type<EventDtoBase>>> = {
  CASE_OPENED: CaseOpenedDto,
  AWARENESS_CERTIFICATE_RECORDED: AwarenessCertificateRecordedDto,
  DOSSIER_OPENED: DossierOpenedDto,
  APPLICATION_FILED: ApplicationFiledDto,
  BIOGRAPHY_FILED: BiographyFiledDto,
  VERIFICATION_REQUESTED: VerificationRequestedDto,
  VERIFICATION_REPLIED: VerificationRepliedDto,
  BIOGRAPHY_CERTIFIED: BiographyCertifiedDto,
  SPONSOR_ADDED: SponsorAddedDto,
  INTRODUCING_RESOLUTION_RECORDED: IntroducingResolutionRecordedDto,
  OPINIONS_RECORDED: OpinionsRecordedDto,
  CONSENT_RECORDED: ConsentRecordedDto,
  CELL_VOTE_RECORDED: CellVoteRecordedDto,
  GRASSROOTS_VOTE_RECORDED: GrassrootsVoteRecordedDto,
  ADMISSION_DECIDED: AdmissionDecidedDto,
  DEADLINE_EXTENDED: DeadlineExtendedDto,
  CEREMONY_HELD: CeremonyHeldDto,
  MEMBER_RECORDS_FILED: MemberRecordsFiledDto,
  NEW_MEMBER_CLASS_COMPLETED: NewMemberClassCompletedDto,
  PROBATION_ENDED: ProbationEndedDto,
  SELF_REVIEW_SUBMITTED: SelfReviewSubmittedDto,
  HELPER_ASSESSMENT_SUBMITTED: HelperAssessmentSubmittedDto,
  RECOGNITION_OPINIONS_RECORDED: RecognitionOpinionsRecordedDto,
  RECOGNITION_CELL_VOTE_RECORDED: RecognitionCellVoteRecordedDto,
  RECOGNITION_GRASSROOTS_VOTE_RECORDED: RecognitionGrassrootsVoteRecordedDto,
  RECOGNITION_DECIDED: RecognitionDecidedDto,
  WITHDRAWN: WithdrawnDto,
};
