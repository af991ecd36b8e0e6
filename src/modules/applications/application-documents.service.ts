import { Injectable, StreamableFile } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { access, mkdir, readdir, readFile, rm, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { EntityManager } from 'typeorm';
import { requireRole } from '../../common/auth/access';
import { Actor, hasRole } from '../../common/auth/actor';
import { Clock } from '../../common/clock';
import { discardStagedFile, placeStagedFile, stagedTarget, stageFile } from '../../common/files/staged-file';
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

/** Files younger than this may belong to an upload still under way; the sweep leaves them. */
export const ORPHAN_AGE_MS = 3600_000;

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
    return this.storeWithRow(document, file.buffer, async (em) => {
      await em.insert(ApplicationDocument, document);
      const view = toDocumentView(document);
      this.audit.record({ actor, capacity, action: 'application.document_upload', entity: 'application', entityId: app.id, after: view });
      return view;
    });
  }

  /**
   * The bytes go to a temporary name (fsynced) before the transaction and to their own name only
   * after its COMMIT, so a final name always has its row. When the transaction fails, the row is
   * looked for before anything is removed: a COMMIT whose answer was lost (the connection dropped
   * after the server committed) left a row that needs its bytes, and the upload did happen. When
   * even that cannot be known, the temporary file stays for the sweep to settle.
   */
  private async storeWithRow(document: ApplicationDocument, bytes: Buffer, insertRow: (em: EntityManager) => Promise<DocumentView>): Promise<DocumentView> {
    const path = this.pathOf(document.storageKey);
    await mkdir(dirname(path), { recursive: true });
    const staged = await stageFile(path, bytes);
    if (this.tx.inTransaction) {
      // Part of a larger use case (the demo province): the bytes go to their name once the outer
      // transaction commits; after a rollback, or a rename that fails, the sweep settles them.
      const view = await this.tx.run(insertRow);
      this.tx.afterCommit(() => placeStagedFile(staged));
      return view;
    }
    let view: DocumentView;
    try {
      view = await this.tx.run(insertRow);
    } catch (error) {
      const committed = await this.rowExists(document.id).catch(() => null);
      if (committed === true) {
        await placeStagedFile(staged);
        return toDocumentView(document);
      }
      if (committed === false) await discardStagedFile(staged);
      throw error;
    }
    await placeStagedFile(staged);
    return view;
  }

  private async rowExists(documentId: string): Promise<boolean> {
    return (await this.tx.manager.count(ApplicationDocument, { where: { id: documentId } })) > 0;
  }

  /**
   * Housekeeping: removes, under DATA_DIR/applications, files older than an hour that no document
   * row names (a crash between writing and committing), and temporary files older than an hour.
   * A temporary file whose row committed but whose rename never happened (a crash right after
   * COMMIT) is put in its place instead, when its bytes are the row's (SHA-256). Young files are
   * left alone: their upload may still be under way.
   */
  async sweepOrphanFiles(): Promise<{ removed: number; restored: number }> {
    const root = this.pathOf('applications');
    const cutoff = this.clock.now().getTime() - ORPHAN_AGE_MS;
    let removed = 0;
    let restored = 0;
    for (const applicationId of await directoriesIn(root)) {
      if (!isId(applicationId)) continue;
      const dir = join(root, applicationId);
      const old: Array<{ name: string; path: string }> = [];
      for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
        if (!entry.isFile()) continue;
        const path = join(dir, entry.name);
        const stats = await stat(path).catch(() => null);
        if (stats && stats.mtimeMs < cutoff) old.push({ name: entry.name, path });
      }
      if (old.length === 0) continue;
      const rows = await this.tx.manager.find(ApplicationDocument, { where: { applicationId }, select: { storageKey: true, sha256: true } });
      const rowOf = new Map(rows.map((row) => [row.storageKey, row]));
      const keyOf = (name: string) => `applications/${applicationId}/${name}`;
      for (const file of old) {
        const target = stagedTarget(file.name);
        if (target === null) {
          if (rowOf.has(keyOf(file.name))) continue;
        } else {
          const row = rowOf.get(keyOf(target));
          const targetPath = join(dir, target);
          if (row && !(await exists(targetPath)) && (await sha256Of(file.path)) === row.sha256) {
            await placeStagedFile({ path: targetPath, tempPath: file.path });
            restored++;
            continue;
          }
        }
        await rm(file.path, { force: true });
        removed++;
      }
    }
    return { removed, restored };
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

async function directoriesIn(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  return entries.filter((e) => e.isDirectory()).map((e) => e.name);
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

async function sha256Of(path: string): Promise<string> {
  return createHash('sha256').update(await readFile(path)).digest('hex');
}
