import { Controller, Get, Param, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import type { Actor } from '../../common/auth/actor';
import { CurrentActor, Roles } from '../../common/auth/decorators';
import { ReconciliationImportQuery } from './dto/import-query.dto';
import { ReconciliationService } from './reconciliation.service';
import { STATEMENT_COLUMN_LABELS, STATEMENT_COLUMNS } from './dto/statement-format';

@ApiTags('reconciliation')
@ApiBearerAuth()
@Controller('reconciliation')
export class ReconciliationController {
  constructor(private readonly reconciliation: ReconciliationService) {}

  @Post('imports')
  @Roles('finance')
  @ApiOperation({
    summary: 'Nhập sao kê Kho bạc (CSV hoặc XLSX) và đối chiếu với các khoản chi, khoản thu hồi đã ghi nhận',
    description:
      'CSV UTF-8 (có hoặc không có BOM), phân cách bằng dấu phẩy hoặc dấu chấm phẩy (theo dòng tiêu đề), hoặc XLSX (trang tính đầu tiên). ' +
      'Tiêu đề tiếng Việt hoặc tên cột API; ngày dd/mm/yyyy hoặc YYYY-MM-DD; số tiền 70.000.000 hoặc 70000000; chiều Chi/Thu hoặc out/in. Mẫu: GET /reconciliation/template.csv, /reconciliation/template.xlsx.',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: {
        file: {
          type: 'string',
          format: 'binary',
          description: `CSV hoặc XLSX; dòng tiêu đề: ${STATEMENT_COLUMNS.map((c) => STATEMENT_COLUMN_LABELS[c]).join('; ')} (hoặc ${STATEMENT_COLUMNS.join(',')})`,
        },
      },
    },
  })
  importStatement(@CurrentActor() actor: Actor, @Req() upload: Request) {
    return this.reconciliation.importStatement(actor, upload);
  }

  @Get('imports')
  @Roles('finance', 'auditor')
  @ApiOperation({ summary: 'Danh sách các lần nhập sao kê (không kèm chi tiết từng dòng)' })
  list(@CurrentActor() actor: Actor, @Query() query: ReconciliationImportQuery) {
    return this.reconciliation.list(actor, query);
  }

  @Get('imports/:id')
  @Roles('finance', 'auditor')
  @ApiOperation({ summary: 'Kết quả một lần nhập sao kê, như khi nhập' })
  get(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.reconciliation.get(actor, id);
  }

  @Get('template.csv')
  @Roles('finance', 'auditor')
  @ApiOperation({ summary: 'Mẫu sao kê để điền (CSV UTF-8, phân cách bằng dấu chấm phẩy như Excel tiếng Việt lưu)' })
  @ApiProduces('text/csv')
  templateCsv(@CurrentActor() actor: Actor) {
    return this.reconciliation.template(actor, 'csv');
  }

  @Get('template.xlsx')
  @Roles('finance', 'auditor')
  @ApiOperation({ summary: 'Mẫu sao kê để điền (XLSX, kèm trang hướng dẫn)' })
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  templateXlsx(@CurrentActor() actor: Actor) {
    return this.reconciliation.template(actor, 'xlsx');
  }
}
