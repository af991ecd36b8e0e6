import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { ID_PATTERN } from '../../../common/ids';
import { IsCalendarDate, IsFiscalYear } from '../../../common/http/validators';

const toInt = ({ value }: { value: unknown }) => (typeof value === 'string' && /^\d+$/.test(value) ? Number.parseInt(value, 10) : value);
const NOT_AN_ID = { context: { vi: 'không phải mã định danh hợp lệ' } };

// Required fields end with @IsNotEmpty(): checks run bottom-up and stop at the first failure.

export class CreateCommendationDto {
  @ApiProperty({ example: 2026, description: 'Năm tổng kết' })
  @IsFiscalYear()
  fiscalYear: number;

  @ApiPropertyOptional({ description: 'Cơ sở được khen thưởng' })
  @IsOptional()
  @IsString()
  @Matches(ID_PATTERN, NOT_AN_ID)
  establishmentId?: string;

  @ApiPropertyOptional({ example: 'Nguyễn Thị Hoa', description: 'Cá nhân được khen thưởng (với unitId: đơn vị công tác)' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  @IsNotEmpty()
  personName?: string;

  @ApiPropertyOptional({ description: 'Đơn vị được khen thưởng, hoặc đơn vị công tác của cá nhân' })
  @IsOptional()
  @IsString()
  @Matches(ID_PATTERN, NOT_AN_ID)
  unitId?: string;

  @ApiProperty({ example: 'Bằng khen của Chủ tịch UBND tỉnh', description: 'Hình thức khen thưởng' })
  @IsString()
  @MaxLength(200)
  @IsNotEmpty()
  form: string;

  @ApiProperty({ example: '215/QĐ-UBND' })
  @IsString()
  @MaxLength(64)
  @IsNotEmpty()
  decisionNo: string;

  @ApiProperty({ example: '2027-01-20' })
  @IsCalendarDate()
  decisionDate: string;

  @ApiProperty({ example: 'Có thành tích xuất sắc trong thực hiện chương trình khuyến công năm 2026' })
  @IsString()
  @MaxLength(2000)
  @IsNotEmpty()
  reason: string;
}

export class CommendationQuery {
  @ApiProperty({ example: 2026 })
  @Transform(toInt)
  @IsFiscalYear()
  fiscalYear: number;
}
