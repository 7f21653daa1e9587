import { BusinessDate } from '../model/dates';
import { Candidate } from '../model/candidate';
import { Readmission } from '../schema/readmission.schema';
import { OrganisationFacts } from '../model/engine';
import {
  AnnulmentReason,
  ConsentKind,
  DomainEvent,
  IntroducingBody,
  PoliticalConclusion,
  RecognitionMotion,
  Sponsor,
  VerificationScope,
} from '../model/events';
import { addMonths, isCalendarDate, maxDate } from '../calendar/business-date';
import { WorkingDayCalendar } from '../model/calendar';
import { ruleSetFor } from '../versions/rule-sets';
import { DEFAULT_RULE_PROFILE } from '../versions/profiles';
import { atLeastTwoThirds, moreThanHalf, votersOf } from '../rules/votes';

/** A deadline as guards see it: plain data, no calendar needed. */
export interface OpenDeadlineView {
  key: string;
  kind: string;
  dueOn: BusinessDate;
  extendedBy: number;
}

/** Plain data passed with every machine event so that guards never need a clock or a calendar object. */
export interface GuardEnv {
  today: BusinessDate;
  organisation: OrganisationFacts;
  openDeadlines: OpenDeadlineView[];
  /** A historical import: only the date rules may refuse (see DecisionEnv.waiveRules). */
  waiveRules?: boolean;
  /**
   * For TRANSFERRED only: the last day an admission decision may carry and still be forwarded (the transfer decision
   * + 30 working days, D18), computed by `decide` with the calendar so that the guard needs none.
   */
  transferDecisionLimitOn?: BusinessDate;
  /** For TRANSFERRED only: the stage the transfer meets (`transferStageOf` the state before it). */
  transferStage?: TransferStage;
}

export type MachineEvent = DomainEvent & { env: GuardEnv };

export type VoteBody = 'cell' | 'grassroots' | 'superior';
export type VoteStage = 'admission' | 'recognition' | 'removal';

export interface VoteRecord {
  body: VoteBody;
  stage: VoteStage;
  motion: RecognitionMotion | 'admit';
  occurredOn: BusinessDate;
  /** Members with a vote: fullMembers − excluded, committee members or standing members. */
  voters: number;
  inFavour: number;
  passed: boolean;
  /** Set when the vote was the deciding one (competent committee, or an authorised grassroots committee). */
  deciding: boolean;
  decisionNo?: string;
}

export interface SponsorRecord extends Sponsor {
  addedOn: BusinessDate;
}

export interface VerificationRecord {
  requestId: string;
  scope: VerificationScope;
  subject: string;
  requestedOn: BusinessDate;
  /** The day the verifying committee received the request: the reply limit (D4) counts from it. */
  receivedOn?: BusinessDate;
  repliedOn: BusinessDate | null;
}

/** Everything recorded about a case: the machine context. Plain JSON. */
export interface CaseFacts {
  procedureVersion: string;
  /**
   * The rule profile the case is judged under (its province's on the opening day, kept for the case's life; ADR
   * 0023). Absent from snapshots stored before profiles existed: read as `central` (`ruleSetFor`'s default).
   */
  ruleProfile?: string;
  candidate: Candidate;
  /**
   * A re-admission (QĐ294 §3.5): the facts `POST /cases` carried, or null for a first admission. Absent from snapshots
   * stored before it existed: read it as null (`?? null`).
   */
  readmission?: Readmission | null;
  openedOn: BusinessDate;
  /** Latest business date recorded (a new step may not be dated before it). */
  lastStepOn: BusinessDate;
  certificate: { certificateNo: string; issuedOn: BusinessDate; issuer: string; recordedOn: BusinessDate } | null;
  dossierOpenedOn: BusinessDate | null;
  dossierResolutionNo: string | null;
  applicationFiledOn: BusinessDate | null;
  biographyFiledOn: BusinessDate | null;
  verifications: Record<string, VerificationRecord>;
  biographyCertifiedOn: BusinessDate | null;
  politicalIssue: boolean | null;
  /**
   * The competent committee's conclusion on a political issue (POLITICAL_ISSUE_CONCLUDED). Absent from snapshots
   * stored before it existed: read it as null (`?? null`).
   */
  politicalConclusion?: { conclusion: PoliticalConclusion; decisionNo: string; concludedOn: BusinessDate } | null;
  sponsors: SponsorRecord[];
  introducingResolution: { body: IntroducingBody; resolutionNo: string; recordedOn: BusinessDate } | null;
  opinions: { organisations: string[]; residenceCell: boolean; recordedOn: BusinessDate } | null;
  consents: Partial<Record<ConsentKind, { issuer: string; documentNo: string; recordedOn: BusinessDate }>>;
  votes: VoteRecord[];
  /** Date of the cell's admission meeting (the date eligibility is judged at). */
  cellVoteOn: BusinessDate | null;
  decision: { decisionNo: string | null; decidedOn: BusinessDate; receivedOn: BusinessDate } | null;
  ceremony: { heldOn: BusinessDate; helper: { name: string; memberId?: string | null } } | null;
  probationStartOn: BusinessDate | null;
  probationEndOn: BusinessDate | null;
  probationEnded: boolean;
  memberRecordsFiledOn: BusinessDate | null;
  newMemberClass: { certificateNo: string; completedOn: BusinessDate } | null;
  selfReviewOn: BusinessDate | null;
  helperAssessmentOn: BusinessDate | null;
  recognitionOpinionsOn: BusinessDate | null;
  /** Motion adopted by a lower body and awaiting the next body (recognition or removal). */
  pendingMotion: RecognitionMotion | null;
  /** Failed recognition votes per lower body after probation (QĐ294 §4.2.3). */
  recognitionFailures: { cell: number; grassroots: number };
  fullMemberSince: BusinessDate | null;
  removedOn: BusinessDate | null;
  notAdmittedOn: BusinessDate | null;
  withdrawal: { reason: string; on: BusinessDate } | null;
  /**
   * After recognition: the cell meeting that announced the decision and the handing-over of the card (HD06 §4.5b;
   * QĐ294 §6.1.1). Absent from snapshots stored before they existed: read as null.
   */
  recognitionAnnouncedOn?: BusinessDate | null;
  memberCard?: { handedOverOn: BusinessDate; cardNo: string | null; cardDecidedOn: BusinessDate | null } | null;
  /**
   * Transfers to another cell (HD06 §3.9; ADR 0024), oldest first. Absent from snapshots stored before transfers
   * existed: read as [] (`transfersOf`).
   */
  transfers?: TransferRecord[];
  /** Helpers named after the ceremony's (HELPER_CHANGED), oldest first. Absent from older snapshots: []. */
  helperChanges?: HelperChangeRecord[];
  /** The annulled admission or recognition decision (S14e; ADR 0024). Absent from older snapshots: null. */
  annulment?: AnnulmentRecord | null;
}

/** Where a case stood when it was transferred (HD06 §3.9a–c; ADR 0024). */
export type TransferStage = 'beforeDossierUp' | 'atCompetentCommittee' | 'decided' | 'probation';

export interface TransferRecord {
  /** The date of the transfer decision. */
  on: BusinessDate;
  toOrganisationId: string;
  decisionNo: string;
  stage: TransferStage;
  /** The day the destination's competent committee received the dossier (TRANSFER_DOSSIER_RECEIVED), when awaited. */
  dossierReceivedOn: BusinessDate | null;
  /** The admission decision this transfer annulled (D18: issued more than 30 working days after the transfer decision). */
  annulledDecision: { decisionNo: string | null; decidedOn: BusinessDate } | null;
  /** The origin cell's assessment of the probationer (counts for recognition). */
  previousAssessmentOn: BusinessDate | null;
}

export interface HelperChangeRecord {
  on: BusinessDate;
  helper: { name: string; memberId?: string | null };
  /** The earlier helper's assessment (counts for recognition). */
  previousAssessmentOn: BusinessDate | null;
}

export interface AnnulmentRecord {
  decision: 'admission' | 'recognition';
  decisionNo: string;
  reason: AnnulmentReason;
  on: BusinessDate;
}

export const transfersOf = (facts: CaseFacts): TransferRecord[] => facts.transfers ?? [];
export const helperChangesOf = (facts: CaseFacts): HelperChangeRecord[] => facts.helperChanges ?? [];

/** The stage a transfer meets (HD06 §3.9a–c): read from the state the case is in. */
export function transferStageOf(state: string): TransferStage {
  if (state === 'superiorReview') return 'atCompetentCommittee';
  if (state === 'awaitingCeremony') return 'decided';
  if (state === 'probation' || state === 'recognitionReview') return 'probation';
  return 'beforeDossierUp';
}

/**
 * A TRANSFERRED event's environment: the stage it meets (`state`, the state before it) and the D18 limit (the transfer
 * decision + 30 working days), computed with the calendar here so that the guard and the reducer need none. Other
 * events: `genv` unchanged. The engine and the replay of a recorded history (`replaySteps`) both use it.
 */
export function withTransferEnv(genv: GuardEnv, event: DomainEvent, state: string, calendar: Pick<WorkingDayCalendar, 'addWorkingDays'>): GuardEnv {
  if (event.type !== 'TRANSFERRED' || !isCalendarDate(event.occurredOn)) return genv;
  const days = ruleSetFor(event.occurredOn).transfer.decisionWorkingDays;
  return { ...genv, transferStage: transferStageOf(state), transferDecisionLimitOn: calendar.addWorkingDays(event.occurredOn, days) };
}

/** The transfer whose forwarded dossier the destination has not yet received, or null. */
export function transferAwaitingDossier(facts: CaseFacts): TransferRecord | null {
  const last = transfersOf(facts).at(-1);
  return last && (last.stage === 'atCompetentCommittee' || last.annulledDecision !== null) && last.dossierReceivedOn === null && facts.decision === null ? last : null;
}

export function initialFacts(input: { candidate: Candidate; openedOn: BusinessDate; procedureVersion: string; readmission?: Readmission | null; ruleProfile?: string }): CaseFacts {
  return {
    procedureVersion: input.procedureVersion,
    ruleProfile: input.ruleProfile ?? DEFAULT_RULE_PROFILE,
    candidate: input.candidate,
    readmission: input.readmission ?? null,
    openedOn: input.openedOn,
    lastStepOn: input.openedOn,
    certificate: null,
    dossierOpenedOn: null,
    dossierResolutionNo: null,
    applicationFiledOn: null,
    biographyFiledOn: null,
    verifications: {},
    biographyCertifiedOn: null,
    politicalIssue: null,
    politicalConclusion: null,
    sponsors: [],
    introducingResolution: null,
    opinions: null,
    consents: {},
    votes: [],
    cellVoteOn: null,
    decision: null,
    ceremony: null,
    probationStartOn: null,
    probationEndOn: null,
    probationEnded: false,
    memberRecordsFiledOn: null,
    newMemberClass: null,
    selfReviewOn: null,
    helperAssessmentOn: null,
    recognitionOpinionsOn: null,
    pendingMotion: null,
    recognitionFailures: { cell: 0, grassroots: 0 },
    fullMemberSince: null,
    removedOn: null,
    notAdmittedOn: null,
    withdrawal: null,
    recognitionAnnouncedOn: null,
    memberCard: null,
    transfers: [],
    helperChanges: [],
    annulment: null,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Outcomes: the same functions serve the machine's guards and the fact reducer below.

export function voteOf(event: DomainEvent): { voters: number; inFavour: number } | null {
  switch (event.type) {
    case 'CELL_VOTE_RECORDED':
    case 'RECOGNITION_CELL_VOTE_RECORDED':
      return { voters: votersOf(event), inFavour: event.inFavour };
    case 'GRASSROOTS_VOTE_RECORDED':
    case 'RECOGNITION_GRASSROOTS_VOTE_RECORDED':
      return { voters: event.committeeMembers, inFavour: event.inFavour };
    case 'ADMISSION_DECIDED':
    case 'RECOGNITION_DECIDED':
      return { voters: event.standingMembers, inFavour: event.inFavour };
    default:
      return null;
  }
}

/** Lower bodies (cell, grassroots committee) need at least 2/3; a competent standing committee more than half. */
export function votePassed(event: DomainEvent): boolean {
  const vote = voteOf(event);
  if (!vote) return false;
  if (event.type === 'ADMISSION_DECIDED' || event.type === 'RECOGNITION_DECIDED') return moreThanHalf(vote.inFavour, vote.voters);
  return atLeastTwoThirds(vote.inFavour, vote.voters);
}

/** A cell sitting directly under the commune committee: no grassroots committee vote. */
export const isVillageCell = (env: GuardEnv): boolean => env.organisation.directlyUnderSuperior;
/** An authorised grassroots committee decides itself (not relevant for village cells). */
export const grassrootsDecides = (env: GuardEnv): boolean =>
  env.organisation.authorisedToAdmit && !env.organisation.directlyUnderSuperior;

/**
 * D18 (HD06 §3.9c; ADR 0024): a transfer met an admission decision issued more than 30 working days after the transfer
 * decision; the decision is annulled and the dossier forwarded to the destination's competent committee.
 */
export function transferAnnulsDecision(facts: CaseFacts, env: GuardEnv): boolean {
  return facts.decision !== null && env.transferDecisionLimitOn !== undefined && facts.decision.decidedOn > env.transferDecisionLimitOn;
}

/** A failed recognition vote that is the body's last allowed attempt: the case goes to the superior. */
export function escalatesOnFailure(facts: CaseFacts, event: DomainEvent): boolean {
  if (!facts.probationEnded || votePassed(event)) return false;
  const limit = ruleSetFor(event.occurredOn, facts.ruleProfile).failedVotesBeforeEscalation;
  if (event.type === 'RECOGNITION_CELL_VOTE_RECORDED') return facts.recognitionFailures.cell + 1 >= limit;
  if (event.type === 'RECOGNITION_GRASSROOTS_VOTE_RECORDED') return facts.recognitionFailures.grassroots + 1 >= limit;
  return false;
}

function sponsorIdentity(s: Sponsor): string {
  return s.memberId ? `id:${s.memberId}` : `name:${s.name.trim().toLowerCase()}`;
}

/**
 * A political issue found at certification and not yet concluded by the competent committee. Facts stored before
 * POLITICAL_ISSUE_CONCLUDED existed lack `politicalConclusion` (undefined): their issue followed the earlier path
 * (a political consent before the decision) and is not reported open here (ADR 0013).
 */
export function politicalIssueOpen(facts: CaseFacts): boolean {
  return facts.politicalIssue === true && facts.politicalConclusion === null;
}

/** The pure fact reducer: what an accepted event records. `env` tells how the organisation decides. */
export function applyFacts(facts: CaseFacts, event: MachineEvent): CaseFacts {
  return { ...facts, ...factChanges(facts, event) };
}

/**
 * The facts an accepted event changes, and only those (`applyFacts` is the facts with them): the machine's `record`
 * action hands them to xstate's `assign`, which makes the new context from the old one and these, so a step copies
 * its facts once. Every member is written from `facts` and the event; none is read back from the changes.
 */
export function factChanges(facts: CaseFacts, event: MachineEvent): Partial<CaseFacts> {
  const env = event.env;
  const on = event.occurredOn;
  const f: Partial<CaseFacts> = { lastStepOn: maxDate(facts.lastStepOn, on) };
  const passed = votePassed(event);
  switch (event.type) {
    case 'AWARENESS_CERTIFICATE_RECORDED':
      f.certificate = { certificateNo: event.certificateNo, issuedOn: event.issuedOn, issuer: event.issuer, recordedOn: on };
      break;
    case 'DOSSIER_OPENED':
      f.dossierOpenedOn = on;
      f.dossierResolutionNo = event.resolutionNo;
      break;
    case 'APPLICATION_FILED':
      f.applicationFiledOn = on;
      break;
    case 'BIOGRAPHY_FILED':
      f.biographyFiledOn = on;
      break;
    case 'VERIFICATION_REQUESTED':
      f.verifications = {
        ...facts.verifications,
        [event.requestId]: {
          requestId: event.requestId,
          scope: event.scope,
          subject: event.subject,
          requestedOn: on,
          receivedOn: event.receivedOn ?? on,
          repliedOn: null,
        },
      };
      break;
    case 'VERIFICATION_REPLIED': {
      const v = facts.verifications[event.requestId];
      if (v) f.verifications = { ...facts.verifications, [event.requestId]: { ...v, repliedOn: on } };
      break;
    }
    case 'BIOGRAPHY_CERTIFIED':
      f.biographyCertifiedOn = on;
      f.politicalIssue = event.politicalIssue;
      break;
    case 'POLITICAL_ISSUE_CONCLUDED':
      f.politicalConclusion = { conclusion: event.conclusion, decisionNo: event.decisionNo, concludedOn: on };
      if (event.conclusion === 'not_cleared') f.notAdmittedOn = on;
      break;
    case 'SPONSOR_ADDED': {
      // A renewed letter of the same sponsor replaces the earlier one.
      const id = sponsorIdentity(event.sponsor);
      f.sponsors = [...facts.sponsors.filter((s) => sponsorIdentity(s) !== id), { ...event.sponsor, addedOn: on }];
      break;
    }
    case 'INTRODUCING_RESOLUTION_RECORDED':
      f.introducingResolution = { body: event.body, resolutionNo: event.resolutionNo, recordedOn: on };
      break;
    case 'OPINIONS_RECORDED':
      f.opinions = { organisations: [...event.organisations], residenceCell: event.residenceCell, recordedOn: on };
      break;
    case 'CONSENT_RECORDED':
      f.consents = { ...facts.consents, [event.kind]: { issuer: event.issuer, documentNo: event.documentNo, recordedOn: on } };
      break;
    case 'CELL_VOTE_RECORDED':
      f.cellVoteOn = on;
      f.votes = [...facts.votes, vote('cell', 'admission', 'admit', event, passed, false)];
      if (!passed) f.notAdmittedOn = on;
      break;
    case 'GRASSROOTS_VOTE_RECORDED': {
      const deciding = grassrootsDecides(env);
      f.votes = [...facts.votes, vote('grassroots', 'admission', 'admit', event, passed, deciding)];
      if (!passed) f.notAdmittedOn = on;
      else if (deciding) f.decision = { decisionNo: null, decidedOn: on, receivedOn: on };
      break;
    }
    case 'ADMISSION_DECIDED':
      f.votes = [...facts.votes, { ...vote('superior', 'admission', 'admit', event, passed, true), decisionNo: event.decisionNo }];
      if (passed) f.decision = { decisionNo: event.decisionNo, decidedOn: on, receivedOn: event.receivedOn };
      else f.notAdmittedOn = on;
      break;
    case 'CEREMONY_HELD':
      f.ceremony = { heldOn: on, helper: { ...event.helper } };
      f.probationStartOn = on;
      f.probationEndOn = addMonths(on, ruleSetFor(on, facts.ruleProfile).probationMonths);
      break;
    case 'MEMBER_RECORDS_FILED':
      f.memberRecordsFiledOn = on;
      break;
    case 'NEW_MEMBER_CLASS_COMPLETED':
      f.newMemberClass = { certificateNo: event.certificateNo, completedOn: on };
      break;
    case 'PROBATION_ENDED':
      f.probationEnded = true;
      break;
    case 'SELF_REVIEW_SUBMITTED':
      f.selfReviewOn = on;
      break;
    case 'HELPER_ASSESSMENT_SUBMITTED':
      f.helperAssessmentOn = on;
      break;
    case 'RECOGNITION_OPINIONS_RECORDED':
      f.recognitionOpinionsOn = on;
      break;
    case 'RECOGNITION_CELL_VOTE_RECORDED':
    case 'RECOGNITION_GRASSROOTS_VOTE_RECORDED':
    case 'RECOGNITION_DECIDED': {
      const body: VoteBody =
        event.type === 'RECOGNITION_CELL_VOTE_RECORDED' ? 'cell' : event.type === 'RECOGNITION_GRASSROOTS_VOTE_RECORDED' ? 'grassroots' : 'superior';
      const deciding = body === 'superior' || (body === 'grassroots' && grassrootsDecides(env));
      const stage: VoteStage = facts.probationEnded ? 'recognition' : 'removal';
      const record = vote(body, stage, event.motion, event, passed, deciding);
      f.votes = [...facts.votes, event.type === 'RECOGNITION_DECIDED' ? { ...record, decisionNo: event.decisionNo } : record];
      if (passed && deciding) {
        f.pendingMotion = null;
        if (event.motion === 'recognise') f.fullMemberSince = facts.probationEndOn;
        else f.removedOn = on;
      } else if (passed) {
        f.pendingMotion = event.motion;
      } else if (facts.probationEnded) {
        // The same body may vote again; the third failure sends the case to the superior.
        if (body === 'cell') f.recognitionFailures = { ...facts.recognitionFailures, cell: facts.recognitionFailures.cell + 1 };
        if (body === 'grassroots') f.recognitionFailures = { ...facts.recognitionFailures, grassroots: facts.recognitionFailures.grassroots + 1 };
        if (escalatesOnFailure(facts, event)) f.pendingMotion = null;
      } else {
        // A removal motion during probation that fails ends that motion; probation continues.
        f.pendingMotion = null;
      }
      break;
    }
    case 'WITHDRAWN':
      f.withdrawal = { reason: event.reason, on };
      break;
    case 'TRANSFERRED': {
      const stage = env.transferStage ?? 'beforeDossierUp';
      const annuls = stage === 'decided' && transferAnnulsDecision(facts, env);
      f.transfers = [
        ...transfersOf(facts),
        {
          on,
          toOrganisationId: event.toOrganisationId,
          decisionNo: event.decisionNo,
          stage,
          dossierReceivedOn: null,
          annulledDecision: annuls && facts.decision ? { decisionNo: facts.decision.decisionNo, decidedOn: facts.decision.decidedOn } : null,
          previousAssessmentOn: event.previousAssessmentOn ?? null,
        },
      ];
      if (annuls) f.decision = null;
      break;
    }
    case 'TRANSFER_DOSSIER_RECEIVED': {
      const all = transfersOf(facts);
      f.transfers = all.map((t, i) => (i === all.length - 1 ? { ...t, dossierReceivedOn: on } : t));
      break;
    }
    case 'HELPER_CHANGED':
      f.helperChanges = [...helperChangesOf(facts), { on, helper: { ...event.helper }, previousAssessmentOn: event.previousAssessmentOn ?? null }];
      break;
    case 'ADMISSION_ANNULLED':
    case 'RECOGNITION_ANNULLED':
      f.annulment = { decision: event.type === 'ADMISSION_ANNULLED' ? 'admission' : 'recognition', decisionNo: event.decisionNo, reason: event.reason, on };
      break;
    case 'RECOGNITION_ANNOUNCED':
      f.recognitionAnnouncedOn = facts.recognitionAnnouncedOn ?? on;
      break;
    case 'MEMBER_CARD_HANDED_OVER':
      f.memberCard = { handedOverOn: on, cardNo: event.cardNo ?? null, cardDecidedOn: event.cardDecidedOn ?? null };
      break;
    case 'CASE_OPENED':
    case 'DEADLINE_EXTENDED':
      break;
  }
  return f;
}

function vote(
  body: VoteBody,
  stage: VoteStage,
  motion: VoteRecord['motion'],
  event: DomainEvent,
  passed: boolean,
  deciding: boolean,
): VoteRecord {
  const v = voteOf(event)!;
  return { body, stage, motion, occurredOn: event.occurredOn, voters: v.voters, inFavour: v.inFavour, passed, deciding };
}
