import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../../common/auth/decorators';
import { AdminUnitsService } from './admin-units.service';
import { AdminUnitQuery } from './dto/admin-unit-query.dto';

@ApiTags('admin-units')
@Controller('admin-units')
export class AdminUnitsController {
  constructor(private readonly adminUnits: AdminUnitsService) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'Danh mục đơn vị hành chính từ 01/07/2025 (không cần đăng nhập): 34 tỉnh, thành phố; với provinceCode, các xã, phường, đặc khu của tỉnh đó' })
  @ApiOkResponse({ schema: { example: [{ code: '29263', name: 'Phường Long Đức', kind: 'ward', provinceCode: '86' }] } })
  list(@Query() query: AdminUnitQuery) {
    return this.adminUnits.list(query);
  }
}
