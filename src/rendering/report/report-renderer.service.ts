import { Injectable, StreamableFile } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { Clock } from '../../common/clock';
import { renderCsv } from './csv.renderer';
import { reportPdf } from './pdf-report.layout';
import type { ReportDocument } from './report-document';
import type { ReportFormat } from './report-format';
import { renderXlsx } from './xlsx.renderer';
import { PdfService } from '../pdf/pdf.service';

const CONTENT_TYPES: Record<Exclude<ReportFormat, 'json'>, string> = {
  pdf: 'application/pdf',
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/**
 * Turns one report into the format asked for. JSON is the report's own figures; CSV, XLSX and PDF
 * are rendered from the ReportDocument built from those same figures (built only when needed).
 */
@Injectable()
export class ReportRenderer {
  constructor(
    private readonly pdf: PdfService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async render<T>(format: ReportFormat | undefined, json: () => T, document: () => ReportDocument): Promise<T | StreamableFile> {
    if (!format || format === 'json') return json();
    // Each step below is synchronous work proportional to the report; yielding between them lets
    // the requests that arrive meanwhile (health checks, other users) through.
    const turn = () => new Promise<void>((resolve) => setImmediate(resolve));
    await turn();
    const doc = document();
    await turn();
    const options = { type: CONTENT_TYPES[format], disposition: `attachment; filename="${doc.fileName}.${format}"` };
    if (format === 'csv' || format === 'xlsx') {
      const bytes = format === 'csv' ? Buffer.from(renderCsv(doc), 'utf8') : await renderXlsx(doc);
      return new StreamableFile(bytes, { ...options, length: bytes.length });
    }
    const definition = reportPdf(doc, { issuingBody: this.config.ISSUING_BODY, place: this.config.ISSUING_PLACE, date: this.clock.today() });
    await turn();
    return new StreamableFile(await this.pdf.render(definition), options);
  }
}
