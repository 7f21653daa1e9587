import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { AREA_TYPES, AreaType, EDUCATION_LEVELS, EducationLevel, Gender, GENDERS } from '@charterflow/procedure';
import { IsBusinessDate } from '../../common/validation/is-business-date.decorator';

/** The person on the admission path (api.md "Cases"). Eligibility (age, education) is judged by the procedure. */
export class CandidateDto {
  @ApiProperty({ example: 'Nguyễn Thị Lan', maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  fullName: string;

  @ApiProperty({ example: '2001-04-12', format: 'date' })
  @IsBusinessDate()
  dateOfBirth: string;

  @ApiProperty({ enum: GENDERS })
  @IsIn(GENDERS)
  gender: Gender;

  @ApiProperty({ example: 'Kinh', maxLength: 100 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  ethnicity: string;

  @ApiPropertyOptional({ nullable: true, example: null, maxLength: 100 })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  religion?: string | null;

  @ApiProperty({ enum: EDUCATION_LEVELS })
  @IsIn(EDUCATION_LEVELS)
  education: EducationLevel;

  @ApiProperty()
  @IsBoolean()
  youthUnionMember: boolean;

  @ApiProperty()
  @IsBoolean()
  tradeUnionMember: boolean;

  @ApiProperty({ enum: AREA_TYPES, description: '`disadvantaged`: mountain, border, island, ethnic-minority, extremely disadvantaged area, or a fisherman at sea' })
  @IsIn(AREA_TYPES)
  areaType: AreaType;

  @ApiProperty({ example: 'worker', maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  occupation: string;
}
