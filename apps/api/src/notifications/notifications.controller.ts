import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InboxService, NotificationPage, NotificationView } from '@charterflow/notifications';
import { ApiErrors } from '../common/openapi/api-errors.decorator';
import { uuidParam } from '../common/validation/parse-uuid.pipe';
import { ListNotificationsQuery } from './dto/list-notifications.query';
import { NotificationDto, NotificationListDto } from './dto/notification.dto';
import type { Scope } from '@charterflow/organisations';
import { RequirePermission } from '../auth/access.decorators';
import { CurrentScope } from '../auth/current-principal.decorator';

@ApiTags('notifications')
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly inbox: InboxService) {}

  @Get()
  @RequirePermission('notifications.read')
  @ApiOperation({ summary: 'The inbox of an organisation: reminders, escalations and ends of probation, newest first' })
  @ApiOkResponse({ type: NotificationListDto })
  @ApiErrors(400)
  list(@Query() query: ListNotificationsQuery, @CurrentScope() scope: Scope): Promise<NotificationPage> {
    return this.inbox.list({ organisationId: query.organisationId, role: query.role, unread: query.unread, limit: query.limit, cursor: query.cursor }, scope);
  }

  @Post(':id/read')
  @RequirePermission('notifications.mark')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark a notification read (idempotent: the first reading time is kept)' })
  @ApiOkResponse({ type: NotificationDto })
  @ApiErrors(400, 404)
  markRead(@Param('id', uuidParam()) id: string, @CurrentScope() scope: Scope): Promise<NotificationView> {
    return this.inbox.markRead(id, scope);
  }
}
