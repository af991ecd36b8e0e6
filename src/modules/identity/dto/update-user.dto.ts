import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  ArrayUnique,
  IsArray,
  IsIn,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { Role, ROLES } from '../../../common/auth/actor';
import { PHONE_PATTERN } from './register.dto';

/** A deputy director's field of work: activity types and units (each list optional). */
export class LeaderScopeDto {
  @ApiPropertyOptional({ type: [String], example: ['demo_model'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ArrayUnique()
  @IsString({ each: true })
  @MaxLength(64, { each: true })
  activityTypeCodes?: string[];

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @ArrayUnique()
  @IsString({ each: true })
  @MaxLength(26, { each: true })
  unitIds?: string[];
}

/** Only what is sent changes. `phone`, `unitId` and `leaderScope` may be null (removed). */
export class UpdateUserDto {
  @ApiPropertyOptional({ example: 'Trần Thị Bích' })
  @ValidateIf((_, value) => value !== undefined)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  fullName?: string;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsString()
  @Matches(PHONE_PATTERN, { context: { vi: 'không phải số điện thoại hợp lệ' } })
  phone?: string | null;

  @ApiPropertyOptional({ nullable: true, description: 'Đơn vị công tác (đang hoạt động)' })
  @IsOptional()
  @IsString()
  @MaxLength(26)
  @IsNotEmpty()
  unitId?: string | null;

  @ApiPropertyOptional({ enum: ROLES, isArray: true })
  @ValidateIf((_, value) => value !== undefined)
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(ROLES.length)
  @ArrayUnique()
  @IsIn(ROLES, { each: true })
  roles?: Role[];

  @ApiPropertyOptional({ type: LeaderScopeDto, nullable: true, description: 'Phạm vi phụ trách của phó giám đốc; null: không giới hạn' })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => LeaderScopeDto)
  leaderScope?: LeaderScopeDto | null;
}
