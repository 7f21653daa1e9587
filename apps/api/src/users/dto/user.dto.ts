import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { FULL_NAME_MAX_LENGTH, PASSWORD_MAX_LENGTH, TITLE_MAX_LENGTH } from '@charterflow/access';
import { ROLES, Role } from '@charterflow/procedure';
import { IsId } from '../../common/validation/is-id.decorator';
import { IsPersonName } from '../../common/validation/is-person-name.decorator';

const FULL_NAME_DOC = {
  example: 'Nguyễn Thị Lan',
  minLength: 1,
  maxLength: FULL_NAME_MAX_LENGTH,
  description: `The staff member's full name as the application and case histories show it: 1–${FULL_NAME_MAX_LENGTH} characters once trimmed (stored in Unicode NFC, white space collapsed)`,
};
const TITLE_DOC = {
  example: 'Bí thư chi bộ',
  maxLength: TITLE_MAX_LENGTH,
  nullable: true,
  description: `The post held, at most ${TITLE_MAX_LENGTH} characters; null or blank: none`,
};

export class UserDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'bithu.chibo1' }) username: string;
  @ApiProperty(FULL_NAME_DOC) fullName: string;
  @ApiProperty({ ...TITLE_DOC, type: String }) title: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, description: 'null: the whole tree (the bootstrap admin)' }) organisationId: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'Chi bộ Giáo viên', description: 'The current name of that organisation; null over the whole tree' })
  organisationName: string | null;
  @ApiProperty({ enum: ROLES, isArray: true }) roles: Role[];
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) passwordChangedAt: string;
}

export class CreateUserDto {
  @ApiProperty({ example: 'bithu.chibo1', pattern: '^[A-Za-z0-9._-]{3,64}$' })
  @IsString()
  @Matches(/^[A-Za-z0-9._-]{3,64}$/, { message: 'username must be 3–64 letters, digits, dots, underscores or hyphens' })
  username: string;

  @ApiProperty({ format: 'password', minLength: 8, maxLength: PASSWORD_MAX_LENGTH })
  @IsString()
  @MaxLength(PASSWORD_MAX_LENGTH)
  password: string;

  @ApiProperty(FULL_NAME_DOC)
  @IsPersonName('fullName', { required: true })
  fullName: string;

  @ApiPropertyOptional({ ...TITLE_DOC, type: String })
  @IsPersonName('title', { required: false })
  title?: string | null;

  @ApiProperty({ format: 'uuid', description: 'The organisation the account acts for; it sees and acts in its subtree' })
  @IsId()
  organisationId: string;

  @ApiProperty({ enum: ROLES, isArray: true, example: ['cell_secretary'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(ROLES.length)
  @IsIn(ROLES, { each: true })
  roles: Role[];
}

export class UpdateUserDto {
  @ApiPropertyOptional(FULL_NAME_DOC)
  @IsPersonName('fullName', { required: false })
  fullName?: string;

  @ApiPropertyOptional({ ...TITLE_DOC, type: String, description: `${TITLE_DOC.description}; null removes it` })
  @IsPersonName('title', { required: false })
  title?: string | null;

  @ApiPropertyOptional({ enum: ROLES, isArray: true, example: ['cell_secretary'], description: "Replaces the roles; they must fit the organisation's kind. Not your own account's" })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(ROLES.length)
  @IsIn(ROLES, { each: true })
  roles?: Role[];
}

export class ResetPasswordDto {
  @ApiProperty({ format: 'password', minLength: 8, maxLength: PASSWORD_MAX_LENGTH })
  @IsString()
  @MaxLength(PASSWORD_MAX_LENGTH)
  password: string;
}

export class ListUsersQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsId()
  organisationId?: string;
}

export class LoginAnswerDto {
  @ApiProperty() accessToken: string;
  @ApiProperty({ enum: ['Bearer'] }) tokenType: 'Bearer';
  @ApiProperty({ format: 'date-time' }) expiresAt: string;
  @ApiProperty({ type: UserDto }) user: UserDto;
}

export class MeDto {
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty() username: string;
  @ApiProperty(FULL_NAME_DOC) fullName: string;
  @ApiProperty({ ...TITLE_DOC, type: String }) title: string | null;
  @ApiProperty({ format: 'uuid', nullable: true }) organisationId: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'Chi bộ Giáo viên', description: "The name of the account's organisation; null over the whole tree" })
  organisationName: string | null;
  @ApiProperty({ enum: ROLES, isArray: true }) roles: Role[];
}
