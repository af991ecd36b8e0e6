import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength, MinLength } from 'class-validator';
import { PASSWORD_MAX, PASSWORD_MIN } from './register.dto';

/** The same rule for the new password as at registration. */
export class ChangePasswordDto {
  @ApiProperty()
  @IsString()
  @MaxLength(1024)
  @IsNotEmpty()
  currentPassword: string;

  @ApiProperty({ minLength: PASSWORD_MIN, maxLength: PASSWORD_MAX })
  @IsString()
  @MinLength(PASSWORD_MIN, { context: { vi: `phải có ít nhất ${PASSWORD_MIN} ký tự` } })
  @MaxLength(PASSWORD_MAX)
  newPassword: string;
}
