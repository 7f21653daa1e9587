import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { WebhookFanOut } from '../webhooks/webhook-fan-out';
import { InboxPosition } from './inbox-cursor';
import { addressOf, BilingualText, NewNotification, NotificationKind, NotificationView } from './notification';
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
   * the Date given, `due_on` the date). A title and body shared by several notifications (the same objects: a firing
   * writes the same text to every organisation it alerts) are sent once. The rows travel as `json`, not `jsonb`: read
   * once into columns, they need no binary form (a fifth less parsing for a burst's thousands of rows).
   */
  async insert(m: EntityManager, notifications: readonly NewNotification[]): Promise<NotificationView[]> {
    if (notifications.length === 0) return [];
    // A key named twice in one call is written once, from its first notification.
    const byKey = new Map<string, NewNotification>();
    for (const n of notifications) if (!byKey.has(n.dedupeKey)) byKey.set(n.dedupeKey, n);
    const texts: { titleVi: string; titleEn: string; bodyVi: string; bodyEn: string }[] = [];
    const textIndex = new Map<BilingualText, Map<BilingualText, number>>();
    const iso = isoOf();
    const rows = [];
    for (const n of byKey.values()) {
      let byBody = textIndex.get(n.title);
      if (!byBody) textIndex.set(n.title, (byBody = new Map<BilingualText, number>()));
      let text = byBody.get(n.body);
      if (text === undefined) {
        text = texts.push({ titleVi: n.title.vi, titleEn: n.title.en, bodyVi: n.body.vi, bodyEn: n.body.en }) - 1;
        byBody.set(n.body, text);
      }
      rows.push({ ...addressOf(n), text, createdAt: iso(n.createdAt), dedupeKey: n.dedupeKey });
    }
    const inserted: { id: string; dedupe_key: string }[] = await m.query(
      `INSERT INTO notifications (organisation_id, role, case_id, deadline_id, kind, phase, due_on, title_vi, title_en, body_vi, body_en, created_at, dedupe_key)
       SELECT r."organisationId", r.role, r."caseId", r."deadlineId", r.kind, r.phase, r."dueOn", t."titleVi", t."titleEn", t."bodyVi", t."bodyEn",
              r."createdAt", r."dedupeKey"
       FROM json_to_recordset($1::json) AS r("organisationId" uuid, role text, "caseId" uuid, "deadlineId" uuid, kind text, phase text, "dueOn" date,
            text int, "createdAt" timestamptz, "dedupeKey" text)
       JOIN ROWS FROM (json_to_recordset($2::json) AS ("titleVi" text, "titleEn" text, "bodyVi" text, "bodyEn" text)) WITH ORDINALITY
            AS t("titleVi", "titleEn", "bodyVi", "bodyEn", n) ON t.n = r.text + 1
       ON CONFLICT (dedupe_key) DO NOTHING
       RETURNING id, dedupe_key`,
      [JSON.stringify(rows), JSON.stringify(texts)],
    );
    const written = inserted.map(({ id, dedupe_key }) => writtenView(id, byKey.get(dedupe_key)!, iso));
    await this.webhooks.queue(m, written);
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
