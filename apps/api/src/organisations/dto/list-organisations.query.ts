import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsId } from '../../common/validation/is-id.decorator';

export class ListOrganisationsQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only the children of this node' })
  @IsOptional()
  @IsId()
  parentId?: string;
}
