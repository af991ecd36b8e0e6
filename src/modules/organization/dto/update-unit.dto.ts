import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, MaxLength, ValidateIf } from 'class-validator';

/** Only what is sent changes; `parentId: null` makes the unit a root, `name: null` is refused. */
export class UpdateUnitDto {
  @ApiPropertyOptional({ example: 'Trung tâm Khuyến công và Tư vấn phát triển công nghiệp' })
  @ValidateIf((_, value) => value !== undefined)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ nullable: true, description: 'Đơn vị cấp trên mới; null: thành đơn vị gốc' })
  @IsOptional()
  @IsString()
  @MaxLength(26)
  @IsNotEmpty()
  parentId?: string | null;
}
