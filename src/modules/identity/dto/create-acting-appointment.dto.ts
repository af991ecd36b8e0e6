import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsCalendarDate, IsNotBefore } from '../../../common/http/validators';

export const ACTING_TO_BEFORE_FROM = 'không được trước ngày bắt đầu giao quyền';

export class CreateActingAppointmentDto {
  @ApiProperty({ description: 'Lãnh đạo Sở được giao quyền Giám đốc' })
  @IsString()
  @MaxLength(26)
  @IsNotEmpty()
  userId: string;

  @ApiProperty({ example: '2026-12-01', description: 'Ngày bắt đầu (tính cả ngày này, giờ Việt Nam)' })
  @IsCalendarDate()
  validFrom: string;

  @ApiProperty({ example: '2027-03-31', description: 'Ngày kết thúc (tính cả ngày này, giờ Việt Nam)' })
  @IsNotBefore('validFrom', ACTING_TO_BEFORE_FROM)
  @IsCalendarDate()
  validTo: string;

  @ApiPropertyOptional({ example: '123/QĐ-UBND', description: 'Số quyết định giao quyền' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  decisionNo?: string;

  @ApiProperty({ example: 'Giám đốc Sở nghỉ hưu, chờ bổ nhiệm' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason: string;
}
