import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { type Actor, STAFF_ROLES } from '../../common/auth/actor';
import { CurrentActor, Roles } from '../../common/auth/decorators';
import { DocumentRegisterQuery } from './dto/document-register-query.dto';
import { DocumentRegisterService } from './document-register.service';

@ApiTags('official-documents')
@ApiBearerAuth()
@Controller('document-register')
export class DocumentRegisterController {
  constructor(private readonly documents: DocumentRegisterService) {}

  @Get()
  @Roles(...STAFF_ROLES)
  @ApiProduces('application/json', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'text/csv', 'application/pdf')
  @ApiOperation({ summary: 'Sổ đăng ký văn bản đi: số, ngày, loại, trích yếu, người ký và thể thức ký (?year=&type=&format=json|xlsx|csv|pdf)' })
  list(@CurrentActor() actor: Actor, @Query() query: DocumentRegisterQuery) {
    return this.documents.registerExport(actor, query);
  }
}
