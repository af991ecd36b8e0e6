import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { IsCalendarDate, IsMoneyString, IsTreasuryRef } from '../../../common/http/validators';
import { PageQuery } from '../../../common/http/page';

export class ActualCostLineDto {
  @ApiProperty({ example: 'Máy sấy nông sản' }) @IsString() @IsNotEmpty() @MaxLength(500) description: string;
  @ApiProperty({ example: '500000000' }) @IsMoneyString({ allowZero: true }) amount: string;
  @ApiProperty() @IsBoolean() eligible: boolean;
  @ApiPropertyOptional({ example: 'HĐ GTGT 0001234' }) @IsOptional() @IsString() @MaxLength(200) documentRef?: string;
}

export class SubmitSettlementDto {
  @ApiProperty({ type: [ActualCostLineDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => ActualCostLineDto)
  actualCostLines: ActualCostLineDto[];
}

export class ReceiveRecoveryDto {
  @ApiProperty({ example: '60000000' }) @IsMoneyString() amount: string;
  @ApiProperty({ example: 'KB-THU-0001' }) @IsTreasuryRef() treasuryRef: string;
  @ApiProperty({ example: '2026-12-01' }) @IsCalendarDate() valueDate: string;
}

export class RecoveryQuery extends PageQuery {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(26) applicationId?: string;
  @ApiPropertyOptional({ enum: ['open', 'closed'], description: 'open: chưa thu đủ; closed: đã thu đủ' })
  @IsOptional()
  @IsIn(['open', 'closed'])
  status?: 'open' | 'closed';
}
