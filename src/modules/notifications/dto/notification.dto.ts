import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsNotEmpty, IsOptional } from 'class-validator';
import { PageQuery } from '../../../common/http/page';

export class NotificationQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'true: chỉ thông báo chưa đọc' })
  @IsOptional()
  @IsIn(['true', 'false'])
  unread?: 'true' | 'false';
}

export class NotificationSettingsDto {
  @ApiProperty({ description: 'Nhận thông báo qua thư điện tử' })
  @IsBoolean()
  @IsNotEmpty()
  email: boolean;

  @ApiProperty({ enum: ['daily', 'off'], description: 'daily: gộp thư thành một bản tóm tắt mỗi ngày' })
  @IsIn(['daily', 'off'])
  @IsNotEmpty()
  digest: 'daily' | 'off';
}
