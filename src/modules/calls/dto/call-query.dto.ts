import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional } from 'class-validator';
import { PageQuery } from '../../../common/http/page';
import { IsFiscalYear } from '../../../common/http/validators';

const toInt = ({ value }: { value: unknown }) => (typeof value === 'string' && /^\d+$/.test(value) ? Number.parseInt(value, 10) : value);

export class CallQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'true: các đợt đang nhận hồ sơ hôm nay; false: các đợt chưa mở hoặc đã kết thúc' })
  @IsOptional()
  @IsIn(['true', 'false'])
  open?: 'true' | 'false';

  @ApiPropertyOptional({ example: 2026 })
  @IsOptional()
  @Transform(toInt)
  @IsFiscalYear()
  fiscalYear?: number;
}
