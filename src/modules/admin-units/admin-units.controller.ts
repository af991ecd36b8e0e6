import { Controller, Get, HttpCode, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import type { Actor } from '../../common/auth/actor';
import { CurrentActor, Public, Roles } from '../../common/auth/decorators';
import { AdminUnitsService } from './admin-units.service';
import { AdminUnitQuery } from './dto/admin-unit-query.dto';

const FORMAT =
  'TSV UTF-8, một đơn vị một dòng: mã<TAB>loại<TAB>tên<TAB>mã tỉnh (loại: province, city, ward, commune, special_zone; mã tỉnh để trống với tỉnh, thành phố). ' +
  'Dòng bắt đầu bằng # là chú thích; "# source: …" (nơi tải, ví dụ https://danhmuchanhchinh.nso.gov.vn/) và "# date: YYYY-MM-DD" được ghi vào nhật ký.';

@ApiTags('admin-units')
@Controller('admin-units')
export class AdminUnitsController {
  constructor(private readonly adminUnits: AdminUnitsService) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'Danh mục đơn vị hành chính (không cần đăng nhập): các tỉnh, thành phố; với provinceCode, các xã, phường, đặc khu của tỉnh đó. Rỗng khi chưa nạp danh mục' })
  @ApiOkResponse({ schema: { example: [{ code: '29263', name: 'Phường Long Đức', kind: 'ward', provinceCode: '86' }] } })
  list(@Query() query: AdminUnitQuery) {
    return this.adminUnits.list(query);
  }

  @Post('import')
  @HttpCode(200)
  @Roles('admin')
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Nạp danh mục đơn vị hành chính mới (quản trị): thay toàn bộ danh mục đang dùng; tệp có lỗi bị từ chối cả tệp (400, liệt kê từng dòng)',
    description: FORMAT,
  })
  @ApiConsumes('multipart/form-data', 'text/tab-separated-values')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary', description: FORMAT } } } })
  importList(@CurrentActor() actor: Actor, @Req() upload: Request) {
    return this.adminUnits.importList(actor, upload);
  }
}
