import { Module } from '@nestjs/common';
import { PdfModule } from '../../rendering/pdf/pdf.module';
import { ApplicationsModule } from '../applications/applications.module';
import { CatalogueModule } from '../catalogue/catalogue.module';
import { DisbursementsModule } from '../disbursements/disbursements.module';
import { EstablishmentsModule } from '../establishments/establishments.module';
import { OrganizationModule } from '../organization/organization.module';
import { SettlementModule } from '../settlement/settlement.module';
import { DocumentRegisterModule } from '../document-register/document-register.module';
import { OfficialDocumentsController } from './official-documents.controller';
import { OfficialPapersService } from './official-papers.service';

/**
 * The papers of a file (quyết định, hợp đồng, biên bản, thông báo, giấy đề nghị), above the
 * modules whose facts they print; the register they are numbered in is DocumentRegisterModule.
 */
@Module({
  imports: [DocumentRegisterModule, ApplicationsModule, CatalogueModule, DisbursementsModule, EstablishmentsModule, OrganizationModule, SettlementModule, PdfModule],
  controllers: [OfficialDocumentsController],
  providers: [OfficialPapersService],
  exports: [OfficialPapersService, DocumentRegisterModule],
})
export class OfficialDocumentsModule {}
