import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { IsCalendarDate, IsMoneyString, IsRate } from '../../../common/http/validators';
import { FUND_SOURCES, FundSource } from '../activity-rule.entity';

export const ACTIVITY_CODE_PATTERN = /^[a-z][a-z0-9_]{1,63}$/;

export class CreateActivityTypeDto {
  @ApiProperty({ example: 'demo_model' })
  @IsString()
  @Matches(ACTIVITY_CODE_PATTERN, { context: { vi: 'mã gồm chữ thường, chữ số và dấu gạch dưới, bắt đầu bằng chữ cái' } })
  code: string;

  @ApiProperty({ example: 'Xây dựng mô hình trình diễn kỹ thuật' })
  @IsString()
  @MinLength(1)
  @MaxLength(255)
  name: string;

  @ApiPropertyOptional({ enum: FUND_SOURCES, description: 'Bỏ trống: áp dụng cho mọi nguồn kinh phí' })
  @IsOptional()
  @IsIn(FUND_SOURCES)
  fundSource?: FundSource;

  @ApiProperty({ example: '0.3' })
  @IsRate()
  supportRate: string;

  @ApiProperty({ example: '1000000000', description: 'Mức hỗ trợ tối đa (đồng)' })
  @IsMoneyString()
  supportCap: string;

  @ApiProperty({ example: '0.7' })
  @IsRate()
  advanceRate: string;

  @ApiPropertyOptional({ example: 15, default: 15 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(365)
  settlementDueDays?: number;

  @ApiProperty({ example: '2026-01-01' })
  @IsCalendarDate()
  effectiveFrom: string;
}
