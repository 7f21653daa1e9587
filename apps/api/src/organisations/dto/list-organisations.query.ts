import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';

export class ListOrganisationsQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only the children of this node' })
  @IsOptional()
  @IsUUID()
  parentId?: string;
}
