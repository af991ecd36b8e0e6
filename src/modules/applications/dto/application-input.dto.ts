import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { IsCalendarDate, IsFiscalYear, IsMoneyString, IsNotBefore, IsQuantity } from '../../../common/http/validators';

// Required fields end with @IsNotEmpty(): with stopAtFirstError, class-validator checks the
// decorators bottom-up, so a missing value reads "không được để trống" rather than a length error.

export const CODE_PATTERN = /^[A-Za-z0-9_.-]{1,64}$/;
export const COMMUNE_CODE_PATTERN = /^[0-9A-Za-z]{1,16}$/;

export class CostLineDto {
  @ApiProperty({ example: 'Máy sấy nông sản 500 kg/mẻ' })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  @IsNotEmpty()
  description: string;

  @ApiProperty({ example: '2' })
  @IsQuantity()
  @IsNotEmpty()
  quantity: string;

  @ApiProperty({ example: '450000000' })
  @IsMoneyString()
  @IsNotEmpty()
  unitPrice: string;

  @ApiProperty({ description: 'Khoản chi được hỗ trợ (true) hay do cơ sở tự chi (false)' })
  @IsBoolean()
  @IsNotEmpty()
  eligible: boolean;
}

/** A new file (draft). Only what identifies it is required now; submission checks the rest. */
export class CreateApplicationDto {
  @ApiProperty()
  @IsString()
  @MaxLength(26)
  @IsNotEmpty()
  establishmentId: string;

  @ApiProperty({ example: 'demo_model' })
  @IsString()
  @Matches(CODE_PATTERN, { context: { vi: 'mã loại hoạt động không hợp lệ' } })
  @IsNotEmpty()
  activityTypeCode: string;

  @ApiProperty({ example: 2026 })
  @IsFiscalYear()
  @IsNotEmpty()
  fiscalYear: number;

  @ApiProperty({ example: 'KCDP' })
  @IsString()
  @Matches(CODE_PATTERN, { context: { vi: 'mã nguồn kinh phí không hợp lệ' } })
  @IsNotEmpty()
  fundCode: string;

  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  @IsNotEmpty()
  title: string;

  @ApiPropertyOptional({ example: '29263' })
  @IsOptional()
  @IsString()
  @Matches(COMMUNE_CODE_PATTERN, { context: { vi: 'mã xã gồm 1–16 chữ số hoặc chữ cái' } })
  communeCode?: string;

  @ApiPropertyOptional({ example: '2026-03-01' })
  @IsOptional()
  @IsCalendarDate()
  startDate?: string;

  @ApiPropertyOptional({ example: '2026-09-30' })
  @IsOptional()
  @IsNotBefore('startDate', 'không được trước ngày bắt đầu')
  @IsCalendarDate()
  endDate?: string;

  @ApiPropertyOptional({ type: [CostLineDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => CostLineDto)
  costLines?: CostLineDto[];

  @ApiPropertyOptional({ example: '750000000' })
  @IsOptional()
  @IsMoneyString()
  requestedSupport?: string;

  @ApiPropertyOptional({
    description:
      'Đợt tiếp nhận hồ sơ (GET /calls?open=true): loại hoạt động, nguồn kinh phí và năm phải đúng của đợt (400 nêu trường); chỉ nộp được trong thời gian của đợt (409 CALL_CLOSED)',
  })
  @IsOptional()
  @IsString()
  @MaxLength(26)
  callId?: string;
}

/**
 * A change to a draft or a file returned for supplement; cost lines, when given, replace the old
 * ones. `null` clears communeCode, startDate, endDate, requestedSupport or callId.
 */
export class UpdateApplicationDto extends PartialType(CreateApplicationDto) {}

/** What a PATCH body may hold once validated: each field absent, null, or of its type. */
export type ApplicationChanges = { [K in keyof UpdateApplicationDto]?: UpdateApplicationDto[K] | null };
