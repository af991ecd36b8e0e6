import { Module } from '@nestjs/common';
import { PdfService } from './pdf.service';

/** PDF rendering off the request thread; import it to render a document (see official-layout.ts). */
@Module({ providers: [PdfService], exports: [PdfService] })
export class PdfModule {}
