import { Candidate } from '../model/candidate';
import { Readmission } from '../schema/readmission.schema';
import { BusinessDate } from '../model/dates';
import { DeadlineRecord } from '../model/deadlines';
import { CaseAggregate, Decision, DecisionEnv, OrganisationFacts } from '../model/engine';
import { DomainRefusal } from '../model/errors';
import { DomainEvent, EventOf, EventType } from '../model/events';
import { TopState } from '../model/states';
import { WorkingDayCalendar } from '../model/calendar';
import { decide, describe as describeCase, openCase } from '../engine/engine';
import { weekdayCalendar } from './weekday-calendar';

export const CANDIDATE: Candidate = {
  fullName: 'Nguyễn Thị Lan',
  dateOfBirth: '2000-03-15',
  gender: 'female',
  ethnicity: 'Kinh',
  religion: null,
  education: 'upper_secondary',
  youthUnionMember: true,
  tradeUnionMember: false,
  areaType: 'standard',
  occupation: 'worker',
};

export const ORDINARY_CELL: OrganisationFacts = { authorisedToAdmit: false, directlyUnderSuperior: false };
export const VILLAGE_CELL: OrganisationFacts = { authorisedToAdmit: false, directlyUnderSuperior: true };
export const AUTHORISED_GRASSROOTS: OrganisationFacts = { authorisedToAdmit: true, directlyUnderSuperior: false };

export function makeEnv(today: BusinessDate = '2030-12-31', organisation: OrganisationFacts = ORDINARY_CELL, calendar: WorkingDayCalendar = weekdayCalendar()): DecisionEnv {
  return { today, organisation, calendar };
}

type Payload<T extends EventType> = Omit<EventOf<T>, 'type' | 'occurredOn'>;

/** Drives one case through the engine, keeping the latest aggregate. */
export class CaseDriver {
  aggregate: CaseAggregate;
  last: Decision | null = null;
  /** Whether each step starts from the aggregate as storage gives it back (JSON) or from the last step's own result. */
  storeBetweenSteps = true;

  constructor(
    public env: DecisionEnv = makeEnv(),
    openedOn: BusinessDate = '2025-09-01',
    candidate: Candidate = CANDIDATE,
    readmission?: Readmission,
  ) {
    const d = openCase({ type: 'CASE_OPENED', occurredOn: openedOn, candidate, ...(readmission ? { readmission } : {}) }, env);
    if (!d.ok) throw new Error(`openCase refused: ${JSON.stringify(d.refusal)}`);
    this.aggregate = d.aggregate;
  }

  /** Posts an event; returns the decision without asserting. Keeps the aggregate when accepted. */
  send<T extends EventType>(type: T, occurredOn: BusinessDate, payload?: Payload<T>): Decision {
    const event = { type, occurredOn, ...(payload ?? {}) } as unknown as DomainEvent;
    // Round-trip through JSON, as storage would.
    const stored = this.storeBetweenSteps ? (JSON.parse(JSON.stringify(this.aggregate)) as CaseAggregate) : this.aggregate;
    const d = decide(stored, event, this.env);
    this.last = d;
    if (d.ok) this.aggregate = d.aggregate;
    return d;
  }

  /** Posts an event that must be accepted. */
  ok<T extends EventType>(type: T, occurredOn: BusinessDate, payload?: Payload<T>): this {
    const d = this.send(type, occurredOn, payload);
    if (!d.ok) throw new Error(`${type} on ${occurredOn} refused: ${JSON.stringify(d.refusal)}`);
    return this;
  }

  /** Posts an event that must be refused; returns the refusal. */
  refused<T extends EventType>(type: T, occurredOn: BusinessDate, payload?: Payload<T>): DomainRefusal {
    const d = this.send(type, occurredOn, payload);
    if (d.ok) throw new Error(`${type} on ${occurredOn} was accepted (→ ${d.toState})`);
    return d.refusal;
  }

  get state(): TopState {
    return describeCase(this.aggregate).state;
  }

  get description() {
    return describeCase(this.aggregate);
  }

  deadline(key: string): DeadlineRecord {
    const d = this.aggregate.deadlines.find((x) => x.key === key);
    if (!d) throw new Error(`no deadline ${key}; have ${this.aggregate.deadlines.map((x) => x.key).join(', ')}`);
    return d;
  }

  openDeadlineKeys(): string[] {
    return this.aggregate.deadlines.filter((d) => d.status === 'open').map((d) => d.key);
  }
}

// ---- standard steps (a Youth Union member of youth age, qd294 dates) ------------------------------------------

export const SPONSOR = { name: 'Trần Văn Bình', memberId: 'M-001', fullMemberSince: '2015-01-01', togetherSince: '2023-01-01' };
export const SPONSOR_2 = { name: 'Lê Thị Hoa', memberId: 'M-002', fullMemberSince: '2012-06-01', togetherSince: '2022-05-01' };

export function toAwarenessCertified(c: CaseDriver, on = '2025-09-10', issuedOn = '2025-09-05'): CaseDriver {
  return c.ok('AWARENESS_CERTIFICATE_RECORDED', on, { certificateNo: 'CN-1', issuedOn, issuer: 'Trung tâm chính trị phường' });
}

/** Up to the moment the dossier is complete (→ cellReview). Dates from `dossierOn` onwards in Oct–Nov 2025. */
export function toCellReview(c: CaseDriver): CaseDriver {
  toAwarenessCertified(c);
  return c
    .ok('DOSSIER_OPENED', '2025-10-01', { resolutionNo: 'NQ-7' })
    .ok('APPLICATION_FILED', '2025-10-02')
    .ok('BIOGRAPHY_FILED', '2025-10-03')
    .ok('VERIFICATION_REQUESTED', '2025-10-06', { requestId: 'req-1', scope: 'domestic', subject: 'father' })
    .ok('VERIFICATION_REPLIED', '2025-10-20', { requestId: 'req-1' })
    .ok('BIOGRAPHY_CERTIFIED', '2025-10-27', { politicalIssue: false })
    .ok('INTRODUCING_RESOLUTION_RECORDED', '2025-11-03', { body: 'youth_union', resolutionNo: 'NQ-DTN-3' })
    .ok('SPONSOR_ADDED', '2025-11-04', { sponsor: SPONSOR })
    .ok('OPINIONS_RECORDED', '2025-11-05', { organisations: ['Đoàn TNCS Hồ Chí Minh'], residenceCell: true });
}

export const PASSING_CELL_VOTE = { fullMembers: 9, excluded: 0, inFavour: 6 };

export function toProbation(c: CaseDriver): CaseDriver {
  toCellReview(c);
  c.ok('CELL_VOTE_RECORDED', '2025-11-10', PASSING_CELL_VOTE);
  if (c.state === 'grassrootsReview') c.ok('GRASSROOTS_VOTE_RECORDED', '2025-12-01', { committeeMembers: 9, inFavour: 7 });
  if (c.state === 'superiorReview') {
    c.ok('ADMISSION_DECIDED', '2025-12-15', { decisionNo: 'QD-1', standingMembers: 7, inFavour: 5, receivedOn: '2025-12-17' });
  }
  return c.ok('CEREMONY_HELD', '2026-01-06', { helper: { name: 'Trần Văn Bình', memberId: 'M-001' } });
}

/** Probation ends 2027-01-06; the recognition dossier is complete afterwards. */
export function toRecognitionReview(c: CaseDriver): CaseDriver {
  toProbation(c);
  return c
    .ok('MEMBER_RECORDS_FILED', '2026-01-20')
    .ok('NEW_MEMBER_CLASS_COMPLETED', '2026-05-11', { certificateNo: 'BD-9' })
    .ok('PROBATION_ENDED', '2027-01-06')
    .ok('SELF_REVIEW_SUBMITTED', '2027-01-08')
    .ok('HELPER_ASSESSMENT_SUBMITTED', '2027-01-08')
    .ok('RECOGNITION_OPINIONS_RECORDED', '2027-01-11');
}
