import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsNotEmpty, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { IsBusinessDate } from '../../common/validation/is-business-date.decorator';
import { IsId } from '../../common/validation/is-id.decorator';

export class CalendarDayDto {
  @ApiProperty({ format: 'date', example: '2026-02-16' })
  @IsBusinessDate()
  date: string;

  @ApiProperty({ example: 'Tết Nguyên đán / Lunar New Year', description: 'Vietnamese first' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;
}

/** Body of `PUT /calendar/{year}`: the year's official arrangement, replacing what was in force. */
export class ReplaceCalendarYearDto {
  @ApiProperty({ type: [CalendarDayDto], description: 'Weekdays that are days off' })
  @IsArray()
  @ArrayMaxSize(120)
  @ValidateNested({ each: true })
  @Type(() => CalendarDayDto)
  daysOff: CalendarDayDto[];

  @ApiProperty({ type: [CalendarDayDto], description: 'Saturdays or Sundays that are make-up working days' })
  @IsArray()
  @ArrayMaxSize(60)
  @ValidateNested({ each: true })
  @Type(() => CalendarDayDto)
  workingDays: CalendarDayDto[];

  @ApiPropertyOptional({ example: 'Thông báo 6150/TB-BNV', description: 'Where the arrangement was announced' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  source?: string;
}

export class CalendarYearDto {
  @ApiProperty({ example: 2026 })
  year: number;

  @ApiProperty({ type: [CalendarDayDto] })
  daysOff: CalendarDayDto[];

  @ApiProperty({ type: [CalendarDayDto] })
  workingDays: CalendarDayDto[];

  @ApiProperty()
  source: string;

  @ApiProperty({ enum: ['national', 'province'], description: 'Whose arrangement of the year is in force: the national one, or the province’s own' })
  scope: 'national' | 'province';

  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'The province whose calendar this is (null: the national calendar)' })
  provinceId: string | null;
}

/** Whose calendar a request reads or changes. */
export class CalendarScopeQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsId()
  organisationId?: string;
}
