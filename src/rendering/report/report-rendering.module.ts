import { Module } from '@nestjs/common';
import { PdfModule } from '../pdf/pdf.module';
import { ReportRenderer } from './report-renderer.service';

/** The four formats of every report (JSON, CSV, XLSX, PDF). */
@Module({ imports: [PdfModule], providers: [ReportRenderer], exports: [ReportRenderer, PdfModule] })
export class ReportRenderingModule {}
