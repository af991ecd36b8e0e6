import { Module } from '@nestjs/common';
import { OrganizationModule } from '../organization/organization.module';
import { ReportRenderingModule } from '../../rendering/report/report-rendering.module';
import { DocumentRegisterController } from './document-register.controller';
import { DocumentRegisterService } from './document-register.service';

/**
 * The register of outgoing documents, below the modules whose steps issue papers (applications,
 * disbursements, settlement): they register each paper in their own transaction through
 * DocumentRegisterService. The papers themselves, which read those modules, are
 * OfficialDocumentsModule, above them.
 */
@Module({ imports: [OrganizationModule, ReportRenderingModule], controllers: [DocumentRegisterController], providers: [DocumentRegisterService], exports: [DocumentRegisterService] })
export class DocumentRegisterModule {}
