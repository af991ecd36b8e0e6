import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsBoolean, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { ESTABLISHMENT_KIND_LABELS } from '../../establishments/establishments.labels';
import { IsCalendarDate, IsMoneyString, IsRate } from '../../../common/http/validators';
import { CURRENCY_PATTERN } from '../../../common/money/currency';
import { FUND_SOURCES, FundSource } from '../../ledger/ledger.types';
import { DOCUMENT_KINDS } from '../catalogue.labels';

// Required fields end with @IsNotEmpty(): with stopAtFirstError, class-validator checks the
// decorators bottom-up, so a missing value reads "không được để trống" rather than a length error.

export const ACTIVITY_CODE_PATTERN = /^[a-z][a-z0-9_]{1,63}$/;

/** The kinds of establishment a rule may name (the establishments' own list). */
export const ELIGIBLE_KINDS = Object.keys(ESTABLISHMENT_KIND_LABELS);

/** Who a version of the rule supports (đúng đối tượng); each condition is optional. */
export class EligibilityDto {
  @ApiPropertyOptional({ enum: ELIGIBLE_KINDS, isArray: true, description: 'Loại hình cơ sở được hỗ trợ; bỏ trống: mọi loại hình' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(ELIGIBLE_KINDS.length)
  @ArrayUnique()
  @IsIn(ELIGIBLE_KINDS, { each: true })
  establishmentKinds?: string[];

  @ApiPropertyOptional({ example: '300000000', description: 'Tổng kinh phí tối đa một cơ sở được phê duyệt cho hoạt động này trong một năm ngân sách, tính bằng capCurrency' })
  @IsOptional()
  @IsMoneyString()
  maxSupportPerEstablishmentPerYear?: string;

  @ApiPropertyOptional({ default: false, description: 'Hồ sơ phải ghi mã xã, phường, đặc khu nơi thực hiện' })
  @IsOptional()
  @IsBoolean()
  requiresCommuneCode?: boolean;
}

export class CreateActivityTypeDto {
  @ApiProperty({ example: 'demo_model' })
  @IsString()
  @Matches(ACTIVITY_CODE_PATTERN, { context: { vi: 'mã gồm chữ thường, chữ số và dấu gạch dưới, bắt đầu bằng chữ cái' } })
  @IsNotEmpty()
  code: string;

  @ApiProperty({ example: 'Xây dựng mô hình trình diễn kỹ thuật' })
  @IsString()
  @MinLength(1)
  @MaxLength(255)
  @IsNotEmpty()
  name: string;

  @ApiPropertyOptional({ enum: FUND_SOURCES, description: 'Bỏ trống: áp dụng cho mọi nguồn kinh phí' })
  @IsOptional()
  @IsIn(FUND_SOURCES)
  fundSource?: FundSource;

  @ApiProperty({ example: '0.3' })
  @IsRate()
  @IsNotEmpty()
  supportRate: string;

  @ApiProperty({ example: '1000000000', description: 'Mức hỗ trợ tối đa, tính bằng capCurrency' })
  @IsMoneyString()
  @IsNotEmpty()
  supportCap: string;

  @ApiPropertyOptional({ example: 'VND', default: 'VND', description: 'Loại tiền của mức hỗ trợ tối đa' })
  @IsOptional()
  @Matches(CURRENCY_PATTERN, { context: { vi: 'mã tiền tệ ISO 4217 gồm 3 chữ in hoa (VND, USD, …)' } })
  capCurrency?: string;

  @ApiProperty({ example: '0.7' })
  @IsRate()
  @IsNotEmpty()
  advanceRate: string;

  @ApiPropertyOptional({ example: 15, default: 15 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(365)
  settlementDueDays?: number;

  @ApiProperty({ example: '2026-01-01' })
  @IsCalendarDate()
  @IsNotEmpty()
  effectiveFrom: string;

  @ApiPropertyOptional({
    enum: DOCUMENT_KINDS,
    isArray: true,
    example: ['business_license', 'quotation'],
    description: 'Loại tài liệu hồ sơ phải có trước khi nộp; bỏ trống: không bắt buộc tài liệu nào',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(DOCUMENT_KINDS.length)
  @IsIn(DOCUMENT_KINDS, { each: true })
  requiredDocumentKinds?: string[];

  @ApiPropertyOptional({ type: EligibilityDto, description: 'Điều kiện về đối tượng được hỗ trợ; kiểm tra khi nộp hồ sơ (409 NOT_ELIGIBLE nêu mọi lý do)' })
  @IsOptional()
  @ValidateNested()
  @Type(() => EligibilityDto)
  eligibility?: EligibilityDto;
}
