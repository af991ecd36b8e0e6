import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional } from 'class-validator';
import { IsFiscalYear } from '../../../../common/http/validators';

const toInt = ({ value }: { value: unknown }) => (typeof value === 'string' && /^\d+$/.test(value) ? Number.parseInt(value, 10) : value);

export class GrantsQuery {
  @ApiPropertyOptional({ example: 2026, description: 'Năm ngân sách; bỏ trống: mọi năm' })
  @IsOptional()
  @Transform(toInt)
  @IsFiscalYear()
  fiscalYear?: number;
}
