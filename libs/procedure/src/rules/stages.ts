import { BusinessDate } from '../model/dates';
import { DomainEvent, EventType } from '../model/events';
import { maxDate } from '../calendar/business-date';
import { CaseFacts } from '../machine/facts';

/**
 * The stages of the admission path, in order (procedure doc §3.16; api.md v1.1 "Catching up a paper backlog"). The
 * order of the stages is guarded (DATE_BEFORE_PREVIOUS_STEP): a vote cannot precede its dossier, a decision its vote,
 * a ceremony its decision. The parts of one stage (the dossier's documents, the steps of the probation, the
 * recognition dossier) are independent of one another and may be entered in any order of their dates, each no
 * earlier than the step that opened its stage.
 */
export const STAGES = [
  'sympathiser',
  'certificate',
  'dossier',
  'cellVote',
  'grassrootsVote',
  'decision',
  'probation',
  'recognition',
  'recognitionCellVote',
  'recognitionGrassrootsVote',
  'recognitionDecision',
  // After recognition: the announcement at the cell meeting and the card handover (ADR 0016).
  'membership',
  'end',
] as const;
export type Stage = (typeof STAGES)[number];

/**
 * How an event stands to the stage order:
 * - `gate`: opens its stage; dated on or after every step recorded before it (whatever their stage);
 * - `part`: a document of its stage; dated on or after the gate of its stage, in any order among the parts;
 * - `floating`: belongs to no stage (a consent, an extension); dated on or after the latest gate recorded.
 */
export type StageRole = 'gate' | 'part' | 'floating';

export interface StagePlace {
  stage: Stage | null;
  role: StageRole;
}

const gate = (stage: Stage): StagePlace => ({ stage, role: 'gate' });
const part = (stage: Stage): StagePlace => ({ stage, role: 'part' });
const floating: StagePlace = { stage: null, role: 'floating' };

/**
 * Every event's place, defined once. A new event type must be placed here (the compiler asks for it): e.g. a change
 * of the probationer's helper is a part of `probation`, like the new-member class.
 */
export const EVENT_STAGES: Readonly<Record<EventType, StagePlace>> = {
  CASE_OPENED: gate('sympathiser'),
  AWARENESS_CERTIFICATE_RECORDED: gate('certificate'),
  DOSSIER_OPENED: gate('dossier'),
  APPLICATION_FILED: part('dossier'),
  BIOGRAPHY_FILED: part('dossier'),
  VERIFICATION_REQUESTED: part('dossier'),
  VERIFICATION_REPLIED: part('dossier'),
  BIOGRAPHY_CERTIFIED: part('dossier'),
  POLITICAL_ISSUE_CONCLUDED: part('dossier'),
  SPONSOR_ADDED: part('dossier'),
  INTRODUCING_RESOLUTION_RECORDED: part('dossier'),
  OPINIONS_RECORDED: part('dossier'),
  CONSENT_RECORDED: floating,
  DEADLINE_EXTENDED: floating,
  CELL_VOTE_RECORDED: gate('cellVote'),
  GRASSROOTS_VOTE_RECORDED: gate('grassrootsVote'),
  ADMISSION_DECIDED: gate('decision'),
  CEREMONY_HELD: gate('probation'),
  MEMBER_RECORDS_FILED: part('probation'),
  NEW_MEMBER_CLASS_COMPLETED: part('probation'),
  HELPER_CHANGED: part('probation'),
  PROBATION_ENDED: gate('recognition'),
  SELF_REVIEW_SUBMITTED: part('recognition'),
  HELPER_ASSESSMENT_SUBMITTED: part('recognition'),
  RECOGNITION_OPINIONS_RECORDED: part('recognition'),
  RECOGNITION_CELL_VOTE_RECORDED: gate('recognitionCellVote'),
  RECOGNITION_GRASSROOTS_VOTE_RECORDED: gate('recognitionGrassrootsVote'),
  RECOGNITION_DECIDED: gate('recognitionDecision'),
  RECOGNITION_ANNOUNCED: part('membership'),
  MEMBER_CARD_HANDED_OVER: part('membership'),
  WITHDRAWN: gate('end'),
  // A transfer is decided outside the procedure (a job or residence change); the destination's receipt follows it.
  TRANSFERRED: floating,
  TRANSFER_DOSSIER_RECEIVED: floating,
  ADMISSION_ANNULLED: gate('end'),
  RECOGNITION_ANNULLED: gate('end'),
};

/** The steps of the probation (api.md v1.1): accepted after the engine ended probation when dated inside it. */
export const PROBATION_STEPS: readonly EventType[] = (Object.keys(EVENT_STAGES) as EventType[]).filter(
  (t) => EVENT_STAGES[t].stage === 'probation' && EVENT_STAGES[t].role === 'part',
);

/** The place of an event in the stage order. A certificate recorded again once the dossier is open renews a document: floating. */
export function stagePlaceOf(event: DomainEvent, facts: CaseFacts): StagePlace {
  if (event.type === 'AWARENESS_CERTIFICATE_RECORDED' && facts.dossierOpenedOn !== null) return floating;
  return EVENT_STAGES[event.type];
}

/** A recorded step with the date the stage order reads. */
export interface RecordedStep {
  type: EventType;
  on: BusinessDate;
}

/** The date a stage was opened (its gate), from the facts; null when the stage has not been reached. */
export function stageOpenedOn(stage: Stage, facts: CaseFacts): RecordedStep | null {
  switch (stage) {
    case 'dossier':
      return facts.dossierOpenedOn ? { type: 'DOSSIER_OPENED', on: facts.dossierOpenedOn } : null;
    case 'probation':
      return facts.probationStartOn ? { type: 'CEREMONY_HELD', on: facts.probationStartOn } : null;
    case 'recognition':
      return facts.probationEnded && facts.probationEndOn ? { type: 'PROBATION_ENDED', on: facts.probationEndOn } : null;
    case 'membership': {
      // Opened by the vote that made the probationer a full member (the competent committee's decision, or the
      // deciding vote of an authorised grassroots committee).
      const recognised = facts.fullMemberSince !== null ? facts.votes.filter((v) => v.deciding && v.passed && v.motion === 'recognise').pop() : undefined;
      return recognised ? { type: VOTE_EVENTS[`${recognised.body}:${recognised.stage}`] ?? 'RECOGNITION_DECIDED', on: recognised.occurredOn } : null;
    }
    default:
      return null;
  }
}

const VOTE_EVENTS: Readonly<Record<string, EventType>> = {
  'cell:admission': 'CELL_VOTE_RECORDED',
  'grassroots:admission': 'GRASSROOTS_VOTE_RECORDED',
  'superior:admission': 'ADMISSION_DECIDED',
  'cell:recognition': 'RECOGNITION_CELL_VOTE_RECORDED',
  'cell:removal': 'RECOGNITION_CELL_VOTE_RECORDED',
  'grassroots:recognition': 'RECOGNITION_GRASSROOTS_VOTE_RECORDED',
  'grassroots:removal': 'RECOGNITION_GRASSROOTS_VOTE_RECORDED',
  'superior:recognition': 'RECOGNITION_DECIDED',
  'superior:removal': 'RECOGNITION_DECIDED',
};

/** The gates recorded so far (the steps that opened a stage), read from the facts. */
export function recordedGates(facts: CaseFacts): RecordedStep[] {
  const out: RecordedStep[] = [{ type: 'CASE_OPENED', on: facts.openedOn }];
  // Before the dossier opens, the certificate is a gate; once it is open, a certificate recorded again is a document.
  if (facts.certificate && facts.dossierOpenedOn === null) out.push({ type: 'AWARENESS_CERTIFICATE_RECORDED', on: facts.certificate.recordedOn });
  if (facts.dossierOpenedOn) out.push({ type: 'DOSSIER_OPENED', on: facts.dossierOpenedOn });
  for (const v of facts.votes) out.push({ type: VOTE_EVENTS[`${v.body}:${v.stage}`] ?? 'CELL_VOTE_RECORDED', on: v.occurredOn });
  if (facts.ceremony) out.push({ type: 'CEREMONY_HELD', on: facts.ceremony.heldOn });
  if (facts.probationEnded && facts.probationEndOn) out.push({ type: 'PROBATION_ENDED', on: facts.probationEndOn });
  if (facts.withdrawal) out.push({ type: 'WITHDRAWN', on: facts.withdrawal.on });
  return out;
}

/** Every step the facts remember with its date (gates and parts): names the step a refused date falls before. */
export function recordedSteps(facts: CaseFacts): RecordedStep[] {
  const out = recordedGates(facts);
  const add = (type: EventType, on: BusinessDate | null | undefined) => {
    if (on) out.push({ type, on });
  };
  add('APPLICATION_FILED', facts.applicationFiledOn);
  add('BIOGRAPHY_FILED', facts.biographyFiledOn);
  for (const v of Object.values(facts.verifications)) {
    add('VERIFICATION_REQUESTED', v.requestedOn);
    add('VERIFICATION_REPLIED', v.repliedOn);
  }
  add('BIOGRAPHY_CERTIFIED', facts.biographyCertifiedOn);
  add('POLITICAL_ISSUE_CONCLUDED', facts.politicalConclusion?.concludedOn);
  for (const s of facts.sponsors) add('SPONSOR_ADDED', s.addedOn);
  add('INTRODUCING_RESOLUTION_RECORDED', facts.introducingResolution?.recordedOn);
  add('OPINIONS_RECORDED', facts.opinions?.recordedOn);
  for (const c of Object.values(facts.consents)) add('CONSENT_RECORDED', c?.recordedOn);
  add('MEMBER_RECORDS_FILED', facts.memberRecordsFiledOn);
  add('NEW_MEMBER_CLASS_COMPLETED', facts.newMemberClass?.completedOn);
  add('SELF_REVIEW_SUBMITTED', facts.selfReviewOn);
  add('HELPER_ASSESSMENT_SUBMITTED', facts.helperAssessmentOn);
  add('RECOGNITION_OPINIONS_RECORDED', facts.recognitionOpinionsOn);
  add('RECOGNITION_ANNOUNCED', facts.recognitionAnnouncedOn);
  add('MEMBER_CARD_HANDED_OVER', facts.memberCard?.handedOverOn);
  return out;
}

/** The latest of `steps` (the first of equal dates), or null. */
export function latestOf(steps: readonly RecordedStep[]): RecordedStep | null {
  let best: RecordedStep | null = null;
  for (const s of steps) if (!best || s.on > best.on) best = s;
  return best;
}

/**
 * The earliest date an event may carry under the stage order, with the step that sets it (`type` null when the
 * latest date recorded belongs to a step the facts do not name, e.g. an extension).
 */
export function stageBound(event: DomainEvent, facts: CaseFacts): { on: BusinessDate; type: EventType | null } {
  // D18 (ADR 0024): a transfer met after the admission decision may have been decided before it (that is what the
  // rule compares); it is still not before the cell's vote.
  if (event.type === 'TRANSFERRED' && facts.decision !== null && facts.ceremony === null && facts.cellVoteOn !== null) {
    return { on: facts.cellVoteOn, type: 'CELL_VOTE_RECORDED' };
  }
  const place = stagePlaceOf(event, facts);
  if (place.role === 'part' && place.stage) {
    const opened = stageOpenedOn(place.stage, facts);
    const bound = opened ? [opened] : [];
    // Dependencies inside the dossier: a reply answers its request; the certification rests on the filed biography
    // and on every reply; a political conclusion answers the certification.
    if (event.type === 'VERIFICATION_REPLIED') {
      const v = facts.verifications[event.requestId];
      if (v) bound.push({ type: 'VERIFICATION_REQUESTED', on: v.requestedOn });
    }
    if (event.type === 'BIOGRAPHY_CERTIFIED') {
      if (facts.biographyFiledOn) bound.push({ type: 'BIOGRAPHY_FILED', on: facts.biographyFiledOn });
      for (const v of Object.values(facts.verifications)) if (v.repliedOn) bound.push({ type: 'VERIFICATION_REPLIED', on: v.repliedOn });
    }
    if (event.type === 'POLITICAL_ISSUE_CONCLUDED' && facts.biographyCertifiedOn) {
      bound.push({ type: 'BIOGRAPHY_CERTIFIED', on: facts.biographyCertifiedOn });
    }
    const latest = latestOf(bound);
    return latest ?? { on: facts.openedOn, type: 'CASE_OPENED' };
  }
  if (place.role === 'floating') {
    return latestOf(recordedGates(facts)) ?? { on: facts.openedOn, type: 'CASE_OPENED' };
  }
  // A gate follows everything recorded before it.
  const named = latestOf(recordedSteps(facts));
  const on = named ? maxDate(named.on, facts.lastStepOn) : facts.lastStepOn;
  return { on, type: named && named.on === on ? named.type : null };
}
