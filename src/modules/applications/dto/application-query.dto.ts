import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQuery } from '../../../common/http/page';
import { IsFiscalYear } from '../../../common/http/validators';
import { APPLICATION_STATUSES, ApplicationStatus } from '../application-statuses';

const toInt = ({ value }: { value: unknown }) => (typeof value === 'string' && /^\d+$/.test(value) ? Number.parseInt(value, 10) : value);

/** The longest search text taken (a title is at most 500 characters; nobody types more to find one). */
export const SEARCH_MAX_LENGTH = 100;

export class ApplicationQuery extends PageQuery {
  @ApiPropertyOptional({
    maxLength: SEARCH_MAX_LENGTH,
    description:
      'Tìm theo tên đề án, tên cơ sở hoặc mã số thuế (một phần của chuỗi, không phân biệt chữ hoa/thường và dấu theo đối chiếu utf8mb4_unicode_ci)',
    example: 'máy sấy',
  })
  @IsOptional()
  @IsString()
  @MaxLength(SEARCH_MAX_LENGTH)
  q?: string;

  @ApiPropertyOptional({ enum: APPLICATION_STATUSES })
  @IsOptional()
  @IsIn(APPLICATION_STATUSES)
  status?: ApplicationStatus;

  @ApiPropertyOptional({ example: 2026 })
  @IsOptional()
  @Transform(toInt)
  @IsFiscalYear()
  fiscalYear?: number;

  @ApiPropertyOptional({ description: 'Đơn vị chủ trì hoặc đơn vị phân bổ kinh phí' })
  @IsOptional()
  @IsString()
  @MaxLength(26)
  unitId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(26)
  officerId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(26)
  establishmentId?: string;

  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'true: hồ sơ quá hạn xử lý' })
  @IsOptional()
  @IsIn(['true', 'false'])
  overdue?: 'true' | 'false';
}

export class ConsultationQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Đơn vị được xin ý kiến' })
  @IsOptional()
  @IsString()
  @MaxLength(26)
  unitId?: string;

  @ApiPropertyOptional({ enum: ['open', 'answered', 'silent'] })
  @IsOptional()
  @IsIn(['open', 'answered', 'silent'])
  status?: 'open' | 'answered' | 'silent';

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(26)
  applicationId?: string;
}
