import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { WebhookFanOut } from '../webhooks/webhook-fan-out';
import { InboxPosition } from './inbox-cursor';
import { addressOf, NewNotification, NewNotificationFanOut, NotificationKind, NotificationRecipient, NotificationView } from './notification';
import type { RowOf } from '@charterflow/database';
import { NOTIFICATIONS_TABLE } from '../tables';

/** The row as declared in tables.ts; kind narrowed to what the column's writers put there. */
type RawNotification = Omit<Pick<RowOf<typeof NOTIFICATIONS_TABLE>, 'id' | 'organisation_id' | 'role' | 'case_id' | 'deadline_id' | 'kind' | 'phase' | 'due_on' | 'title_vi' | 'title_en' | 'body_vi' | 'body_en' | 'created_at' | 'read_at'>, 'kind'> & { kind: NotificationKind };

const COLUMNS = `id, organisation_id, role, case_id, deadline_id, kind, phase, due_on, title_vi, title_en, body_vi, body_en, created_at, read_at`;

/** The only place that touches `notifications`. */
@Injectable()
export class InboxRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly webhooks: WebhookFanOut,
  ) {}

  /**
   * Writes notifications in one statement inside the caller's transaction; a row whose `dedupe_key` exists is skipped.
   * Returns how many were written. Each written notification's webhook deliveries are queued in the same transaction.
   */
  async insertMany(m: EntityManager, notifications: readonly NewNotification[]): Promise<number> {
    return (await this.insert(m, notifications)).length;
  }

  /**
   * `insertMany`, answering the notifications written (not those skipped as duplicates), as stored: the database
   * answers only each written row's id (its key), the rest is what was written (`created_at` keeps the millisecond of
   * the Date given, `due_on` the date).
   */
  async insert(m: EntityManager, notifications: readonly NewNotification[]): Promise<NotificationView[]> {
    if (notifications.length === 0) return [];
    // A key named twice in one call is written once, from its first notification.
    const byKey = new Map<string, NewNotification>();
    for (const n of notifications) if (!byKey.has(n.dedupeKey)) byKey.set(n.dedupeKey, n);
    const iso = isoOf();
    const rows = [...byKey.values()].map((n) => ({ ...addressOf(n), ...textOf(n), createdAt: iso(n.createdAt), dedupeKey: n.dedupeKey }));
    const inserted: { id: string; dedupe_key: string }[] = await m.query(
      `INSERT INTO notifications (organisation_id, role, case_id, deadline_id, kind, phase, due_on, title_vi, title_en, body_vi, body_en, created_at, dedupe_key)
       SELECT r."organisationId", r.role, r."caseId", r."deadlineId", r.kind, r.phase, r."dueOn", r."titleVi", r."titleEn", r."bodyVi", r."bodyEn",
              r."createdAt", r."dedupeKey"
       FROM json_to_recordset($1::json) AS r("organisationId" uuid, role text, "caseId" uuid, "deadlineId" uuid, kind text, phase text, "dueOn" date,
            "titleVi" text, "titleEn" text, "bodyVi" text, "bodyEn" text, "createdAt" timestamptz, "dedupeKey" text)
       ON CONFLICT (dedupe_key) DO NOTHING
       RETURNING id, dedupe_key`,
      [JSON.stringify(rows)],
    );
    const written = inserted.map(({ id, dedupe_key }) => writtenView(id, byKey.get(dedupe_key)!, iso));
    await this.webhooks.queue(m, written);
    return written;
  }

  /**
   * Writes each message to every inbox of its `to`, in one statement inside the caller's transaction (a row whose
   * `dedupe_key` exists is skipped), with the webhook deliveries of those written; answers how many notifications
   * each message wrote, in order. The message travels once with the index of its list of inboxes (a list shared by
   * several messages, the same array, travels once too) and the database makes the rows: a burst of firings, each
   * alerting a few inboxes, builds, sends and parses one object per firing instead of one per notification, and reads
   * back only the rows a webhook listens to and the keys that were skipped (ADR 0033). The rows travel as `json`, not `jsonb`: read once
   * into columns, they need no binary form.
   */
  async insertFanOut(m: EntityManager, messages: readonly NewNotificationFanOut[]): Promise<number[]> {
    if (messages.length === 0) return [];
    const audiences: (readonly NotificationRecipient[])[] = [];
    const audienceOf = new Map<readonly NotificationRecipient[], number>();
    const prefixes = new Set<string>();
    const iso = isoOf();
    const rows = messages.map((n) => {
      // Each key must name one row of this statement: the answer is read back by key.
      if (prefixes.has(n.dedupePrefix)) throw new Error(`two messages share the dedupe prefix ${n.dedupePrefix}`);
      prefixes.add(n.dedupePrefix);
      let audience = audienceOf.get(n.to);
      if (audience === undefined) {
        if (new Set(n.to.map((r) => `${r.organisationId}:${r.role}`)).size !== n.to.length) throw new Error(`an inbox is named twice for ${n.dedupePrefix}`);
        audience = audiences.push(n.to) - 1;
        audienceOf.set(n.to, audience);
      }
      return { caseId: n.caseId, deadlineId: n.deadlineId, kind: n.kind, phase: n.phase, dueOn: n.dueOn, ...textOf(n), createdAt: iso(n.createdAt), prefix: n.dedupePrefix, audience };
    });
    const listeners = await this.webhooks.listeners(m, audiences.flatMap((to) => to.map((r) => r.organisationId)));
    // Per row of the answer: a notification not written (id null), or a written one whose organisation a webhook listens to.
    const answer: { message: number; member: number; id: string | null }[] = await m.query(
      `WITH message AS (
         SELECT (n - 1)::int AS message, r.* FROM ROWS FROM (json_to_recordset($1::json) AS ("caseId" uuid, "deadlineId" uuid, kind text, phase text, "dueOn" date,
              "titleVi" text, "titleEn" text, "bodyVi" text, "bodyEn" text, "createdAt" timestamptz, prefix text, audience int)) WITH ORDINALITY
              AS r("caseId", "deadlineId", kind, phase, "dueOn", "titleVi", "titleEn", "bodyVi", "bodyEn", "createdAt", prefix, audience, n)
       ), inbox AS (
         SELECT (a.n - 1)::int AS audience, (x.k - 1)::int AS member, x."organisationId", x.role
         FROM json_array_elements($2::json) WITH ORDINALITY AS a(list, n)
         CROSS JOIN LATERAL ROWS FROM (json_to_recordset(a.list) AS ("organisationId" uuid, role text)) WITH ORDINALITY AS x("organisationId", role, k)
       ), candidate AS (
         SELECT m.*, i.member, i."organisationId", i.role, m.prefix || i."organisationId" || ':' || i.role AS dedupe_key
         FROM message m JOIN inbox i ON i.audience = m.audience
       ), written AS (
         INSERT INTO notifications (organisation_id, role, case_id, deadline_id, kind, phase, due_on, title_vi, title_en, body_vi, body_en, created_at, dedupe_key)
         SELECT c."organisationId", c.role, c."caseId", c."deadlineId", c.kind, c.phase, c."dueOn", c."titleVi", c."titleEn", c."bodyVi", c."bodyEn",
                c."createdAt", c.dedupe_key
         FROM candidate c
         ON CONFLICT (dedupe_key) DO NOTHING
         RETURNING id, organisation_id, dedupe_key
       )
       SELECT c.message, c.member, w.id
       FROM candidate c LEFT JOIN written w ON w.dedupe_key = c.dedupe_key
       WHERE w.id IS NULL OR w.organisation_id = ANY ($3::uuid[])`,
      [JSON.stringify(rows), JSON.stringify(audiences.map((to) => to.map((r) => ({ organisationId: r.organisationId, role: r.role })))), [...listeners.keys()]],
    );
    const written = messages.map((n) => n.to.length);
    const heard: Omit<NotificationView, 'readAt'>[] = [];
    for (const { message, member, id } of answer) {
      const n = messages[message];
      if (id === null) written[message] -= 1;
      else heard.push({ id, ...addressOf({ ...n, ...n.to[member] }), title: n.title, body: n.body, createdAt: iso(n.createdAt) });
    }
    await this.webhooks.queueFor(m, heard, listeners);
    return written;
  }

  /**
   * One organisation's notifications, or those of every organisation under `pathPrefix`, newest first, after
   * `after`, at most `limit`.
   */
  async find(filter: { organisationId?: string; pathPrefix?: string | null; role?: string; unread?: boolean; after?: InboxPosition; limit: number }): Promise<NotificationView[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.organisationId !== undefined) {
      params.push(filter.organisationId);
      where.push(`organisation_id = $${params.length}`);
    }
    if (filter.pathPrefix) {
      params.push(filter.pathPrefix);
      where.push(`organisation_id IN (SELECT o.id FROM organisations o WHERE o.path LIKE $${params.length} || '%')`);
    }
    if (filter.role !== undefined) {
      params.push(filter.role);
      where.push(`role = $${params.length}`);
    }
    if (filter.unread !== undefined) where.push(filter.unread ? 'read_at IS NULL' : 'read_at IS NOT NULL');
    if (filter.after) {
      params.push(filter.after.createdAt, filter.after.id);
      where.push(`(created_at, id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
    }
    params.push(filter.limit);
    const rows: RawNotification[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM notifications ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY created_at DESC, id DESC LIMIT $${params.length}`,
      params,
    );
    return rows.map(toView);
  }

  async findById(id: string, m: EntityManager = this.dataSource.manager): Promise<NotificationView | null> {
    const rows: RawNotification[] = await m.query(`SELECT ${COLUMNS} FROM notifications WHERE id = $1`, [id]);
    return rows[0] ? toView(rows[0]) : null;
  }

  /**
   * Marks a notification read at `now` unless it already is (the first reading is kept). Null when unknown or,
   * given `pathPrefix`, addressed outside that subtree.
   */
  async markRead(id: string, now: Date, pathPrefix: string | null = null): Promise<NotificationView | null> {
    // TypeORM answers [rows, affected] for UPDATE … RETURNING.
    const [rows]: [RawNotification[], number] = await this.dataSource.query(
      `UPDATE notifications SET read_at = COALESCE(read_at, $2)
       WHERE id = $1 AND ($3::text IS NULL OR organisation_id IN (SELECT o.id FROM organisations o WHERE o.path LIKE $3 || '%'))
       RETURNING ${COLUMNS}`,
      [id, now, pathPrefix],
    );
    return rows[0] ? toView(rows[0]) : null;
  }
}

/** A notification just written, as the row stores it. */
function writtenView(id: string, n: NewNotification, iso: (date: Date) => string): NotificationView {
  return { id, ...addressOf(n), title: n.title, body: n.body, createdAt: iso(n.createdAt), readAt: null };
}

/** The title and body as the insert statements' columns. */
function textOf(n: Pick<NewNotification, 'title' | 'body'>): { titleVi: string; titleEn: string; bodyVi: string; bodyEn: string } {
  return { titleVi: n.title.vi, titleEn: n.title.en, bodyVi: n.body.vi, bodyEn: n.body.en };
}

/** `Date#toISOString`, remembering the last Date it was given: the notifications of one firing batch share one. */
function isoOf(): (date: Date) => string {
  let last: Date | undefined;
  let text = '';
  return (date) => {
    if (date !== last) {
      last = date;
      text = date.toISOString();
    }
    return text;
  };
}

function toView(r: RawNotification): NotificationView {
  return {
    id: r.id,
    organisationId: r.organisation_id,
    role: r.role,
    caseId: r.case_id,
    deadlineId: r.deadline_id,
    kind: r.kind,
    phase: r.phase,
    dueOn: r.due_on,
    title: { vi: r.title_vi, en: r.title_en },
    body: { vi: r.body_vi, en: r.body_en },
    createdAt: r.created_at.toISOString(),
    readAt: r.read_at ? r.read_at.toISOString() : null,
  };
}
