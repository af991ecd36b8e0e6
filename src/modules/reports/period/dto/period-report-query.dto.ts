import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches } from 'class-validator';
import { IsCalendarDate, IsNotBefore } from '../../../../common/http/validators';
import { ReportFormatQuery } from '../../../../rendering/report/report-format';

/** A period ends on or after its first day (checked with the other fields, and again by the rules). */
export const PERIOD_INVERTED = 'phải từ ngày đầu kỳ trở về sau';

export class PeriodReportQuery extends ReportFormatQuery {
  @ApiProperty({ example: '2026-01-01', description: 'Ngày đầu kỳ (theo giờ Việt Nam)' })
  @IsCalendarDate()
  from: string;

  @ApiProperty({ example: '2026-06-30', description: 'Ngày cuối kỳ, tính cả ngày này' })
  @IsNotBefore('from', PERIOD_INVERTED)
  @IsCalendarDate()
  to: string;

  @ApiPropertyOptional({ description: 'Chỉ số liệu của đơn vị này' })
  @IsOptional()
  @IsString()
  @Matches(/^[0-9A-HJKMNP-TV-Z]{26}$/, { context: { vi: 'không phải mã đơn vị hợp lệ' } })
  unitId?: string;
}
