import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional } from 'class-validator';
import { IsFiscalYear } from '../../../../common/http/validators';

const toInt = ({ value }: { value: unknown }) => (typeof value === 'string' && /^\d+$/.test(value) ? Number.parseInt(value, 10) : value);

export const GRANTS_FORMATS = ['json', 'csv'] as const;

export class GrantsQuery {
  @ApiPropertyOptional({ example: 2026, description: 'Năm ngân sách; bỏ trống: mọi năm' })
  @IsOptional()
  @Transform(toInt)
  @IsFiscalYear()
  fiscalYear?: number;

  @ApiPropertyOptional({ enum: GRANTS_FORMATS, default: 'json', description: 'json (chuẩn 360Giving, mặc định) hoặc csv (bảng tính 360Giving, UTF-8 có BOM)' })
  @IsOptional()
  @IsIn(GRANTS_FORMATS)
  format?: (typeof GRANTS_FORMATS)[number];
}
