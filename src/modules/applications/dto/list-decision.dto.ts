import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsBoolean, IsNotEmpty, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

// Required fields end with @IsNotEmpty(): with stopAtFirstError, class-validator checks the
// decorators bottom-up, so a missing value reads "không được để trống" rather than a length error.

/** The most files one list decision approves (a queue's page). */
export const MAX_LIST_DECISION_FILES = 100;

export class ListDecisionDto {
  @ApiProperty({ type: [String], description: 'Các hồ sơ đã ký tắt được phê duyệt cùng một quyết định (tất cả hoặc không hồ sơ nào)' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_LIST_DECISION_FILES)
  @ArrayUnique()
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(26, { each: true })
  @IsNotEmpty()
  applicationIds: string[];

  @ApiPropertyOptional({ example: '125/QĐ-SCT', description: 'Số quyết định đã lấy; để trống, sổ văn bản đi cấp số tiếp theo (một số cho cả danh sách)' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  @IsNotEmpty()
  decisionNo?: string;

  @ApiPropertyOptional({ description: 'Ý kiến của lãnh đạo, ghi vào tiến trình xử lý của từng hồ sơ' })
  @IsOptional()
  @IsString()
  @MaxLength(1500)
  comment?: string;

  @ApiPropertyOptional({
    description:
      'Đã xem xét ý kiến không đồng ý của các đơn vị được xin ý kiến về các hồ sơ trong danh sách (bắt buộc khi có hồ sơ có ý kiến không đồng ý; thiếu: 409 DISAGREEMENT_NOT_ACKNOWLEDGED nêu hồ sơ)',
  })
  @IsOptional()
  @IsBoolean()
  acknowledgeDisagreements?: boolean;
}
