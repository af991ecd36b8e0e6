import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import { MAX_NARRATIVE_CHARS } from '../programme.rules';

/** The four parts of the annual review's assessment; each may be left empty (""), none left out. */
export class PutNarrativeDto {
  @ApiProperty({ description: 'Kết quả đạt được', maxLength: MAX_NARRATIVE_CHARS }) @IsString() @MaxLength(MAX_NARRATIVE_CHARS) results: string;
  @ApiProperty({ description: 'Khó khăn, vướng mắc', maxLength: MAX_NARRATIVE_CHARS }) @IsString() @MaxLength(MAX_NARRATIVE_CHARS) difficulties: string;
  @ApiProperty({ description: 'Nguyên nhân', maxLength: MAX_NARRATIVE_CHARS }) @IsString() @MaxLength(MAX_NARRATIVE_CHARS) causes: string;
  @ApiProperty({ description: 'Đề xuất, kiến nghị', maxLength: MAX_NARRATIVE_CHARS }) @IsString() @MaxLength(MAX_NARRATIVE_CHARS) proposals: string;
}
