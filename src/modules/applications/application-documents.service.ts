import { Injectable, StreamableFile } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { requireRole } from '../../common/auth/access';
import { Actor, hasRole } from '../../common/auth/actor';
import { Clock } from '../../common/clock';
import { NotFound, ValidationFailed } from '../../common/http/domain-error';
import { isId, newId } from '../../common/ids';
import { AppConfig } from '../../config/app-config';
import { TransactionRunner } from '../../database/transaction';
import { AuditService } from '../audit/audit.service';
import { ApplicationDocument } from './application-document.entity';
import { ApplicationStore } from './application-store';
import { DocumentView, toDocumentView } from './application.view';
import { ApplicationError } from './applications.error';
import { FINAL_STATUSES } from './application-statuses';
import { detectDocumentType, documentName } from './documents.rules';
import { MAX_DOCUMENT_BYTES } from './dto/document-upload';
import type { DocumentUploadDto } from './dto/workflow.dto';

/** An uploaded part as multer gives it (memory storage). */
export interface UploadedPart {
  originalname: string;
  size: number;
  buffer: Buffer;
}

@Injectable()
export class ApplicationDocumentsService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly config: AppConfig,
    private readonly store: ApplicationStore,
  ) {}

  /**
   * The owner, the responsible officer or a head of the lead unit attaches a PDF, JPEG or PNG
   * (type from its content) of at most 10 MB.
   */
  async upload(actor: Actor, id: string, file: UploadedPart | undefined, dto: DocumentUploadDto): Promise<DocumentView> {
    const { app, capacity } = await this.openForUpload(actor, id);
    if (!file || file.size === 0) throw ValidationFailed.field('file', 'bắt buộc: một tệp PDF, JPEG hoặc PNG');
    if (file.size > MAX_DOCUMENT_BYTES) throw ValidationFailed.field('file', 'tệp tối đa 10 MB');
    const type = detectDocumentType(file.buffer);
    if (!type) throw ValidationFailed.field('file', 'chỉ nhận tệp PDF, JPEG hoặc PNG (kiểm tra theo nội dung tệp)');

    const document = Object.assign(new ApplicationDocument(), {
      id: newId(),
      applicationId: app.id,
      kind: dto.kind.trim(),
      name: documentName({ original: file.originalname, type }),
      contentType: type.contentType,
      size: file.size,
      sha256: createHash('sha256').update(file.buffer).digest('hex'),
      uploadedBy: actor.id,
      uploadedAt: this.clock.now(),
    });
    document.storageKey = `applications/${app.id}/${document.id}`;
    const path = this.pathOf(document.storageKey);
    await mkdir(join(path, '..'), { recursive: true });
    await writeFile(path, file.buffer, { flag: 'wx' });
    try {
      return await this.tx.run(async (em) => {
        await em.insert(ApplicationDocument, document);
        const view = toDocumentView(document);
        this.audit.record({ actor, capacity, action: 'application.document_upload', entity: 'application', entityId: app.id, after: view });
        return view;
      });
    } catch (error) {
      // The row did not commit: the bytes must not stay behind unreferenced.
      await rm(path, { force: true });
      throw error;
    }
  }

  /**
   * Whether `actor` may attach a document to file `id` now (404 hidden, 403 not theirs to act on,
   * 409 closed). The upload routes ask it before the multipart body is read, so a stranger's
   * upload is refused from its headers; the upload itself asks again, as its first line.
   */
  async assertMayUpload(actor: Actor, id: string): Promise<void> {
    await this.openForUpload(actor, id);
  }

  private async openForUpload(actor: Actor, id: string) {
    const { app, standing } = await this.store.open(actor, id, 'upload');
    const capacity = standing.owner && hasRole(actor, 'applicant') ? 'applicant' : requireRole(actor, 'officer', 'head');
    // A file whose life has ended takes no more documents.
    if (FINAL_STATUSES.includes(app.status)) throw new ApplicationError('INVALID_STATE', 'Hồ sơ đã đóng, không nhận thêm tài liệu.');
    return { app, capacity };
  }

  /** The document's bytes, for the owner and staff. */
  async download(actor: Actor, id: string, documentId: string): Promise<StreamableFile> {
    const app = await this.store.findVisible(actor, id);
    const document = isId(documentId)
      ? await this.tx.manager.findOne(ApplicationDocument, { where: { id: documentId, applicationId: app.id } })
      : null;
    if (!document) throw new NotFound('Tài liệu');
    return new StreamableFile(createReadStream(this.pathOf(document.storageKey)), {
      type: document.contentType,
      length: document.size,
      disposition: `attachment; filename="${asciiName(document.name)}"; filename*=UTF-8''${encodeURIComponent(document.name)}`,
    });
  }

  private pathOf(storageKey: string): string {
    return resolve(this.config.DATA_DIR, storageKey);
  }
}

function asciiName(name: string): string {
  return name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').replace(/[^\x20-\x7e]/g, '_');
}
