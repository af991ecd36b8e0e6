import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';

export const PAPER_FORMATS = ['pdf', 'docx'] as const;
export type PaperFormat = (typeof PAPER_FORMATS)[number];

/** `GET /applications/:id/official-documents/:type?format=pdf|docx&number=&disbursementId=`. */
export class OfficialDocumentQuery {
  @ApiPropertyOptional({ enum: PAPER_FORMATS, default: 'pdf', description: 'pdf (mặc định) để in, ký; docx để văn phòng chỉnh sửa câu chữ trước khi ký' })
  @IsOptional()
  @IsIn(PAPER_FORMATS)
  format?: PaperFormat;

  @ApiPropertyOptional({ description: 'Giấy đề nghị thanh toán của khoản chi này (mặc định: giấy đề nghị gần nhất của hồ sơ)' })
  @IsOptional()
  @IsString()
  @Matches(/^[0-9A-HJKMNP-TV-Z]{26}$/, { context: { vi: 'không phải mã khoản chi hợp lệ' } })
  disbursementId?: string;

  @ApiPropertyOptional({ description: 'Văn bản mang số này trong sổ văn bản đi (vd. 01/BB-NT), khi hồ sơ có nhiều văn bản cùng loại (mặc định: văn bản gần nhất)' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  number?: string;
}
