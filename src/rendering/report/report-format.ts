import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';

export const REPORT_FORMATS = ['json', 'pdf', 'csv', 'xlsx'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** `?format=pdf|json|csv|xlsx` (json when absent), shared by every report's query. */
export class ReportFormatQuery {
  @ApiPropertyOptional({ enum: REPORT_FORMATS, default: 'json', description: 'Định dạng: json (mặc định), pdf, csv (UTF-8 có BOM) hoặc xlsx' })
  @IsOptional()
  @IsIn(REPORT_FORMATS)
  format?: ReportFormat;
}
