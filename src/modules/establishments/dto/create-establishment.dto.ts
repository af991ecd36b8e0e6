import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsInt, IsNotEmpty, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { ESTABLISHMENT_KINDS, EstablishmentKind } from '../establishment.entity';
import { EstablishmentClassificationDto } from './establishment-classification.dto';
import { TAX_CODE_PATTERN } from './tax-code';

// Required fields end with @IsNotEmpty(): with stopAtFirstError, class-validator checks the
// decorators bottom-up, so a missing value reads "không được để trống" rather than a length error.

/** A registration: the establishment's facts, and its classification when the owner gives it. */
export class CreateEstablishmentDto extends EstablishmentClassificationDto {
  @ApiProperty({ example: 'Cơ sở mộc mỹ nghệ Tân Phú' })
  @IsString()
  @MinLength(1)
  @MaxLength(255)
  @IsNotEmpty()
  name: string;

  @ApiProperty({ enum: ESTABLISHMENT_KINDS })
  @IsIn(ESTABLISHMENT_KINDS)
  @IsNotEmpty()
  kind: EstablishmentKind;

  @ApiProperty({ example: '0312345678', description: '10 chữ số, hoặc 10 chữ số-3 chữ số cho chi nhánh' })
  @IsString()
  @Matches(TAX_CODE_PATTERN, { context: { vi: 'mã số thuế phải gồm 10 chữ số, hoặc 10 chữ số-3 chữ số (chi nhánh)' } })
  @IsNotEmpty()
  taxCode: string;

  @ApiProperty({ example: '29263', description: 'Mã xã / phường / đặc khu' })
  @IsString()
  @Matches(/^[0-9A-Za-z]{1,16}$/, { context: { vi: 'mã xã gồm 1–16 chữ số hoặc chữ cái' } })
  @IsNotEmpty()
  communeCode: string;

  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  @IsNotEmpty()
  address: string;

  @ApiProperty({ description: 'Người đại diện theo pháp luật' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  @IsNotEmpty()
  representative: string;

  @ApiProperty({ example: '0912345678' })
  @IsString()
  @Matches(/^\+?[0-9][0-9 .-]{6,18}[0-9]$/, { context: { vi: 'số điện thoại không hợp lệ' } })
  @IsNotEmpty()
  phone: string;

  @ApiProperty({ example: 12, description: 'Số lao động' })
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  @IsNotEmpty()
  employees: number;
}
