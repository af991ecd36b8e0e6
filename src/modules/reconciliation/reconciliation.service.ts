import { Injectable, StreamableFile } from '@nestjs/common';
import type { IncomingMessage } from 'node:http';
import { requireRole } from '../../common/auth/access';
import type { Actor, Role } from '../../common/auth/actor';
import { Clock } from '../../common/clock';
import { NotFound } from '../../common/http/domain-error';
import { Page, pageOf } from '../../common/http/page';
import { isId, newId } from '../../common/ids';
import { formatMoneyForApi } from '../../common/money/money';
import { TransactionRunner } from '../../database/transaction';
import { AuditService } from '../audit/audit.service';
import type { ReconciliationImportQuery } from './dto/import-query.dto';
import { RecordedMovements } from './recorded-movements';
import { ReconciliationImport } from './reconciliation-import.entity';
import { ReconciliationError } from './reconciliation.error';
import { EntityManager, LessThan } from 'typeorm';
import { ReconciliationPreview } from './reconciliation-preview.entity';
import { countStatuses, directionTotals, isMissingFromStatement, matchStatementLine, movementKey, RecordedMovement } from './reconciliation.rules';
import {
  ReconciliationImportSummary,
  ReconciliationImportView,
  fromStoredRow,
  StatementPreviewView,
  StoredLine,
  StoredResult,
  StoredRow,
  toImportSummary,
  toImportView,
  toStoredRow,
} from './reconciliation.view';
import { ParsedStatement, readStatementUpload, requireWellFormed } from './statement-reader';
import { statementTemplateCsv, statementTemplateXlsx } from './statement-template';

/** Room left in a packet for the rest of the INSERT around result_json. */
const PACKET_MARGIN_BYTES = 64 * 1024;
/** How long a previewed statement waits for its import to be confirmed. */
const PREVIEW_KEPT_MS = 2 * 60 * 60 * 1000;
/** Lines a preview shows; the counts and totals cover them all. */
const PREVIEW_ROWS = 200;

@Injectable()
export class ReconciliationService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly movements: RecordedMovements,
  ) {}

  /**
   * Imports a treasury statement (sao kê Kho bạc): every line is checked first (one malformed line
   * refuses the file), then each line is matched on its treasury reference and direction against
   * KCFund's paid disbursements and recovery receipts, and KCFund's movements inside the statement's
   * value dates that it lacks are listed. The same file twice is refused.
   */
  async importStatement(actor: Actor, upload: IncomingMessage): Promise<ReconciliationImportView> {
    const capacity = requireRole(actor, 'finance');
    const statement = requireWellFormed(await readStatementUpload(upload));
    return this.tx.run((em) => this.record(em, actor, capacity, statement));
  }

  /**
   * Reads a statement and shows it before anything is imported (the page's xem trước): its lines,
   * totals and every problem. A well-formed statement is kept for its uploader for two hours under
   * the preview's id, which `importPreviewed` takes; one with problems is not kept. A file already
   * imported is refused now rather than at the confirmation.
   */
  async previewStatement(actor: Actor, upload: IncomingMessage): Promise<StatementPreviewView> {
    requireRole(actor, 'finance');
    const reading = await readStatementUpload(upload);
    const totals = directionTotals(reading.rows);
    const shown = {
      fileName: reading.fileName,
      lineCount: reading.rows.length,
      firstValueDate: reading.firstValueDate || null,
      lastValueDate: reading.lastValueDate || null,
      totals: {
        out: { lines: totals.out.lines, amount: formatMoneyForApi(totals.out.amount, 'VND') },
        in: { lines: totals.in.lines, amount: formatMoneyForApi(totals.in.amount, 'VND') },
      },
      rows: reading.rows.slice(0, PREVIEW_ROWS),
      problems: reading.problems,
      problemsTruncated: reading.problemsTruncated,
    };
    if (reading.problems.length) return { ...shown, id: null, expiresAt: null };
    return this.tx.run(async (em) => {
      await this.refuseImported(em, reading.sha256);
      const now = this.clock.now();
      await em.delete(ReconciliationPreview, { createdAt: LessThan(new Date(now.getTime() - PREVIEW_KEPT_MS)) });
      const rowsJson = JSON.stringify(reading.rows.map(toStoredRow));
      await this.requireStorable(em, rowsJson, reading.rows.length);
      const preview = em.create(ReconciliationPreview, {
        id: newId(),
        preparedBy: actor.id,
        fileSha256: reading.sha256,
        fileName: reading.fileName?.slice(0, 255) ?? null,
        firstValueDate: reading.firstValueDate,
        lastValueDate: reading.lastValueDate,
        lineCount: reading.rows.length,
        rowsJson,
        createdAt: now,
      });
      await em.insert(ReconciliationPreview, preview);
      return { ...shown, id: preview.id, expiresAt: new Date(now.getTime() + PREVIEW_KEPT_MS).toISOString() };
    });
  }

  /**
   * Imports the statement a preview kept, as `importStatement` would have imported the file: only
   * its uploader may, once, within two hours. The preview is gone afterwards.
   */
  async importPreviewed(actor: Actor, previewId: string): Promise<ReconciliationImportView> {
    const capacity = requireRole(actor, 'finance');
    return this.tx.run(async (em) => {
      const since = new Date(this.clock.now().getTime() - PREVIEW_KEPT_MS);
      const preview = isId(previewId)
        ? await em
            .createQueryBuilder(ReconciliationPreview, 'p')
            .addSelect('p.rowsJson')
            .where('p.id = :id AND p.preparedBy = :by AND p.createdAt >= :since', { id: previewId, by: actor.id, since })
            .setLock('pessimistic_write')
            .getOne()
        : null;
      if (!preview) throw ReconciliationError.previewGone();
      await em.delete(ReconciliationPreview, { id: preview.id });
      const rows = (JSON.parse(preview.rowsJson) as StoredRow[]).map(fromStoredRow);
      const keys = new Map(rows.map((row) => [movementKey(row.direction, row.treasuryRef), row.line]));
      return this.record(em, actor, capacity, {
        sha256: preview.fileSha256,
        fileName: preview.fileName,
        rows,
        keys,
        firstValueDate: preview.firstValueDate,
        lastValueDate: preview.lastValueDate,
      });
    });
  }

  /** The template to fill (CSV for any spreadsheet, XLSX for Excel), with the Vietnamese headers. */
  async template(actor: Actor, format: 'csv' | 'xlsx'): Promise<StreamableFile> {
    requireRole(actor, 'finance', 'auditor');
    const today = this.clock.today();
    const bytes = format === 'csv' ? statementTemplateCsv(today) : await statementTemplateXlsx(today);
    return new StreamableFile(bytes, {
      type: format === 'csv' ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      disposition: `attachment; filename="mau-sao-ke-kho-bac.${format}"`,
      length: bytes.length,
    });
  }

  /** Matches a well-formed statement and stores the result, in the use case's transaction. */
  private async record(em: EntityManager, actor: Actor, capacity: Role, statement: ParsedStatement): Promise<ReconciliationImportView> {
    await this.refuseImported(em, statement.sha256);

    const lines: StoredLine[] = [];
    for await (const { rows, recorded } of this.movements.inChunksWithRecords(em, statement.rows)) {
      for (const row of rows) {
        const found = recorded.get(movementKey(row.direction, row.treasuryRef));
        const status = matchStatementLine({ statementAmount: row.amount, recordedAmount: found?.amount ?? null });
        lines.push([row.line, row.treasuryRef, row.direction, status, row.amount, found ? formatMoneyForApi(found.amount, found.currency) : null]);
      }
    }

    const { firstValueDate, lastValueDate } = statement;
    const missing = await this.movements.withValueDates(em, {
      first: firstValueDate,
      last: lastValueDate,
      keep: (movement) => isMissingFromStatement(movement, { statementKeys: statement.keys, firstValueDate, lastValueDate }),
    });
    missing.sort(byValueDateDirectionRef);

    const result: StoredResult = {
      format: 1,
      lines,
      missing: missing.map((m) => [m.treasuryRef, m.direction, formatMoneyForApi(m.amount, m.currency), m.valueDate]),
    };
    const resultJson = JSON.stringify(result);
    await this.requireStorable(em, resultJson, lines.length);

    const entity = em.create(ReconciliationImport, {
      id: newId(),
      fileSha256: statement.sha256,
      fileName: statement.fileName?.slice(0, 255) ?? null,
      firstValueDate,
      lastValueDate,
      lineCount: lines.length,
      ...countStatuses(lines.map((line) => line[3])),
      missingFromStatement: missing.length,
      resultJson,
      importedBy: actor.id,
      createdAt: this.clock.now(),
    });
    // The unique key on file_sha256 settles two imports of one file at once (409 DUPLICATE).
    await em.insert(ReconciliationImport, entity);
    const summary = toImportSummary(entity);
    this.audit.record({ actor, capacity, action: 'reconciliation.import', entity: 'reconciliation_import', entityId: entity.id, after: summary });
    return toImportView(entity, result);
  }

  private async refuseImported(em: EntityManager, sha256: string): Promise<void> {
    const earlier = await em.findOne(ReconciliationImport, { where: { fileSha256: sha256 }, select: { id: true, createdAt: true, fileName: true } });
    if (earlier) throw ReconciliationError.duplicateFile(earlier.createdAt, earlier.fileName);
  }

  /** A LONGTEXT is sent in one packet: refuse what the server would not take, saying why. */
  private async requireStorable(em: EntityManager, json: string, lines: number): Promise<void> {
    const [{ packet }] = await em.query('SELECT @@max_allowed_packet AS packet');
    if (Buffer.byteLength(json) > Number.parseInt(String(packet), 10) - PACKET_MARGIN_BYTES) throw ReconciliationError.tooLargeResult(lines);
  }

  async list(actor: Actor, query: ReconciliationImportQuery): Promise<Page<ReconciliationImportSummary>> {
    requireRole(actor, 'finance', 'auditor');
    const [rows, total] = await this.tx.manager
      .createQueryBuilder(ReconciliationImport, 'i')
      .orderBy('i.id', 'DESC')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    return pageOf(rows.map(toImportSummary), total, query);
  }

  /** An import as it was answered when made. */
  async get(actor: Actor, id: string): Promise<ReconciliationImportView> {
    requireRole(actor, 'finance', 'auditor');
    const found = isId(id)
      ? await this.tx.manager.createQueryBuilder(ReconciliationImport, 'i').addSelect('i.resultJson').where('i.id = :id', { id }).getOne()
      : null;
    if (!found) throw new NotFound('Lần nhập sao kê');
    return toImportView(found, JSON.parse(found.resultJson) as StoredResult);
  }
}

function byValueDateDirectionRef(a: RecordedMovement, b: RecordedMovement): number {
  if (a.valueDate !== b.valueDate) return a.valueDate < b.valueDate ? -1 : 1;
  if (a.direction !== b.direction) return a.direction === 'out' ? -1 : 1;
  return a.treasuryRef < b.treasuryRef ? -1 : a.treasuryRef > b.treasuryRef ? 1 : 0;
}
