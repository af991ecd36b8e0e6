import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsNotEmpty, Max, Min, ValidateIf } from 'class-validator';
import { EstablishmentClassificationDto } from './establishment-classification.dto';

/**
 * The owner's change of the classified facts: only what is sent changes. A change clears the
 * staff's verification of the classification.
 */
export class UpdateEstablishmentDto extends EstablishmentClassificationDto {
  @ApiPropertyOptional({ example: 25, description: 'Số lao động' })
  @ValidateIf((_, value) => value !== undefined)
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  @IsNotEmpty()
  employees?: number;
}
