import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, UploadedFile, UseGuards, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../common/auth/actor';
import { CurrentActor, Roles } from '../../common/auth/decorators';
import { ApplicationDecisionService } from './application-decision.service';
import { ApplicationDocumentsService, UploadedPart } from './application-documents.service';
import { ApplicationReviewService } from './application-review.service';
import { ApplicationsService } from './applications.service';
import { ConsultationsService } from './consultations.service';
import { DOCUMENT_UPLOAD_OPTIONS } from './dto/document-upload';
import { DocumentUploadGuard } from './document-upload.guard';
import { ApplicationQuery } from './dto/application-query.dto';
import { CreateApplicationDto, UpdateApplicationDto } from './dto/application-input.dto';
import {
  AppraisalDto,
  AssignDto,
  ConsultDto,
  DecideDto,
  DocumentUploadDto,
  NoteDto,
  ReasonDto,
  RecommendDto,
  RequiredReasonDto,
  ReturnDto,
} from './dto/workflow.dto';
import { ACT_ROLES } from './file-access.rules';

@ApiTags('applications')
@ApiBearerAuth()
@Controller('applications')
export class ApplicationsController {
  constructor(
    private readonly applications: ApplicationsService,
    private readonly review: ApplicationReviewService,
    private readonly decisions: ApplicationDecisionService,
    private readonly consultations: ConsultationsService,
    private readonly documents: ApplicationDocumentsService,
  ) {}

  @Post()
  @Roles('applicant')
  @ApiOperation({ summary: 'Lập đề án khuyến công (bản nháp)' })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateApplicationDto) {
    return this.applications.create(actor, dto);
  }

  @Get()
  @ApiOperation({ summary: 'Danh sách hồ sơ (người nộp chỉ thấy hồ sơ của mình); ?overdue=true: hồ sơ quá hạn' })
  list(@CurrentActor() actor: Actor, @Query() query: ApplicationQuery) {
    return this.applications.list(actor, query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Một hồ sơ với toàn bộ tiến trình xử lý' })
  get(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.applications.get(actor, id);
  }

  @Patch(':id')
  @Roles('applicant')
  @ApiOperation({ summary: 'Sửa hồ sơ nháp hoặc hồ sơ được trả lại để bổ sung' })
  update(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: UpdateApplicationDto) {
    return this.applications.update(actor, id, dto);
  }

  @Post(':id/submit')
  @HttpCode(200)
  @Roles('applicant')
  @ApiOperation({ summary: 'Nộp hồ sơ' })
  submit(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.applications.submit(actor, id);
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  @Roles('applicant')
  @ApiOperation({ summary: 'Rút hồ sơ (trước khi có quyết định)' })
  withdraw(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: ReasonDto) {
    return this.applications.withdraw(actor, id, dto);
  }

  @Post(':id/documents')
  @Roles(...ACT_ROLES.upload)
  // The right to the file first (a guard), then the body (the interceptor), within its limits.
  @UseGuards(DocumentUploadGuard)
  @UseInterceptors(FileInterceptor('file', DOCUMENT_UPLOAD_OPTIONS))
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: { type: 'object', required: ['file', 'kind'], properties: { file: { type: 'string', format: 'binary' }, kind: { type: 'string' } } },
  })
  @ApiOperation({ summary: 'Đính kèm tài liệu (PDF, JPEG, PNG; tối đa 10 MB)' })
  upload(@CurrentActor() actor: Actor, @Param('id') id: string, @UploadedFile() file: UploadedPart | undefined, @Body() dto: DocumentUploadDto) {
    return this.documents.upload(actor, id, file, dto);
  }

  @Get(':id/documents/:docId')
  @ApiProduces('application/pdf', 'image/jpeg', 'image/png')
  @ApiOperation({ summary: 'Tải tài liệu của hồ sơ' })
  download(@CurrentActor() actor: Actor, @Param('id') id: string, @Param('docId') docId: string) {
    return this.documents.download(actor, id, docId);
  }

  @Post(':id/assign')
  @HttpCode(200)
  @Roles(...ACT_ROLES.assign)
  @ApiOperation({ summary: 'Giao đơn vị chủ trì, chuyên viên và hạn xử lý (đổi đơn vị hoặc hạn cần lãnh đạo)' })
  assign(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: AssignDto) {
    return this.review.assign(actor, id, dto);
  }

  @Post(':id/return')
  @HttpCode(200)
  @Roles(...ACT_ROLES.return)
  @ApiOperation({ summary: 'Trả hồ sơ để bổ sung' })
  returnForSupplement(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: ReturnDto) {
    return this.review.returnForSupplement(actor, id, dto);
  }

  @Post(':id/consultations')
  @Roles(...ACT_ROLES.consult)
  @ApiOperation({ summary: 'Xin ý kiến đơn vị khác' })
  consult(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: ConsultDto) {
    return this.consultations.consult(actor, id, dto);
  }

  @Post(':id/appraisals')
  @Roles(...ACT_ROLES.appraise)
  @ApiOperation({ summary: 'Thẩm định (mỗi thành viên một lần)' })
  appraise(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: AppraisalDto) {
    return this.review.appraise(actor, id, dto);
  }

  @Post(':id/recommend')
  @HttpCode(200)
  @Roles(...ACT_ROLES.recommend)
  @ApiOperation({ summary: 'Chuyên viên được giao (hoặc lãnh đạo đơn vị chủ trì) đề xuất mức hỗ trợ' })
  recommend(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: RecommendDto) {
    return this.review.recommend(actor, id, dto);
  }

  @Post(':id/send-back')
  @HttpCode(200)
  @Roles(...ACT_ROLES.send_back)
  @ApiOperation({ summary: 'Trả lại chuyên viên: trưởng phòng trả hồ sơ đã đề xuất, lãnh đạo trả hồ sơ đã ký tắt (kèm lý do)' })
  sendBack(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: RequiredReasonDto) {
    return this.review.sendBack(actor, id, dto);
  }

  @Post(':id/initial')
  @HttpCode(200)
  @Roles(...ACT_ROLES.initial)
  @ApiOperation({ summary: 'Lãnh đạo đơn vị chủ trì (hoặc người được giao việc thường xuyên) ký tắt' })
  initial(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: NoteDto) {
    return this.review.initial(actor, id, dto);
  }

  @Post(':id/decide')
  @HttpCode(200)
  @Roles('leader', 'head', 'officer', 'finance')
  @ApiOperation({ summary: 'Lãnh đạo hoặc người được ủy quyền quyết định phê duyệt / không phê duyệt' })
  decide(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: DecideDto) {
    return this.decisions.decide(actor, id, dto);
  }
}
