import { ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsObject, IsOptional, ValidateNested } from 'class-validator';
import { CreateUserDto } from './create-user.dto';
import { LeaderScopeDto } from './update-user.dto';

/**
 * An account an administrator opens on the pages: `POST /users`'s fields without the password
 * (a temporary one is made, as a reset makes it), and a deputy director's field of work at once.
 */
export class CreateUserAccountDto extends OmitType(CreateUserDto, ['password'] as const) {
  @ApiPropertyOptional({ type: LeaderScopeDto, nullable: true, description: 'Phạm vi phụ trách của phó giám đốc; để trống: không giới hạn' })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => LeaderScopeDto)
  leaderScope?: LeaderScopeDto | null;
}
