import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { PASSWORD_MAX_LENGTH } from '@charterflow/access';
import { ROLES, Role } from '@charterflow/procedure';
import { IsId } from '../../common/validation/is-id.decorator';

export class UserDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'bithu.chibo1' }) username: string;
  @ApiProperty({ format: 'uuid', nullable: true, description: 'null: the whole tree (the bootstrap admin)' }) organisationId: string | null;
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
  @ApiProperty({ format: 'uuid', nullable: true }) organisationId: string | null;
  @ApiProperty({ enum: ROLES, isArray: true }) roles: Role[];
}
