import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  ArrayUnique,
  IsArray,
  IsEmail,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';
import { Role, ROLES } from '../../../common/auth/actor';
import { PASSWORD_MAX, PASSWORD_MIN, PHONE_PATTERN, trimString } from './register.dto';

export class CreateUserDto {
  @ApiProperty({ example: 'chuyenvien@sct.dongthap.gov.vn' })
  @Transform(trimString)
  @IsString()
  @MaxLength(254)
  @IsEmail()
  email: string;

  @ApiProperty({ minLength: PASSWORD_MIN })
  @IsString()
  @MinLength(PASSWORD_MIN, { context: { vi: `phải có ít nhất ${PASSWORD_MIN} ký tự` } })
  @MaxLength(PASSWORD_MAX)
  password: string;

  @ApiProperty({ example: 'Trần Thị Bích' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  fullName: string;

  @ApiProperty({ description: 'Đơn vị công tác' })
  @IsString()
  @MaxLength(26)
  @IsNotEmpty()
  unitId: string;

  @ApiProperty({ enum: ROLES, isArray: true })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(ROLES.length)
  @ArrayUnique()
  @IsIn(ROLES, { each: true })
  roles: Role[];

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Matches(PHONE_PATTERN, { context: { vi: 'không phải số điện thoại hợp lệ' } })
  phone?: string;
}
