import { BusinessDate, ChainNode, DeadlineKind, EventType, mayRecord, Recorder, TopState, WorkingDayCalendar } from '@charterflow/procedure';

/**
 * The worklist ("Việc cần làm", api.md v1.1 "Staff work"): for one account, the cases of its subtree that need
 * attention, most urgent first. A case appears once, for its most urgent reason:
 *
 * - `overdue`: a limit has passed and the step that closes it is not recorded (the deadline is still pending,
 *   whether delivery has already marked it `missed` or not);
 * - `due_soon`: a pending limit falls due within `DUE_SOON_WORKING_DAYS` working days (today included);
 * - `your_step`: a step the procedure allows now is one the account's own body records (`mayRecord`). An admin
 *   may record any step of its subtree, so this reason counts only steps of the account's own body, never the admin
 *   role's reach: otherwise every case would be "yours".
 */
export const DUE_SOON_WORKING_DAYS = 10;

export const WORKLIST_REASONS = ['overdue', 'due_soon', 'your_step'] as const;
export type WorklistReason = (typeof WORKLIST_REASONS)[number];

/**
 * The steps each state of the procedure waits for (procedure doc §3). Other steps a state allows are supplementary
 * (renewing a certificate, another verification, a consent, an extension, leaving the path): they are offered in
 * `events` but never make a case "your step" on their own.
 */
export const AWAITED_STEPS: Readonly<Record<TopState, readonly EventType[]>> = {
  sympathiser: ['AWARENESS_CERTIFICATE_RECORDED'],
  awarenessCertified: ['DOSSIER_OPENED'],
  dossier: [
    'APPLICATION_FILED',
    'BIOGRAPHY_FILED',
    'VERIFICATION_REQUESTED',
    'VERIFICATION_REPLIED',
    'BIOGRAPHY_CERTIFIED',
    'POLITICAL_ISSUE_CONCLUDED',
    'SPONSOR_ADDED',
    'INTRODUCING_RESOLUTION_RECORDED',
    'OPINIONS_RECORDED',
  ],
  cellReview: ['CELL_VOTE_RECORDED'],
  grassrootsReview: ['GRASSROOTS_VOTE_RECORDED'],
  superiorReview: ['ADMISSION_DECIDED', 'TRANSFER_DOSSIER_RECEIVED'],
  awaitingCeremony: ['CEREMONY_HELD'],
  probation: ['MEMBER_RECORDS_FILED', 'NEW_MEMBER_CLASS_COMPLETED'],
  recognitionReview: [
    'SELF_REVIEW_SUBMITTED',
    'HELPER_ASSESSMENT_SUBMITTED',
    'RECOGNITION_OPINIONS_RECORDED',
    'RECOGNITION_CELL_VOTE_RECORDED',
    'RECOGNITION_GRASSROOTS_VOTE_RECORDED',
    'RECOGNITION_DECIDED',
  ],
  escalated: ['RECOGNITION_DECIDED'],
  // The path is complete. The announcement at the next cell meeting has its own limit (RECOGNITION_ANNOUNCEMENT), which
  // brings the case back as due soon or overdue while it is pending; otherwise a full member is nobody's step.
  fullMember: [],
  notAdmitted: [],
  removed: [],
  withdrawn: [],
  annulled: [],
};

/** A deadline as the worklist reads it. */
export interface PendingLimit {
  kind: DeadlineKind;
  dueOn: BusinessDate;
  status: string;
  closedOn: BusinessDate | null;
}

/** One case as the worklist reads it. */
export interface WorklistCase {
  caseId: string;
  candidateName: string;
  organisationId: string;
  state: TopState;
  allowedEvents: readonly EventType[];
  deadlines: readonly PendingLimit[];
  /** Root first, the cell last. */
  chain: readonly ChainNode[];
}

export interface WorklistItem {
  caseId: string;
  candidateName: string;
  organisationId: string;
  reason: WorklistReason;
  deadlineKind?: DeadlineKind;
  dueOn?: BusinessDate;
  /** `overdue`: working days late (≥ 1); `due_soon`: working days left (0 when due today). */
  workingDays?: number;
  /** The steps allowed now that this account may record. */
  events: EventType[];
}

/** A limit not yet closed by its step: open, or marked missed by delivery while the engine still holds it. */
export function isPending(d: PendingLimit): boolean {
  return d.closedOn === null && (d.status === 'open' || d.status === 'missed');
}

/**
 * The steps allowed on the case that `who` may record (`all`: as its own body or as an admin of the subtree), and
 * those of them that are steps the state waits for and the account's own body records (`own`).
 */
export function recordableBy(who: Recorder, c: WorklistCase): { all: EventType[]; own: EventType[] } {
  const all: EventType[] = [];
  const own: EventType[] = [];
  for (const type of c.allowedEvents) {
    const verdict = mayRecord(who, type, c.chain);
    if (!verdict.allowed) continue;
    all.push(type);
    if (verdict.as !== 'admin' && AWAITED_STEPS[c.state].includes(type)) own.push(type);
  }
  return { all, own };
}

/** The last day a limit counts as due soon on `today`, per calendar: the same for every case of a worklist. */
const dueSoonUntilOf = new WeakMap<WorkingDayCalendar, { today: BusinessDate; until: BusinessDate }>();

function dueSoonUntil(calendar: WorkingDayCalendar, today: BusinessDate): BusinessDate {
  const known = dueSoonUntilOf.get(calendar);
  if (known?.today === today) return known.until;
  const until = calendar.addWorkingDays(today, DUE_SOON_WORKING_DAYS);
  dueSoonUntilOf.set(calendar, { today, until });
  return until;
}

/** The case's entry on `who`'s worklist on `today`, or null when it needs nothing of this account now. */
export function worklistItemOf(c: WorklistCase, who: Recorder, today: BusinessDate, calendar: WorkingDayCalendar): WorklistItem | null {
  const { all, own } = recordableBy(who, c);
  const base = { caseId: c.caseId, candidateName: c.candidateName, organisationId: c.organisationId, events: all };
  const pending = c.deadlines.filter(isPending).sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : 0));
  const first = pending[0];
  if (first && first.dueOn < today) {
    return { ...base, reason: 'overdue', deadlineKind: first.kind, dueOn: first.dueOn, workingDays: Math.max(1, calendar.workingDaysBetween(first.dueOn, today)) };
  }
  if (first && first.dueOn <= dueSoonUntil(calendar, today)) {
    return { ...base, reason: 'due_soon', deadlineKind: first.kind, dueOn: first.dueOn, workingDays: calendar.workingDaysBetween(today, first.dueOn) };
  }
  if (own.length > 0) return { ...base, reason: 'your_step' };
  return null;
}

const REASON_ORDER: Readonly<Record<WorklistReason, number>> = { overdue: 0, due_soon: 1, your_step: 2 };

/** Most urgent first: overdue (latest first), then due soon (fewest days left first), then steps to record. */
export function byUrgency(a: WorklistItem, b: WorklistItem): number {
  if (a.reason !== b.reason) return REASON_ORDER[a.reason] - REASON_ORDER[b.reason];
  if (a.reason === 'overdue') return (b.workingDays ?? 0) - (a.workingDays ?? 0) || a.caseId.localeCompare(b.caseId);
  if (a.reason === 'due_soon') return (a.workingDays ?? 0) - (b.workingDays ?? 0) || a.caseId.localeCompare(b.caseId);
  return a.candidateName.localeCompare(b.candidateName, 'vi') || a.caseId.localeCompare(b.caseId);
}

/** The number of items per reason. */
export function countsOf(items: readonly WorklistItem[]): Record<WorklistReason, number> {
  const counts = { overdue: 0, due_soon: 0, your_step: 0 };
  for (const i of items) counts[i.reason] += 1;
  return counts;
}
