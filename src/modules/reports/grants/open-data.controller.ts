import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { Public } from '../../../common/auth/decorators';
import { GrantsQuery } from './dto/grants-query.dto';
import { GrantsExportService } from './grants-export.service';

/**
 * Dữ liệu mở: the approved grants for anyone, without a login. Limited per address and route by
 * the application's throttler (RATE_LIMIT_PER_MINUTE), like every route without a token of its own.
 */
@ApiTags('open data')
@Controller('open-data')
export class OpenDataController {
  constructor(private readonly exports: GrantsExportService) {}

  @Get('grants')
  @Public()
  @ApiOperation({ summary: 'Dữ liệu mở, không cần đăng nhập: các đề án được phê duyệt theo chuẩn 360Giving, như /exports/grants' })
  @ApiTooManyRequestsResponse({ description: 'Quá nhiều yêu cầu từ một địa chỉ' })
  grants(@Query() query: GrantsQuery) {
    return this.exports.openGrants(query);
  }
}
