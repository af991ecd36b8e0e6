import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches } from 'class-validator';
import { ReportFormatQuery } from '../../../../rendering/report/report-format';

export class AnnualReportQuery extends ReportFormatQuery {
  @ApiPropertyOptional({ description: 'Chỉ số liệu của đơn vị này' })
  @IsOptional()
  @IsString()
  @Matches(/^[0-9A-HJKMNP-TV-Z]{26}$/, { context: { vi: 'không phải mã đơn vị hợp lệ' } })
  unitId?: string;
}
