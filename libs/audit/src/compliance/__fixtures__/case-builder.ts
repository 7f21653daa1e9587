import { BusinessDate, CaseAggregate, Candidate, decide, describe as describeCase, DomainEvent, openCase, OrganisationFacts, Readmission, WorkingDayCalendar } from '@charterflow/procedure';
import { weekdayCalendar } from '@charterflow/procedure/testing';
import { auditCaseOf, recordedEvent } from '../audit-case';
import { AuditCase, AuditContext } from '../model';

export const CALENDAR: WorkingDayCalendar = weekdayCalendar();
export const ORDINARY: OrganisationFacts = { authorisedToAdmit: false, directlyUnderSuperior: false };

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

export const SECRETARY = { kind: 'user', userId: 'u-cell', username: 'bt.chibo', organisationId: 'cell', roles: ['cell_secretary'] };
export const BOARD = { kind: 'user', userId: 'u-board', username: 'tc.phuong', organisationId: 'commune', roles: ['superior_officer'] };

/**
 * Builds an AuditCase by driving the real engine (with a weekdays-only calendar), as the stored history of a live
 * case would read; `tamper` then edits recorded events the way an imported history may differ.
 */
export class AuditCaseBuilder {
  private aggregate: CaseAggregate;
  readonly events: AuditCase['events'] = [];

  constructor(
    openedOn: BusinessDate = '2025-09-01',
    candidate: Candidate = CANDIDATE,
    private readonly organisation: OrganisationFacts = ORDINARY,
    readmission?: Readmission,
  ) {
    const opened = { type: 'CASE_OPENED', occurredOn: openedOn, candidate, ...(readmission ? { readmission } : {}) } as const;
    const d = openCase(opened, this.env());
    if (!d.ok) throw new Error(`openCase refused: ${JSON.stringify(d.refusal)}`);
    this.aggregate = d.aggregate;
    this.events.push(recordedEvent(1, opened, { fromState: null, toState: 'sympathiser' }, SECRETARY));
  }

  private env() {
    return { today: '2035-12-31', organisation: this.organisation, calendar: CALENDAR };
  }

  /** Records an event the engine must accept. */
  ok(type: string, occurredOn: BusinessDate, payload: Record<string, unknown> = {}, actor: Record<string, unknown> = SECRETARY): this {
    const event = { type, occurredOn, ...payload } as unknown as DomainEvent;
    const d = decide(this.aggregate, event, this.env());
    if (!d.ok) throw new Error(`${type} on ${occurredOn} refused: ${JSON.stringify(d.refusal)}`);
    this.aggregate = d.aggregate;
    this.events.push(recordedEvent(this.events.length + 1, event, d, actor));
    return this;
  }

  /** Appends an event as an imported history may hold it, without asking the engine. */
  raw(type: string, occurredOn: BusinessDate, payload: Record<string, unknown>, toState: string, actor: Record<string, unknown> = SECRETARY): this {
    const fromState = this.events[this.events.length - 1].toState;
    this.events.push({ seq: this.events.length + 1, type, occurredOn, payload, actor, fromState, toState });
    return this;
  }

  get state(): string {
    return describeCase(this.aggregate).state;
  }

  build(): AuditCase {
    return auditCaseOf({ caseId: 'case-1', organisationId: 'cell', organisation: this.organisation, aggregate: this.aggregate, events: this.events });
  }
}

/** The same case with one recorded event changed (an imported history the live engine would have refused). */
export function tamper(c: AuditCase, type: string, change: (e: AuditCase['events'][number]) => void, nth = 0): AuditCase {
  const copy: AuditCase = JSON.parse(JSON.stringify(c));
  const target = copy.events.filter((e) => e.type === type)[nth];
  if (!target) throw new Error(`no ${type} #${nth}`);
  change(target);
  return copy;
}

export const ctx = (today: BusinessDate): AuditContext => ({ today, calendar: CALENDAR });

export const SPONSOR = { name: 'Trần Văn Bình', memberId: 'M-1', fullMemberSince: '2015-01-01', togetherSince: '2023-01-01' };

/**
 * The compliant path up to the cell vote on `cellVoteOn` (dossier opened 2025-09-08): certificate, dossier, Youth
 * Union resolution and one sponsor, opinions. With `verified`, a domestic verification requested on 2025-09-08 and
 * answered on 2025-09-09 (two more events before BIOGRAPHY_CERTIFIED).
 */
export function upToCellReview(b = new AuditCaseBuilder(), verified = false): AuditCaseBuilder {
  b.ok('AWARENESS_CERTIFICATE_RECORDED', '2025-09-02', { certificateNo: 'CN-1', issuedOn: '2025-09-02', issuer: 'Trung tâm chính trị' })
    .ok('DOSSIER_OPENED', '2025-09-08', { resolutionNo: 'NQ-1' })
    .ok('APPLICATION_FILED', '2025-09-08')
    .ok('BIOGRAPHY_FILED', '2025-09-08');
  if (verified) {
    b.ok('VERIFICATION_REQUESTED', '2025-09-08', { requestId: 'TT-1', scope: 'domestic', subject: 'cha đẻ' }).ok('VERIFICATION_REPLIED', '2025-09-09', { requestId: 'TT-1' });
  }
  return b
    .ok('BIOGRAPHY_CERTIFIED', '2025-09-09', { politicalIssue: false })
    .ok('INTRODUCING_RESOLUTION_RECORDED', '2025-09-09', { body: 'youth_union', resolutionNo: 'NQ-DTN-1' })
    .ok('SPONSOR_ADDED', '2025-09-09', { sponsor: SPONSOR })
    .ok('OPINIONS_RECORDED', '2025-09-10', { organisations: ['Công đoàn'], residenceCell: true });
}

/**
 * The compliant path to a full member: cell vote 2025-09-15, decision 2025-10-15, ceremony 2025-11-03, recognition
 * decided 2026-11-23 and announced at the cell meeting of 2026-12-07, card decided 2026-12-14 and handed over 2027-01-04.
 */
export function fullPath(verified = false): AuditCaseBuilder {
  return upToCellReview(new AuditCaseBuilder(), verified)
    .ok('CELL_VOTE_RECORDED', '2025-09-15', { fullMembers: 9, excluded: 0, inFavour: 6 })
    .ok('GRASSROOTS_VOTE_RECORDED', '2025-09-29', { committeeMembers: 9, inFavour: 6 })
    .ok('ADMISSION_DECIDED', '2025-10-15', { decisionNo: 'QĐ-1', standingMembers: 7, inFavour: 4, receivedOn: '2025-10-16' }, BOARD)
    .ok('CEREMONY_HELD', '2025-11-03', { helper: { name: 'Trần Văn Bình' } })
    .ok('MEMBER_RECORDS_FILED', '2025-11-10')
    .ok('NEW_MEMBER_CLASS_COMPLETED', '2026-02-02', { certificateNo: 'BD-1' })
    .ok('PROBATION_ENDED', '2026-11-03')
    .ok('SELF_REVIEW_SUBMITTED', '2026-11-04')
    .ok('HELPER_ASSESSMENT_SUBMITTED', '2026-11-04')
    .ok('RECOGNITION_OPINIONS_RECORDED', '2026-11-05')
    .ok('RECOGNITION_CELL_VOTE_RECORDED', '2026-11-09', { fullMembers: 10, excluded: 1, inFavour: 6, motion: 'recognise' })
    .ok('RECOGNITION_GRASSROOTS_VOTE_RECORDED', '2026-11-16', { committeeMembers: 9, inFavour: 6, motion: 'recognise' })
    .ok('RECOGNITION_DECIDED', '2026-11-23', { decisionNo: 'QĐ-2', standingMembers: 7, inFavour: 4, motion: 'recognise' }, BOARD)
    .ok('RECOGNITION_ANNOUNCED', '2026-12-07')
    .ok('MEMBER_CARD_HANDED_OVER', '2027-01-04', { cardNo: '12.345678', cardDecidedOn: '2026-12-14' });
}
