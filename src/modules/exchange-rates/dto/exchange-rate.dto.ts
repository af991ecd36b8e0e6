import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { CURRENCY_PATTERN } from '../../../common/money/currency';
import { PageQuery } from '../../../common/http/page';
import { IsCalendarDate } from '../../../common/http/validators';
import { RATE_PATTERN } from '../exchange-rates.rules';

// Required fields end with @IsNotEmpty(): checks run bottom-up and stop at the first failure.

export class CreateExchangeRateDto {
  @ApiProperty({ example: 'USD', description: 'Đồng tiền quy đổi (mã ISO 4217)' })
  @IsString()
  @Matches(CURRENCY_PATTERN, { context: { vi: 'mã tiền tệ gồm 3 chữ in hoa, ví dụ "USD"' } })
  @IsNotEmpty()
  fromCurrency: string;

  @ApiProperty({ example: 'VND', description: 'Đồng tiền nhận quy đổi (mã ISO 4217)' })
  @IsString()
  @Matches(CURRENCY_PATTERN, { context: { vi: 'mã tiền tệ gồm 3 chữ in hoa, ví dụ "VND"' } })
  @IsNotEmpty()
  toCurrency: string;

  @ApiProperty({ example: '25400', description: 'Số đơn vị toCurrency đổi được một đơn vị fromCurrency (chuỗi số thập phân dương)' })
  @IsString()
  @Matches(RATE_PATTERN, { context: { vi: 'tỷ giá là số thập phân dương dạng chuỗi, tối đa 12 chữ số phần nguyên và 10 chữ số thập phân' } })
  @IsNotEmpty()
  rate: string;

  @ApiProperty({ example: '2026-01-01', description: 'Ngày tỷ giá bắt đầu áp dụng' })
  @IsCalendarDate()
  @IsNotEmpty()
  validFrom: string;

  @ApiPropertyOptional({ example: 'Tỷ giá hạch toán của Kho bạc Nhà nước tháng 01/2026', description: 'Căn cứ của tỷ giá' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  source?: string;
}

export class ExchangeRateQuery extends PageQuery {
  @ApiPropertyOptional({ example: 'USD', description: 'Chỉ các tỷ giá có đồng tiền này (ở một trong hai phía)' })
  @IsOptional()
  @IsString()
  @Matches(CURRENCY_PATTERN, { context: { vi: 'mã tiền tệ gồm 3 chữ in hoa' } })
  currency?: string;
}
