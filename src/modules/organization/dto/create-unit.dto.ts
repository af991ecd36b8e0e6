import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { UNIT_KINDS, UnitKind } from '../unit.entity';

export class CreateUnitDto {
  @ApiProperty({ example: 'TTKC' })
  @IsString()
  @Matches(/^[A-Za-z0-9_.-]{1,32}$/, { context: { vi: 'gồm 1–32 chữ cái không dấu, chữ số, "_", "." hoặc "-"' } })
  code: string;

  @ApiProperty({ example: 'Trung tâm Khuyến công' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @ApiProperty({ enum: UNIT_KINDS })
  @IsIn(UNIT_KINDS)
  kind: UnitKind;

  @ApiPropertyOptional({ description: 'Đơn vị cấp trên' })
  @IsOptional()
  @IsString()
  @MaxLength(26)
  parentId?: string;
}
