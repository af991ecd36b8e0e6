import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../common/auth/actor';
import { CurrentActor } from '../../common/auth/decorators';
import { OfficialDocumentQuery } from './dto/official-document-query.dto';
import { OfficialPapersService } from './official-papers.service';

@ApiTags('official-documents')
@ApiBearerAuth()
@Controller('applications/:id/official-documents')
export class OfficialDocumentsController {
  constructor(private readonly papers: OfficialPapersService) {}

  @Get()
  @ApiOperation({ summary: 'Các văn bản đã ban hành của hồ sơ: loại, số, ngày, người ký, thể thức ký và đường dẫn tải PDF/DOCX của từng văn bản' })
  list(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.papers.list(actor, id);
  }

  @Get(':type')
  @ApiProduces('application/pdf', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')
  @ApiOperation({ summary: 'Một văn bản của hồ sơ (decision, contract, acceptance, settlement, recovery-notice, payment-request) dạng PDF hoặc DOCX: văn bản gần nhất của loại, hoặc văn bản mang số ?number= trong sổ văn bản đi; 404 khi bước tương ứng chưa diễn ra hoặc số không phải của hồ sơ' })
  document(@CurrentActor() actor: Actor, @Param('id') id: string, @Param('type') type: string, @Query() query: OfficialDocumentQuery) {
    return this.papers.document(actor, id, type, query);
  }
}
