import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

/** Why a reversal is asked for, or why it is rejected. */
export class ReasonDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(500) reason: string;
}
