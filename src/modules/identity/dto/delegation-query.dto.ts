import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageQuery } from '../../../common/http/page';

export class DelegationQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['given', 'received'], description: 'Ủy quyền mình đã giao hoặc đã nhận' })
  @IsOptional()
  @IsIn(['given', 'received'])
  direction?: 'given' | 'received';
}
