import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches } from 'class-validator';
import { IsCalendarDate } from '../../../../common/http/validators';
import { ReportFormatQuery } from '../../../../rendering/report/report-format';

export class PeriodReportQuery extends ReportFormatQuery {
  @ApiProperty({ example: '2026-01-01', description: 'Ngày đầu kỳ (theo giờ Việt Nam)' })
  @IsCalendarDate()
  from: string;

  @ApiProperty({ example: '2026-06-30', description: 'Ngày cuối kỳ, tính cả ngày này' })
  @IsCalendarDate()
  to: string;

  @ApiPropertyOptional({ description: 'Chỉ số liệu của đơn vị này' })
  @IsOptional()
  @IsString()
  @Matches(/^[0-9A-HJKMNP-TV-Z]{26}$/, { context: { vi: 'không phải mã đơn vị hợp lệ' } })
  unitId?: string;
}
