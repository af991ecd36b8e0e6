import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { PageQuery } from '../../../common/http/page';
import { IsCalendarDate, IsMoneyString, IsTreasuryRef } from '../../../common/http/validators';
import { MAX_OUTCOME } from '../outcomes.rules';

export class RequestDisbursementDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(26) applicationId: string;
  @ApiProperty({ enum: ['advance', 'payment'] }) @IsIn(['advance', 'payment']) kind: 'advance' | 'payment';
  @ApiProperty({ example: '210000000' }) @IsMoneyString() amount: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(1000) note?: string;
}

export class PayDisbursementDto {
  @ApiProperty({ example: 'KB-2026-000123' }) @IsTreasuryRef() treasuryRef: string;
  @ApiProperty({ example: '2026-11-23' }) @IsCalendarDate() valueDate: string;
}

export class RejectDisbursementDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(1000) reason: string;
}

/** The treasury sent a paid amount back: its reference and value date for the money coming in, and why. */
export class ReturnDisbursementDto {
  @ApiProperty({ example: 'KB-2026-000456' }) @IsTreasuryRef() treasuryRef: string;
  @ApiProperty({ example: '2026-11-30' }) @IsCalendarDate() valueDate: string;
  @ApiProperty({ example: 'Sai số tài khoản người thụ hưởng' }) @IsString() @IsNotEmpty() @MaxLength(1000) reason: string;
}

export class DisbursementQuery extends PageQuery {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(26) applicationId?: string;
  @ApiPropertyOptional({ enum: ['requested', 'approved', 'paid', 'rejected', 'returned'] })
  @IsOptional()
  @IsIn(['requested', 'approved', 'paid', 'rejected', 'returned'])
  status?: 'requested' | 'approved' | 'paid' | 'rejected' | 'returned';
}

export class ContractDto {
  @ApiPropertyOptional({ example: '15/2026/HĐ-TTKC', description: 'Số hợp đồng đã lấy; để trống, sổ văn bản đi cấp số tiếp theo' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  contractNo?: string;
  @ApiProperty({ example: '2026-03-01' }) @IsCalendarDate() signedDate: string;
}

/** What a file achieved, as its acceptance minutes record it: whole numbers, 0 when none. */
export class OutcomesDto {
  @ApiProperty({ example: 12, minimum: 0, maximum: MAX_OUTCOME, description: 'Lao động có việc làm mới' }) @IsInt() @Min(0) @Max(MAX_OUTCOME) jobsCreated: number;
  @ApiProperty({ example: 30, minimum: 0, maximum: MAX_OUTCOME, description: 'Lao động được duy trì việc làm' }) @IsInt() @Min(0) @Max(MAX_OUTCOME) jobsKept: number;
  @ApiProperty({ example: 25, minimum: 0, maximum: MAX_OUTCOME, description: 'Trong đó lao động nữ' }) @IsInt() @Min(0) @Max(MAX_OUTCOME) womenWorkers: number;
  @ApiProperty({ example: 2, minimum: 0, maximum: MAX_OUTCOME, description: 'Trong đó lao động khuyết tật' }) @IsInt() @Min(0) @Max(MAX_OUTCOME) disabledWorkers: number;
  @ApiProperty({ example: 40, minimum: 0, maximum: MAX_OUTCOME, description: 'Người được đào tạo, tập huấn' }) @IsInt() @Min(0) @Max(MAX_OUTCOME) trainees: number;
  @ApiProperty({ example: 1, minimum: 0, maximum: MAX_OUTCOME, description: 'Mô hình trình diễn được xây dựng' }) @IsInt() @Min(0) @Max(MAX_OUTCOME) modelsBuilt: number;
}

export class AcceptanceDto {
  @ApiProperty({ enum: ['passed', 'failed'] }) @IsIn(['passed', 'failed']) result: 'passed' | 'failed';
  @ApiProperty({ example: '2026-10-15' }) @IsCalendarDate() date: string;
  @ApiPropertyOptional({ example: '08/BB-NT', description: 'Số biên bản đã lấy; để trống, sổ văn bản đi cấp số tiếp theo' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  minutesNo?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(1000) note?: string;
  @ApiPropertyOptional({ type: OutcomesDto, description: 'Kết quả của đề án (chỉ khi nghiệm thu đạt)' })
  @IsOptional()
  @ValidateNested()
  @Type(() => OutcomesDto)
  outcomes?: OutcomesDto;
}
