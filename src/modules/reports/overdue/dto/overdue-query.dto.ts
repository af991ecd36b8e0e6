import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { IsFiscalYear } from '../../../../common/http/validators';
import { ReportFormatQuery } from '../../../../rendering/report/report-format';

const toInt = ({ value }: { value: unknown }) => (typeof value === 'string' && /^\d+$/.test(value) ? Number.parseInt(value, 10) : value);

/** `format` (pdf, csv, xlsx; json when absent) comes from ReportFormatQuery. */
export class OverdueQuery extends ReportFormatQuery {
  @ApiPropertyOptional({ description: 'Chỉ đơn vị này (đơn vị chủ trì hồ sơ hoặc đơn vị được xin ý kiến)' })
  @IsOptional()
  @IsString()
  @MaxLength(26)
  unitId?: string;

  @ApiPropertyOptional({ example: 2026 })
  @IsOptional()
  @Transform(toInt)
  @IsFiscalYear()
  fiscalYear?: number;
}
