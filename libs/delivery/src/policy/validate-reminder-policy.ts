import { DEADLINE_KINDS, DeadlineKind } from '@charterflow/procedure';
import {
  DEFAULT_BACKLOG_GRACE_WORKING_DAYS,
  EscalationPolicy,
  KindPolicy,
  MAX_BACKLOG_GRACE_WORKING_DAYS,
  ORGANISATION_LEVELS,
  OrganisationLevel,
  POLICY_TIME_ZONE,
  PolicyRecipient,
  RECIPIENT_ROLES,
  RecipientRole,
  ReminderOffset,
  ReminderPolicy,
  TIMED_EVENT_KINDS,
} from './reminder-policy';

/** One problem in a policy: `field` is a path such as `kinds.CEREMONY.reminders[1].workingDays`. */
export interface ReminderPolicyIssue {
  field: string;
  message: string;
}

/** The policy file is not acceptable; the message names the file and every offending field. */
export class ReminderPolicyError extends Error {
  readonly issues: ReminderPolicyIssue[];

  constructor(issues: ReminderPolicyIssue[], origin = 'reminder policy') {
    super(`${origin} is invalid: ${issues.map((i) => (i.field ? `${i.field}: ${i.message}` : i.message)).join('; ')}`);
    this.name = 'ReminderPolicyError';
    this.issues = issues;
  }
}

/** Upper bounds that catch a slip of the finger (procedure limits are at most 90 working days or 60 months). */
export const MAX_REMINDER_WORKING_DAYS = 250;
export const MAX_REMINDER_MONTHS = 60;

const SEND_AT = /^([01]\d|2[0-3]):[0-5]\d$/;
const DEFAULT_SEND_AT = '08:00';
const KIND_FIELDS = ['sendAt', 'reminders', 'due', 'alert', 'escalation'];

type Input = Record<string, unknown>;
const isObject = (v: unknown): v is Input => typeof v === 'object' && v !== null && !Array.isArray(v);
const show = (v: unknown) => (v === undefined ? 'nothing' : JSON.stringify(v));

/**
 * Checks a parsed policy and returns it normalised (defaults filled in, unknown fields refused). Every deadline kind
 * must be present, so that a misspelt kind cannot silently leave a limit without reminders.
 */
export function validateReminderPolicy(value: unknown, origin?: string): ReminderPolicy {
  const issues: ReminderPolicyIssue[] = [];
  const fail = (field: string, message: string) => issues.push({ field, message });
  if (!isObject(value)) throw new ReminderPolicyError([{ field: '', message: 'the policy must be an object with timeZone, sendAt and kinds' }], origin);

  for (const key of Object.keys(value)) {
    if (!['timeZone', 'sendAt', 'backlogGraceWorkingDays', 'kinds', '$comment'].includes(key)) fail(key, 'unknown field');
  }
  const timeZone = value.timeZone ?? POLICY_TIME_ZONE;
  if (timeZone !== POLICY_TIME_ZONE) fail('timeZone', `must be ${POLICY_TIME_ZONE} (the only time zone of the procedure), got ${show(timeZone)}`);
  const defaultSendAt = value.sendAt ?? DEFAULT_SEND_AT;
  if (typeof defaultSendAt !== 'string' || !SEND_AT.test(defaultSendAt)) fail('sendAt', `must be a local time HH:MM, got ${show(defaultSendAt)}`);

  const grace = value.backlogGraceWorkingDays ?? DEFAULT_BACKLOG_GRACE_WORKING_DAYS;
  if (typeof grace !== 'number' || !Number.isInteger(grace) || grace < 0 || grace > MAX_BACKLOG_GRACE_WORKING_DAYS) {
    fail('backlogGraceWorkingDays', `must be a whole number from 0 to ${MAX_BACKLOG_GRACE_WORKING_DAYS}, got ${show(grace)}`);
  }

  const kinds = {} as Record<DeadlineKind, KindPolicy>;
  if (!isObject(value.kinds)) {
    fail('kinds', 'must be an object with one entry per deadline kind');
  } else {
    for (const key of Object.keys(value.kinds)) {
      if (!(DEADLINE_KINDS as readonly string[]).includes(key)) fail(`kinds.${key}`, `unknown deadline kind (known: ${DEADLINE_KINDS.join(', ')})`);
    }
    for (const kind of DEADLINE_KINDS) {
      const entry = value.kinds[kind];
      if (entry === undefined) fail(`kinds.${kind}`, 'missing: every deadline kind needs an entry');
      else kinds[kind] = readKind(kind, entry, typeof defaultSendAt === 'string' ? defaultSendAt : DEFAULT_SEND_AT, fail);
    }
  }
  if (issues.length) throw new ReminderPolicyError(issues, origin);
  return { timeZone: POLICY_TIME_ZONE, backlogGraceWorkingDays: grace as number, kinds };
}

function readKind(kind: DeadlineKind, entry: unknown, defaultSendAt: string, fail: (field: string, message: string) => void): KindPolicy {
  const at = `kinds.${kind}`;
  if (!isObject(entry)) {
    fail(at, 'must be an object with reminders, alert and escalation');
    return { sendAt: defaultSendAt, reminders: [], due: false, alert: [], escalation: null };
  }
  for (const key of Object.keys(entry)) if (!KIND_FIELDS.includes(key)) fail(`${at}.${key}`, 'unknown field');

  const sendAt = entry.sendAt ?? defaultSendAt;
  if (typeof sendAt !== 'string' || !SEND_AT.test(sendAt)) fail(`${at}.sendAt`, `must be a local time HH:MM, got ${show(sendAt)}`);

  const reminders: ReminderOffset[] = [];
  if (!Array.isArray(entry.reminders)) {
    fail(`${at}.reminders`, 'must be a list of { "workingDays": n } or { "months": n } (may be empty)');
  } else {
    const seen = new Set<string>();
    entry.reminders.forEach((r: unknown, i: number) => {
      const field = `${at}.reminders[${i}]`;
      const offset = readOffset(r, field, fail);
      if (!offset) return;
      const id = offset.workingDays !== undefined ? `${offset.workingDays}wd` : `${offset.months}m`;
      if (seen.has(id)) fail(field, `the offset ${id} is listed twice`);
      seen.add(id);
      reminders.push(offset);
    });
  }

  const due = entry.due ?? false;
  if (typeof due !== 'boolean') fail(`${at}.due`, `must be true or false, got ${show(due)}`);
  else if (due && !TIMED_EVENT_KINDS.includes(kind)) fail(`${at}.due`, `only ${TIMED_EVENT_KINDS.join(', ')} has a timed event on its due date`);

  const alert = readRecipients(entry.alert, `${at}.alert`, fail);
  if (Array.isArray(entry.alert) && entry.alert.length === 0) fail(`${at}.alert`, 'must name at least one recipient');

  let escalation: EscalationPolicy | null = null;
  if (entry.escalation !== undefined && entry.escalation !== null) {
    const e = entry.escalation;
    if (!isObject(e) || Object.keys(e).some((k) => k !== 'to')) {
      fail(`${at}.escalation`, 'must be null, { "to": "superior" } or { "to": [{ "role", "at" }] }');
    } else if (e.to === 'superior') {
      escalation = { to: 'superior' };
    } else if (Array.isArray(e.to) && e.to.length > 0) {
      escalation = { to: readRecipients(e.to, `${at}.escalation.to`, fail) };
    } else {
      fail(`${at}.escalation.to`, `must be "superior" or a non-empty list of recipients, got ${show(e.to)}`);
    }
  }

  return { sendAt: typeof sendAt === 'string' ? sendAt : defaultSendAt, reminders, due: due === true, alert, escalation };
}

function readOffset(r: unknown, field: string, fail: (field: string, message: string) => void): ReminderOffset | null {
  if (!isObject(r)) {
    fail(field, `must be { "workingDays": n } or { "months": n }, got ${show(r)}`);
    return null;
  }
  const keys = Object.keys(r);
  if (keys.length !== 1 || !['workingDays', 'months'].includes(keys[0])) {
    fail(field, `must have exactly one of workingDays or months, got ${show(r)}`);
    return null;
  }
  const unit = keys[0] as 'workingDays' | 'months';
  const n = r[unit];
  const max = unit === 'workingDays' ? MAX_REMINDER_WORKING_DAYS : MAX_REMINDER_MONTHS;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1 || n > max) {
    fail(`${field}.${unit}`, `must be a whole number from 1 to ${max}, got ${show(n)}`);
    return null;
  }
  return unit === 'workingDays' ? { workingDays: n } : { months: n };
}

function readRecipients(list: unknown, field: string, fail: (field: string, message: string) => void): PolicyRecipient[] {
  if (!Array.isArray(list)) {
    fail(field, 'must be a list of { "role", "at" }');
    return [];
  }
  const out: PolicyRecipient[] = [];
  list.forEach((r: unknown, i: number) => {
    const at = `${field}[${i}]`;
    if (!isObject(r)) {
      fail(at, `must be { "role", "at" }, got ${show(r)}`);
      return;
    }
    for (const key of Object.keys(r)) if (key !== 'role' && key !== 'at') fail(`${at}.${key}`, 'unknown field');
    const roleOk = (RECIPIENT_ROLES as readonly unknown[]).includes(r.role);
    const levelOk = (ORGANISATION_LEVELS as readonly unknown[]).includes(r.at);
    if (!roleOk) fail(`${at}.role`, `must be one of ${RECIPIENT_ROLES.join(', ')}, got ${show(r.role)}`);
    if (!levelOk) fail(`${at}.at`, `must be one of ${ORGANISATION_LEVELS.join(', ')}, got ${show(r.at)}`);
    if (roleOk && levelOk) out.push({ role: r.role as RecipientRole, at: r.at as OrganisationLevel });
  });
  return out;
}
