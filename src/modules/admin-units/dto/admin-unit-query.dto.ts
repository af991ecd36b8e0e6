import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches } from 'class-validator';

export class AdminUnitQuery {
  @ApiPropertyOptional({ example: '86', description: 'Mã tỉnh, thành phố (2 chữ số): liệt kê các xã, phường, đặc khu của tỉnh đó; bỏ trống: 34 tỉnh, thành phố' })
  @IsOptional()
  @IsString()
  @Matches(/^\d{2}$/, { context: { vi: 'mã tỉnh, thành phố gồm 2 chữ số, ví dụ 86' } })
  provinceCode?: string;
}
