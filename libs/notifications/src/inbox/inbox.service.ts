import { Injectable } from '@nestjs/common';
import { OrganisationsService } from '@charterflow/organisations';
import { Scope, WHOLE_TREE } from '@charterflow/organisations';
import { decodeInboxCursor, encodeInboxCursor } from './inbox-cursor';
import { InboxRepository } from './inbox.repository';
import { InboxFilter, NotificationPage, NotificationView } from './notification';
import { canonicalId, Clock, DomainException, FieldError, isUuid } from '@charterflow/kernel';

export const DEFAULT_INBOX_PAGE_SIZE = 50;
export const MAX_INBOX_PAGE_SIZE = 200;

/** The notifications inbox of an organisation (per role), newest first, and marking a notification read. */
@Injectable()
export class InboxService {
  constructor(
    private readonly notifications: InboxRepository,
    private readonly organisations: OrganisationsService,
    private readonly clock: Clock,
  ) {}

  /** The inbox of one organisation in `scope` (NOT_FOUND outside it), or of every organisation in `scope`. */
  async list(filter: InboxFilter, scope: Scope = WHOLE_TREE): Promise<NotificationPage> {
    const fields: FieldError[] = [];
    if (filter.organisationId !== undefined && !isUuid(filter.organisationId)) {
      fields.push({ field: 'organisationId', message: 'organisationId must be a UUID' });
    }
    const limit = filter.limit ?? DEFAULT_INBOX_PAGE_SIZE;
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_INBOX_PAGE_SIZE) fields.push({ field: 'limit', message: `limit must be a whole number from 1 to ${MAX_INBOX_PAGE_SIZE}` });
    if (fields.length) throw DomainException.validation(fields);
    const after = filter.cursor !== undefined ? decodeInboxCursor(filter.cursor) : undefined;
    if (filter.organisationId !== undefined) await this.organisations.get(filter.organisationId, scope);

    const rows = await this.notifications.find({
      organisationId: filter.organisationId,
      pathPrefix: filter.organisationId === undefined ? scope.pathPrefix : null,
      role: filter.role,
      unread: filter.unread,
      after,
      limit: limit + 1,
    });
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    return { items, nextCursor: rows.length > limit ? encodeInboxCursor({ createdAt: last.createdAt, id: last.id }) : null };
  }

  /** Marks a notification read (idempotent: the first reading time is kept). NOT_FOUND when unknown or outside `scope`. */
  async markRead(id: string, scope: Scope = WHOLE_TREE): Promise<NotificationView> {
    const canonical = canonicalId(id);
    const view = canonical ? await this.notifications.markRead(canonical, this.clock.now(), scope.pathPrefix) : null;
    if (!view) throw DomainException.notFound('Notification', id);
    return view;
  }
}
