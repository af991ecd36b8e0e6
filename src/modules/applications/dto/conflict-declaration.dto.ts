import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength, ValidateIf } from 'class-validator';
import { CONFLICT_RELATIONS, type ConflictRelation } from '../conflict-declaration.entity';

/** A staff member's declaration on a file: a conflict of interest with its establishment, or none. */
export class ConflictDeclarationDto {
  @ApiProperty({ description: 'Có xung đột lợi ích với cơ sở của hồ sơ hay không' })
  @IsBoolean()
  hasConflict: boolean;

  @ApiPropertyOptional({
    enum: CONFLICT_RELATIONS,
    description: 'Quan hệ với cơ sở (bắt buộc khi có xung đột): gia đình, sở hữu/góp vốn, lao động, khác',
  })
  // Required with a conflict; checked too when sent without one (the service then refuses it).
  @ValidateIf((o: ConflictDeclarationDto) => o.hasConflict === true || (o.relation !== undefined && o.relation !== null))
  @IsIn(CONFLICT_RELATIONS)
  @IsNotEmpty()
  relation?: ConflictRelation | null;

  @ApiPropertyOptional({ maxLength: 1000 })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string;
}
