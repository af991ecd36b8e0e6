import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  ArrayUnique,
  IsArray,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
} from 'class-validator';
import { IsCalendarDate, IsMoneyString, IsNotBefore } from '../../../common/http/validators';

/** A delegation's window runs forwards (checked with the other fields, and again by the service). */
export const VALID_TO_BEFORE_FROM = 'không được trước ngày bắt đầu ủy quyền';
import { DELEGATION_SCOPES, type DelegationScope } from '../delegation.entity';

/**
 * Activity types one delegation may name: stored comma-joined in a VARCHAR(1000), so 30 codes of
 * up to 32 characters (989 with the commas) always fit.
 */
export const MAX_DELEGATED_ACTIVITY_TYPES = 30;

export class CreateDelegationDto {
  @ApiProperty({ description: 'Người nhận ủy quyền' })
  @IsString()
  @MaxLength(26)
  @IsNotEmpty()
  toUserId: string;

  @ApiPropertyOptional({
    enum: DELEGATION_SCOPES,
    default: 'decision',
    description: 'decision: lãnh đạo ủy quyền quyết định; routine: trưởng đơn vị ủy quyền công việc thường xuyên (giao xử lý, ký tắt) cho thành viên của đơn vị',
  })
  @IsOptional()
  @IsIn(DELEGATION_SCOPES, { context: { vi: 'phải là "decision" hoặc "routine"' } })
  scope?: DelegationScope;

  @ApiProperty({ example: '2026-12-01', description: 'Ngày bắt đầu (tính cả ngày này, giờ Việt Nam)' })
  @IsCalendarDate()
  validFrom: string;

  @ApiProperty({ example: '2026-12-15', description: 'Ngày kết thúc (tính cả ngày này, giờ Việt Nam)' })
  @IsNotBefore('validFrom', VALID_TO_BEFORE_FROM)
  @IsCalendarDate()
  validTo: string;

  @ApiPropertyOptional({ example: '300000000', description: 'Số tiền hỗ trợ tối đa được quyết định' })
  @IsOptional()
  @IsMoneyString()
  maxAmount?: string;

  @ApiPropertyOptional({ example: 'VND', default: 'VND', description: 'Đơn vị tiền của maxAmount' })
  @IsOptional()
  @Matches(/^[A-Z]{3}$/, { context: { vi: 'phải là mã tiền tệ 3 chữ cái in hoa, ví dụ "VND"' } })
  currency?: string;

  @ApiPropertyOptional({ type: [String], description: 'Chỉ các loại hoạt động này; bỏ trống là mọi loại' })
  @IsOptional()
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(MAX_DELEGATED_ACTIVITY_TYPES)
  @ArrayUnique()
  @Matches(/^[A-Za-z0-9_.-]{1,32}$/, { each: true, context: { vi: 'mã loại hoạt động không hợp lệ' } })
  activityTypeCodes?: string[];

  @ApiProperty({ example: 'Giám đốc đi công tác nước ngoài' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason: string;
}
