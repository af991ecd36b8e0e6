import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches } from 'class-validator';
import { PageQuery } from '../../../common/http/page';
import { TAX_CODE_PATTERN } from './tax-code';

export class EstablishmentQuery extends PageQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Matches(TAX_CODE_PATTERN, { context: { vi: 'mã số thuế phải gồm 10 chữ số, hoặc 10 chữ số-3 chữ số (chi nhánh)' } })
  taxCode?: string;
}
