import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { IsCalendarDate } from '../../../common/http/validators';

/** A consulted unit's written request for more time (văn bản đề nghị gia hạn). */
export class ExtensionRequestDto {
  @ApiProperty({ description: 'Hạn trả lời đề nghị (sau hạn hiện tại)', example: '2026-04-20' })
  @IsCalendarDate()
  @IsNotEmpty()
  newDueDate: string;

  @ApiProperty({ description: 'Lý do đề nghị gia hạn' })
  @IsString()
  @MaxLength(2000)
  @IsNotEmpty()
  reason: string;
}
