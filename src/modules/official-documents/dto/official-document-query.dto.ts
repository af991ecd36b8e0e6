import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches } from 'class-validator';

export const PAPER_FORMATS = ['pdf', 'docx'] as const;
export type PaperFormat = (typeof PAPER_FORMATS)[number];

/** `GET /applications/:id/official-documents/:type?format=pdf|docx&disbursementId=`. */
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
}
