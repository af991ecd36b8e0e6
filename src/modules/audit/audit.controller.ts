import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../common/auth/decorators';
import { AuditService } from './audit.service';
import { AuditQuery } from './dto/audit-query.dto';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Roles('auditor', 'admin')
  @ApiOperation({ summary: 'Nhật ký kiểm toán' })
  list(@Query() query: AuditQuery) {
    return this.audit.list(query);
  }

  @Get('verify')
  @Roles('auditor')
  @ApiOperation({ summary: 'Kiểm tra chuỗi băm của nhật ký kiểm toán: từng mục, điểm cuối chuỗi (audit_head) và các trigger bảo vệ' })
  verify() {
    return this.audit.verify();
  }
}
