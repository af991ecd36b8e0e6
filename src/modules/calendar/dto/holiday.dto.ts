import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsCalendarDate, IsFiscalYear } from '../../../common/http/validators';

const toInt = ({ value }: { value: unknown }) => (typeof value === 'string' && /^\d+$/.test(value) ? Number.parseInt(value, 10) : value);

// Required fields end with @IsNotEmpty(): checks run bottom-up and stop at the first failure.

export class CreateHolidayDto {
  @ApiProperty({ example: '2026-04-30', description: 'Ngày nghỉ (thứ Hai đến thứ Sáu; thứ Bảy, Chủ nhật vốn đã là ngày nghỉ)' })
  @IsCalendarDate()
  @IsNotEmpty()
  date: string;

  @ApiProperty({ example: 'Ngày Chiến thắng' })
  @IsString()
  @MaxLength(200)
  @IsNotEmpty()
  name: string;
}

export class HolidayQuery {
  @ApiPropertyOptional({ example: 2026, description: 'Năm dương lịch; mặc định năm nay' })
  @IsOptional()
  @Transform(toInt)
  @IsFiscalYear()
  year?: number;
}
