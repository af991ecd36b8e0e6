import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQuery } from '../../../common/http/page';
import { UNIT_KINDS, UnitKind } from '../unit.entity';

export class UnitQuery extends PageQuery {
  @ApiPropertyOptional({ enum: UNIT_KINDS }) @IsOptional() @IsIn(UNIT_KINDS) kind?: UnitKind;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(26) parentId?: string;
}
