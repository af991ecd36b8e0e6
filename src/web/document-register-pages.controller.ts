import { Get, Query, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { type Actor, STAFF_ROLES } from '../common/auth/actor';
import { Clock } from '../common/clock';
import { validatedQuery } from './forms/form-validation';
import { DocumentRegisterQuery } from '../modules/document-register/dto/document-register-query.dto';
import { OFFICIAL_DOCUMENT_LABELS, SIGNING_FORM_LABELS } from '../modules/document-register/document-register.labels';
import { DocumentRegisterService } from '../modules/document-register/document-register.service';
import { ApiLinks } from './api-links';
import { PageController } from './page-controller';
import { PageResponder } from './page-responder';
import { PageActor, PageRoles, WebRequest } from './web-context';

/** The API's register route, which the export links open with the browser's session. */
const REGISTER_ROUTE = '/api/v1/document-register';

/**
 * Sổ văn bản đi: the office's register of outgoing documents (Điều 24.6): every paper a file's
 * step issued, in the order its number was given, for a year and a type, with links to export it
 * (XLSX to archive, PDF to print) and to each paper.
 */
@PageController('so-van-ban-di')
@PageRoles(...STAFF_ROLES)
export class DocumentRegisterPagesController {
  constructor(
    private readonly register: DocumentRegisterService,
    private readonly clock: Clock,
    private readonly apiLinks: ApiLinks,
    private readonly pages: PageResponder,
  ) {}

  @Get()
  async list(@Req() req: WebRequest, @Res() res: Response, @PageActor() actor: Actor, @Query('year') year?: string, @Query('type') type?: string) {
    const query = await validatedQuery(DocumentRegisterQuery, { year: year || undefined, type: type || undefined });
    const found = await this.register.registerOf(actor, query);
    const thisYear = Number.parseInt(this.clock.today().slice(0, 4), 10);
    const filter = `year=${found.year}${found.type ? `&type=${found.type}` : ''}`;
    this.pages.render(req, res, 'document-register', {
      title: 'Sổ đăng ký văn bản đi',
      year: found.year,
      type: found.type,
      years: [...new Set([thisYear, thisYear - 1, thisYear - 2, found.year])].sort((a, b) => b - a),
      types: Object.entries(OFFICIAL_DOCUMENT_LABELS).map(([value, label]) => ({ value, label })),
      items: found.items.map((e) => ({
        ...e,
        typeLabel: OFFICIAL_DOCUMENT_LABELS[e.type],
        signingFormLabel: SIGNING_FORM_LABELS[e.signingForm],
        signingTitle: e.signingTitle.join(' / '),
        // A paper covering several files (a list decision) is shown on its own page, each file's extract from there.
        href: e.applicationId ? `/ho-so/${e.applicationId}` : `/quyet-dinh/${e.id}`,
        paperUrl: e.applicationId ? `/api/v1/applications/${e.applicationId}/official-documents/${e.type}?${e.disbursementId ? `disbursementId=${e.disbursementId}&` : ''}format=pdf` : null,
      })),
      exports: this.apiLinks.has('GET', REGISTER_ROUTE)
        ? [
            { label: 'Excel (XLSX)', href: `${REGISTER_ROUTE}?${filter}&format=xlsx` },
            { label: 'PDF', href: `${REGISTER_ROUTE}?${filter}&format=pdf` },
            { label: 'CSV', href: `${REGISTER_ROUTE}?${filter}&format=csv` },
          ]
        : [],
    });
  }
}
