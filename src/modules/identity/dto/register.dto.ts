import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';

/** Surrounding spaces (a pasted address) are not part of an email. */
export const trimString = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 128;
export const PHONE_PATTERN = /^\+?[0-9][0-9 .-]{6,18}[0-9]$/;

export class RegisterDto {
  @ApiProperty({ example: 'coso.anphat@example.vn' })
  @Transform(trimString)
  @IsString()
  @MaxLength(254)
  @IsEmail()
  email: string;

  @ApiProperty({ minLength: PASSWORD_MIN, maxLength: PASSWORD_MAX })
  @IsString()
  @MinLength(PASSWORD_MIN, { context: { vi: `phải có ít nhất ${PASSWORD_MIN} ký tự` } })
  @MaxLength(PASSWORD_MAX)
  password: string;

  @ApiProperty({ example: 'Nguyễn Văn An' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  fullName: string;

  @ApiPropertyOptional({ example: '0912345678' })
  @IsOptional()
  @IsString()
  @Matches(PHONE_PATTERN, { context: { vi: 'không phải số điện thoại hợp lệ' } })
  phone?: string;
}
