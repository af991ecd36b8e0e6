import { Controller, Get, Param, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import type { Actor } from '../../common/auth/actor';
import { CurrentActor, Roles } from '../../common/auth/decorators';
import { ReconciliationImportQuery } from './dto/import-query.dto';
import { ReconciliationService } from './reconciliation.service';
import { STATEMENT_COLUMNS } from './dto/statement-format';

@ApiTags('reconciliation')
@ApiBearerAuth()
@Controller('reconciliation/imports')
export class ReconciliationController {
  constructor(private readonly reconciliation: ReconciliationService) {}

  @Post()
  @Roles('finance')
  @ApiOperation({ summary: 'Nhập sao kê Kho bạc (CSV UTF-8) và đối chiếu với các khoản chi, khoản thu hồi đã ghi nhận' })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: { file: { type: 'string', format: 'binary', description: `CSV, dòng tiêu đề: ${STATEMENT_COLUMNS.join(',')}` } },
    },
  })
  importStatement(@CurrentActor() actor: Actor, @Req() upload: Request) {
    return this.reconciliation.importStatement(actor, upload);
  }

  @Get()
  @Roles('finance', 'auditor')
  @ApiOperation({ summary: 'Danh sách các lần nhập sao kê (không kèm chi tiết từng dòng)' })
  list(@CurrentActor() actor: Actor, @Query() query: ReconciliationImportQuery) {
    return this.reconciliation.list(actor, query);
  }

  @Get(':id')
  @Roles('finance', 'auditor')
  @ApiOperation({ summary: 'Kết quả một lần nhập sao kê, như khi nhập' })
  get(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.reconciliation.get(actor, id);
  }
}
