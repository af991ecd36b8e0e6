import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min, MinLength, ValidateIf } from 'class-validator';
import { IsCalendarDate, IsExclusiveWith, IsMoneyString } from '../../../common/http/validators';

// Required fields end with @IsNotEmpty(): with stopAtFirstError, class-validator checks the
// decorators bottom-up, so a missing value reads "không được để trống" rather than a length error.

/** The most working days a due date may be counted ahead (about four months of office days). */
export const MAX_WORKING_DAYS = 90;

/** What `workingDays` means, for the API's documentation. */
const WORKING_DAYS_DOC =
  'Thay cho dueDate: hạn là ngày làm việc thứ n sau hôm nay, không kể thứ Bảy, Chủ nhật và ngày lễ trong lịch ngày lễ (gửi một trong hai trường)';

/**
 * A due date is given as a date or as a number of working days from today (exactly one of the
 * two): `dueDate` is required while `workingDays` is absent, and refused beside it.
 */
const onlyWithoutWorkingDays = ValidateIf((o: { workingDays?: unknown }) => o.workingDays == null);

export class AssignDto {
  @ApiProperty({ description: 'Chuyên viên chịu trách nhiệm' })
  @IsString()
  @MaxLength(26)
  @IsNotEmpty()
  officerId: string;

  @ApiProperty({ description: 'Đơn vị chủ trì' })
  @IsString()
  @MaxLength(26)
  @IsNotEmpty()
  leadUnitId: string;

  @ApiPropertyOptional({ example: '2026-04-30', description: 'Hạn xử lý (từ hôm nay trở đi); hoặc workingDays' })
  @onlyWithoutWorkingDays
  @IsCalendarDate()
  @IsNotEmpty()
  dueDate?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_WORKING_DAYS, example: 15, description: WORKING_DAYS_DOC })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_WORKING_DAYS)
  @IsExclusiveWith('dueDate')
  workingDays?: number;

  @ApiPropertyOptional({ description: 'Lý do (bắt buộc về nghiệp vụ khi đổi đơn vị chủ trì hoặc hạn xử lý)' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

export class ReturnDto {
  @ApiProperty({ description: 'Nội dung cần bổ sung' })
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  @IsNotEmpty()
  reason: string;

  @ApiPropertyOptional({ description: 'Hạn bổ sung (từ hôm nay trở đi); hoặc workingDays', example: '2026-04-15' })
  @onlyWithoutWorkingDays
  @IsCalendarDate()
  @IsNotEmpty()
  dueDate?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_WORKING_DAYS, example: 10, description: WORKING_DAYS_DOC })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_WORKING_DAYS)
  @IsExclusiveWith('dueDate')
  workingDays?: number;
}

export class ReasonDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string;
}

export class RequiredReasonDto {
  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  @IsNotEmpty()
  reason: string;
}

export class NoteDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

export class AppraisalDto {
  @ApiProperty({ minimum: 0, maximum: 100, example: 85 })
  @IsInt()
  @Min(0)
  @Max(100)
  @IsNotEmpty()
  score: number;

  @ApiProperty({ enum: ['approve', 'reject'] })
  @IsIn(['approve', 'reject'])
  @IsNotEmpty()
  recommendation: 'approve' | 'reject';

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  comment?: string;
}

export class RecommendDto {
  @ApiProperty({ example: '750000000' })
  @IsMoneyString()
  @IsNotEmpty()
  approvedSupport: string;

  @ApiProperty({ description: 'Đơn vị có kinh phí được phân bổ để cam kết cho đề án' })
  @IsString()
  @MaxLength(26)
  @IsNotEmpty()
  allocationUnitId: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;

  @ApiPropertyOptional({ description: 'Lý do đề xuất khi hồ sơ chưa có thẩm định (bắt buộc trong trường hợp đó; ghi vào tiến trình xử lý)' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  skipAppraisalReason?: string;
}

export class DecideDto {
  @ApiProperty({ enum: ['approve', 'reject'] })
  @IsIn(['approve', 'reject'])
  @IsNotEmpty()
  decision: 'approve' | 'reject';

  @ApiPropertyOptional({ example: '125/QĐ-SCT', description: 'Số quyết định đã lấy; để trống, sổ văn bản đi cấp số tiếp theo (12/QĐ-SCT)' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  @IsNotEmpty()
  decisionNo?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string;

  @ApiPropertyOptional({
    description: 'Đã xem xét ý kiến không đồng ý của đơn vị được xin ý kiến (bắt buộc khi hồ sơ có ý kiến không đồng ý; thiếu: 409 DISAGREEMENT_NOT_ACKNOWLEDGED)',
  })
  @IsOptional()
  @IsBoolean()
  acknowledgeDisagreement?: boolean;
}

export class ConsultDto {
  @ApiProperty({ description: 'Đơn vị được xin ý kiến' })
  @IsString()
  @MaxLength(26)
  @IsNotEmpty()
  unitId: string;

  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  @IsNotEmpty()
  question: string;

  @ApiPropertyOptional({ description: 'Hạn trả lời (từ hôm nay trở đi); hoặc workingDays', example: '2026-04-10' })
  @onlyWithoutWorkingDays
  @IsCalendarDate()
  @IsNotEmpty()
  dueDate?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_WORKING_DAYS, example: 5, description: WORKING_DAYS_DOC })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_WORKING_DAYS)
  @IsExclusiveWith('dueDate')
  workingDays?: number;
}

export class AnswerDto {
  @ApiProperty({ enum: ['agree', 'disagree'] })
  @IsIn(['agree', 'disagree'])
  @IsNotEmpty()
  opinion: 'agree' | 'disagree';

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  comment?: string;
}

export class DocumentUploadDto {
  @ApiProperty({ example: 'business_license', description: 'Loại tài liệu' })
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  @IsNotEmpty()
  kind: string;
}
