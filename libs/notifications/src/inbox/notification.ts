/** What a notification is about. */
export const NOTIFICATION_KINDS = ['reminder', 'escalation', 'probation_ended', 'transfer'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** Staff-facing text: Vietnamese first, with an English version. */
export interface BilingualText {
  vi: string;
  en: string;
}

/** A notification to write (one per recipient organisation and role). */
export interface NewNotification {
  organisationId: string;
  role: string;
  caseId: string | null;
  deadlineId: string | null;
  kind: NotificationKind;
  phase: string | null;
  dueOn: string | null;
  title: BilingualText;
  body: BilingualText;
  createdAt: Date;
  /** Unique: a second write with the same key is ignored (e.g. `${deadlineId}:${generation}:${phase}:${orgId}:${role}`). */
  dedupeKey: string;
}

/** One inbox: an organisation's staff in one role. */
export type NotificationRecipient = Pick<NewNotification, 'organisationId' | 'role'>;

/**
 * One message for several inboxes: the notifications that share everything but their recipient, one for each inbox
 * of `to` (each named once). Each is keyed `<dedupePrefix><organisationId>:<role>`, so the prefix names the message
 * (e.g. `${deadlineId}:${generation}:${phase}:`) and no two messages written together share one.
 */
export interface NewNotificationFanOut extends Omit<NewNotification, 'organisationId' | 'role' | 'dedupeKey'> {
  to: readonly NotificationRecipient[];
  dedupePrefix: string;
}

/** Whom a notification is for and what it is about: what a notification to write, its view and its webhook share. */
export type NotificationAddress = Pick<NewNotification, 'organisationId' | 'role' | 'caseId' | 'deadlineId' | 'kind' | 'phase' | 'dueOn'>;

/** The address fields of a notification, copied (without the rest of the object). */
export function addressOf(n: NotificationAddress): NotificationAddress {
  return { organisationId: n.organisationId, role: n.role, caseId: n.caseId, deadlineId: n.deadlineId, kind: n.kind, phase: n.phase, dueOn: n.dueOn };
}

/** A notification as the inbox shows it. */
export interface NotificationView {
  id: string;
  organisationId: string;
  role: string;
  caseId: string | null;
  deadlineId: string | null;
  kind: NotificationKind;
  phase: string | null;
  dueOn: string | null;
  title: BilingualText;
  body: BilingualText;
  createdAt: string;
  readAt: string | null;
}

export interface NotificationPage {
  items: NotificationView[];
  nextCursor: string | null;
}

export interface InboxFilter {
  /** One organisation's inbox; absent: every inbox in the caller's scope. */
  organisationId?: string;
  role?: string;
  /** true: unread only; false: read only; absent: both. */
  unread?: boolean;
  limit?: number;
  cursor?: string;
}
