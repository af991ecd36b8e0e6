import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export class VerifyClassificationDto {
  @ApiPropertyOptional({ example: 2, description: 'classificationVersion đã xem; khác phiên bản hiện tại (chủ cơ sở vừa sửa) thì 409' })
  @IsOptional()
  @IsInt()
  @Min(0)
  // The column is an INT: a larger version cannot exist.
  @Max(2147483647)
  classificationVersion?: number;
}
