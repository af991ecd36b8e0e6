import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches } from 'class-validator';
import { IsCalendarDate } from '../../../common/http/validators';
import { ACTIVITY_CODE_PATTERN } from './create-activity-type.dto';

export class ActivityTypeQuery {
  @ApiPropertyOptional({ description: 'Ngày xem quy định (YYYY-MM-DD); mặc định hôm nay' })
  @IsOptional()
  @IsCalendarDate()
  on?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Matches(ACTIVITY_CODE_PATTERN, { context: { vi: 'mã loại hoạt động không hợp lệ' } })
  code?: string;
}
