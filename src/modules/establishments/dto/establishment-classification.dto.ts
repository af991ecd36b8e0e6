import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsString, Max, MaxLength, Min, ValidateIf } from 'class-validator';

const given = (_: object, value: unknown) => value !== undefined && value !== null;

/**
 * The classification an owner declares (all optional; null clears one): the craft village and
 * traditional craft by name, and counts of artisans, women and disabled workers, each no more
 * than the establishment's workers (checked against them in the service).
 */
export class EstablishmentClassificationDto {
  @ApiPropertyOptional({ nullable: true, example: 'Làng nghề mây tre đan Phú Vinh', description: 'Làng nghề cơ sở thuộc về; null: không thuộc làng nghề' })
  @ValidateIf(given)
  @IsString()
  @MaxLength(200)
  craftVillage?: string | null;

  @ApiPropertyOptional({ nullable: true, example: 'Đan lát mây tre', description: 'Nghề truyền thống cơ sở gìn giữ; null: không có' })
  @ValidateIf(given)
  @IsString()
  @MaxLength(200)
  traditionalCraft?: string | null;

  @ApiPropertyOptional({ nullable: true, example: 1, description: 'Số nghệ nhân được công nhận làm việc tại cơ sở' })
  @ValidateIf(given)
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  artisans?: number | null;

  @ApiPropertyOptional({ nullable: true, example: 14, description: 'Số lao động nữ (không quá số lao động)' })
  @ValidateIf(given)
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  womenWorkers?: number | null;

  @ApiPropertyOptional({ nullable: true, example: 2, description: 'Số lao động là người khuyết tật (không quá số lao động)' })
  @ValidateIf(given)
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  disabledWorkers?: number | null;
}
