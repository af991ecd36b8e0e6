import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

/** No format rules here beyond sizes: a malformed email simply does not match (401, not 400). */
export class LoginDto {
  @ApiProperty({ example: 'admin@demo.kcfund.vn' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(254)
  email: string;

  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(1024)
  password: string;
}
