import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { DEADLINE_AUDIT_STATUSES, DeadlineAuditStatus } from '@charterflow/audit';
import { DEADLINE_KINDS } from '@charterflow/procedure';
import { IsBusinessDate } from '../../common/validation/is-business-date.decorator';
import { IsId } from '../../common/validation/is-id.decorator';

export class DeadlineAuditQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'An organisation of your subtree (default: your whole subtree)' })
  @IsOptional()
  @IsId()
  organisationId?: string;

  @ApiPropertyOptional({ enum: DEADLINE_AUDIT_STATUSES, default: 'missed', description: '`missed`: closed late, marked missed, or still open past the limit' })
  @IsOptional()
  @IsIn(DEADLINE_AUDIT_STATUSES)
  status?: DeadlineAuditStatus;

  @ApiPropertyOptional({ enum: DEADLINE_KINDS })
  @IsOptional()
  @IsIn(DEADLINE_KINDS)
  kind?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Due on or after' })
  @IsOptional()
  @IsBusinessDate()
  dueFrom?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Due on or before' })
  @IsOptional()
  @IsBusinessDate()
  dueTo?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;

  @ApiPropertyOptional({ enum: ['json', 'csv'], default: 'json', description: '`csv`: every item of the filter, for a spreadsheet' })
  @IsOptional()
  @IsIn(['json', 'csv'])
  format?: 'json' | 'csv';

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  cursor?: string;
}
