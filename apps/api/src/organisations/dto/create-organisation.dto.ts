import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { ORGANISATION_KINDS, OrganisationKind } from '@charterflow/organisations';
import { IsId } from '../../common/validation/is-id.decorator';

export class CreateOrganisationDto {
  @ApiProperty({ example: 'Chi bộ Giáo viên', maxLength: 300 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  name: string;

  @ApiProperty({ enum: ORGANISATION_KINDS, example: 'cell' })
  @IsIn(ORGANISATION_KINDS)
  kind: OrganisationKind;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, description: 'The parent node; none for a province' })
  @IsOptional()
  @IsId()
  parentId?: string | null;

  @ApiPropertyOptional({ description: 'A grassroots committee authorised to decide admissions itself', default: false })
  @IsOptional()
  @IsBoolean()
  authorisedToAdmit?: boolean;
}

export class UpdateOrganisationDto {
  @ApiPropertyOptional({ example: 'Chi bộ Giáo viên', maxLength: 300 })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  name?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Move the node (with its subtree) under this parent' })
  @IsOptional()
  @IsId()
  parentId?: string;
}
