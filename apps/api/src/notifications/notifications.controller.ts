import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InboxService, NotificationPage, NotificationView } from '@charterflow/notifications';
import { ApiErrors } from '../common/openapi/api-errors.decorator';
import { uuidParam } from '../common/validation/parse-uuid.pipe';
import { ListNotificationsQuery } from './dto/list-notifications.query';
import { NotificationDto, NotificationListDto } from './dto/notification.dto';

@ApiTags('notifications')
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly inbox: InboxService) {}

  @Get()
  @ApiOperation({ summary: 'The inbox of an organisation: reminders, escalations and ends of probation, newest first' })
  @ApiOkResponse({ type: NotificationListDto })
  @ApiErrors(400)
  list(@Query() query: ListNotificationsQuery): Promise<NotificationPage> {
    return this.inbox.list({ organisationId: query.organisationId, role: query.role, unread: query.unread, limit: query.limit, cursor: query.cursor });
  }

  @Post(':id/read')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark a notification read (idempotent: the first reading time is kept)' })
  @ApiOkResponse({ type: NotificationDto })
  @ApiErrors(400, 404)
  markRead(@Param('id', uuidParam()) id: string): Promise<NotificationView> {
    return this.inbox.markRead(id);
  }
}
