import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { ReportFormatQuery } from '../../../rendering/report/report-format';
import { OFFICIAL_DOCUMENT_TYPES, type OfficialDocumentType } from '../document-register.types';

const toInt = ({ value }: { value: unknown }) => (typeof value === 'string' && /^\d{1,6}$/.test(value) ? Number.parseInt(value, 10) : value);

/** `GET /document-register?year=&type=&format=json|xlsx|csv|pdf`. */
export class DocumentRegisterQuery extends ReportFormatQuery {
  @ApiPropertyOptional({ example: 2026, description: 'Năm đăng ký (mặc định: năm nay)' })
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;

  @ApiPropertyOptional({ enum: OFFICIAL_DOCUMENT_TYPES, description: 'Chỉ một loại văn bản' })
  @IsOptional()
  @IsIn(OFFICIAL_DOCUMENT_TYPES)
  type?: OfficialDocumentType;
}
