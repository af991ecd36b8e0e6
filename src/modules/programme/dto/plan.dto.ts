import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, IsNotEmpty, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { IsMoneyString } from '../../../common/http/validators';
import { MAX_PLAN_ITEMS, MAX_PLANNED_COUNT } from '../programme.rules';

// Required fields end with @IsNotEmpty(): checks run bottom-up and stop at the first failure.

export class PlanItemDto {
  @ApiProperty({ example: 'machinery', description: 'Mã loại hoạt động khuyến công' })
  @IsString()
  @MaxLength(64)
  @IsNotEmpty()
  activityTypeCode: string;

  @ApiProperty({ description: 'Đơn vị thực hiện (được phân bổ kinh phí)' })
  @IsString()
  @MaxLength(26)
  @IsNotEmpty()
  unitId: string;

  @ApiProperty({ example: 'KCDP' })
  @IsString()
  @MaxLength(32)
  @IsNotEmpty()
  fundCode: string;

  @ApiProperty({ example: 12, minimum: 0, maximum: MAX_PLANNED_COUNT, description: 'Số đề án dự kiến' })
  @IsInt()
  @Min(0)
  @Max(MAX_PLANNED_COUNT)
  plannedCount: number;

  @ApiProperty({ example: '3600000000', description: 'Dự toán kinh phí, theo tiền tệ của nguồn' })
  @IsMoneyString({ allowZero: true })
  plannedBudget: string;
}

/** The whole plan of a year: it replaces the one before. */
export class PutPlanDto {
  @ApiProperty({ type: [PlanItemDto] })
  @IsArray()
  @ArrayMaxSize(MAX_PLAN_ITEMS)
  @ValidateNested({ each: true })
  @Type(() => PlanItemDto)
  items: PlanItemDto[];
}
