import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { IsCalendarDate, IsFiscalYear, IsMoneyString } from '../../../common/http/validators';
import { FUND_SOURCES, FundSource } from '../../ledger/ledger.types';

export class CreateFundDto {
  @ApiProperty({ example: 'KCDP' }) @IsString() @Matches(/^[A-Za-z0-9_.-]{1,32}$/) code: string;
  @ApiProperty({ example: 'Kinh phí khuyến công địa phương' }) @IsString() @IsNotEmpty() @MaxLength(200) name: string;
  @ApiProperty({ enum: FUND_SOURCES }) @IsIn(FUND_SOURCES) source: FundSource;
  @ApiPropertyOptional() @ValidateIf((o) => o.source === 'sponsor' || o.sponsorName !== undefined) @IsString() @IsNotEmpty() @MaxLength(200) sponsorName?: string;
  @ApiProperty({ example: 'VND' }) @IsString() @Matches(/^[A-Z]{3}$/) currency: string;
}

export class OpenFiscalYearDto {
  @ApiProperty({ example: 2026 }) @IsFiscalYear() year: number;
}

class BooksDto {
  @ApiProperty({ example: 'KCDP' }) @IsString() @IsNotEmpty() @MaxLength(32) fundCode: string;
  @ApiProperty({ example: 2026 }) @IsFiscalYear() fiscalYear: number;
}

export class AppropriationDto extends BooksDto {
  @ApiProperty({ example: '5000000000' }) @IsMoneyString() amount: string;
  @ApiProperty({ example: '123/QĐ-UBND' }) @IsString() @IsNotEmpty() @MaxLength(64) decisionNo: string;
  @ApiProperty({ example: '2026-01-15' }) @IsCalendarDate() decisionDate: string;
}

export class AllocationDto extends BooksDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(26) unitId: string;
  @ApiProperty({ example: '1000000000' }) @IsMoneyString() amount: string;
  @ApiProperty({ example: '45/QĐ-SCT' }) @IsString() @IsNotEmpty() @MaxLength(64) decisionNo: string;
}

/**
 * Largest weight of one share: a thousand shares of it still sum to a safe integer (the split
 * works on whole numbers), and the pages' form takes nine digits.
 */
export const MAX_SHARE_WEIGHT = 1_000_000_000;

export class SplitShareDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(26) unitId: string;
  @ApiProperty({ example: 2, minimum: 1, maximum: MAX_SHARE_WEIGHT }) @IsInt() @Min(1) @Max(MAX_SHARE_WEIGHT) weight: number;
}

export class SplitAllocationDto extends BooksDto {
  @ApiProperty({ example: '1000000000' }) @IsMoneyString() amount: string;
  @ApiProperty({ type: [SplitShareDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  @Type(() => SplitShareDto)
  shares: SplitShareDto[];
  @ApiPropertyOptional({ example: '46/QĐ-SCT' }) @IsOptional() @IsString() @IsNotEmpty() @MaxLength(64) decisionNo?: string;
}

export class UnitTransferDto extends BooksDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(26) fromUnitId: string;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(26) toUnitId: string;
  @ApiProperty({ example: '50000000' }) @IsMoneyString() amount: string;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(500) reason: string;
}

export class AllocationReturnDto extends BooksDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(26) unitId: string;
  @ApiProperty({ example: '50000000' }) @IsMoneyString() amount: string;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(500) reason: string;
}

export class CloseYearDto {
  @ApiProperty() @IsBoolean() carryOverCommitments: boolean;
  @ApiProperty() @IsBoolean() carryOverAllocations: boolean;
}

export class SummaryQuery {
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsFiscalYear() fiscalYear?: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(32) fundCode?: string;
}
