import { Injectable } from '@nestjs/common';
import { DomainException, FieldError } from '@charterflow/database/errors/domain.exception';
import { Clock } from '@charterflow/cases/clock';
import { decodeInboxCursor, encodeInboxCursor } from './inbox-cursor';
import { InboxRepository } from './inbox.repository';
import { InboxFilter, NotificationPage, NotificationView } from './notification';

export const DEFAULT_INBOX_PAGE_SIZE = 50;
export const MAX_INBOX_PAGE_SIZE = 200;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The notifications inbox of an organisation (per role), newest first, and marking a notification read. */
@Injectable()
export class InboxService {
  constructor(
    private readonly notifications: InboxRepository,
    private readonly clock: Clock,
  ) {}

  async list(filter: InboxFilter): Promise<NotificationPage> {
    const fields: FieldError[] = [];
    if (typeof filter.organisationId !== 'string' || !UUID.test(filter.organisationId)) fields.push({ field: 'organisationId', message: 'organisationId must be a UUID' });
    const limit = filter.limit ?? DEFAULT_INBOX_PAGE_SIZE;
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_INBOX_PAGE_SIZE) fields.push({ field: 'limit', message: `limit must be a whole number from 1 to ${MAX_INBOX_PAGE_SIZE}` });
    if (fields.length) throw DomainException.validation(fields);
    const after = filter.cursor !== undefined ? decodeInboxCursor(filter.cursor) : undefined;

    const rows = await this.notifications.find({ organisationId: filter.organisationId, role: filter.role, unread: filter.unread, after, limit: limit + 1 });
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    return { items, nextCursor: rows.length > limit ? encodeInboxCursor({ createdAt: last.createdAt, id: last.id }) : null };
  }

  /** Marks a notification read (idempotent: the first reading time is kept). NOT_FOUND for an unknown id. */
  async markRead(id: string): Promise<NotificationView> {
    const view = UUID.test(id) ? await this.notifications.markRead(id, this.clock.now()) : null;
    if (!view) throw DomainException.notFound('Notification', id);
    return view;
  }
}
