import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsInt, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { ESTABLISHMENT_KINDS, EstablishmentKind } from '../establishment.entity';
import { TAX_CODE_PATTERN } from '../establishments.rules';

export class CreateEstablishmentDto {
  @ApiProperty({ example: 'Cơ sở mộc mỹ nghệ Tân Phú' })
  @IsString()
  @MinLength(1)
  @MaxLength(255)
  name: string;

  @ApiProperty({ enum: ESTABLISHMENT_KINDS })
  @IsIn(ESTABLISHMENT_KINDS)
  kind: EstablishmentKind;

  @ApiProperty({ example: '0312345678', description: '10 chữ số, hoặc 10 chữ số-3 chữ số cho chi nhánh' })
  @IsString()
  @Matches(TAX_CODE_PATTERN, { context: { vi: 'mã số thuế phải gồm 10 chữ số, hoặc 10 chữ số-3 chữ số (chi nhánh)' } })
  taxCode: string;

  @ApiProperty({ example: '29263', description: 'Mã xã / phường / đặc khu' })
  @IsString()
  @Matches(/^[0-9A-Za-z]{1,16}$/, { context: { vi: 'mã xã gồm 1–16 chữ số hoặc chữ cái' } })
  communeCode: string;

  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  address: string;

  @ApiProperty({ description: 'Người đại diện theo pháp luật' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  representative: string;

  @ApiProperty({ example: '0912345678' })
  @IsString()
  @Matches(/^\+?[0-9][0-9 .-]{6,18}[0-9]$/, { context: { vi: 'số điện thoại không hợp lệ' } })
  phone: string;

  @ApiProperty({ example: 12, description: 'Số lao động' })
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  employees: number;
}
