import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsNotEmpty, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { IsCalendarDate, IsFiscalYear, IsNotBefore } from '../../../common/http/validators';
import { ACTIVITY_CODE_PATTERN } from '../../catalogue/dto/create-activity-type.dto';

/** A fund's code, as the budget takes it. */
const FUND_CODE_PATTERN = /^[A-Za-z0-9_.-]{1,32}$/;

// Required fields end with @IsNotEmpty(): with stopAtFirstError, class-validator checks the
// decorators bottom-up, so a missing value reads "không được để trống" rather than a length error.

/** The most activity types one call covers (the catalogue holds about a dozen). */
export const MAX_CALL_ACTIVITIES = 20;

export class CreateCallDto {
  @ApiProperty({ example: 'Đợt 1 năm 2026: hỗ trợ ứng dụng máy móc tiên tiến' })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  @IsNotEmpty()
  title: string;

  @ApiProperty({ example: 2026 })
  @IsFiscalYear()
  @IsNotEmpty()
  fiscalYear: number;

  @ApiProperty({ example: 'KCDP' })
  @IsString()
  @Matches(FUND_CODE_PATTERN, { context: { vi: 'mã nguồn kinh phí không hợp lệ' } })
  @IsNotEmpty()
  fundCode: string;

  @ApiProperty({ example: ['machinery', 'demo_model'], description: 'Các loại hoạt động đợt này nhận hồ sơ' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_CALL_ACTIVITIES)
  @ArrayUnique()
  @IsString({ each: true })
  @Matches(ACTIVITY_CODE_PATTERN, { each: true, context: { vi: 'mã loại hoạt động không hợp lệ' } })
  @IsNotEmpty()
  activityTypeCodes: string[];

  @ApiProperty({ example: '2026-03-01', description: 'Ngày bắt đầu nhận hồ sơ' })
  @IsCalendarDate()
  @IsNotEmpty()
  opensOn: string;

  @ApiProperty({ example: '2026-04-30', description: 'Ngày cuối cùng nhận hồ sơ (tính cả ngày này)' })
  @IsNotBefore('opensOn', 'không được trước ngày mở đợt')
  @IsCalendarDate()
  @IsNotEmpty()
  closesOn: string;
}
