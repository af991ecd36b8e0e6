import { Injectable } from '@nestjs/common';
import type { IncomingMessage } from 'node:http';
import { requireRole } from '../../common/auth/access';
import type { Actor } from '../../common/auth/actor';
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
import { countStatuses, isMissingFromStatement, matchStatementLine, movementKey, RecordedMovement } from './reconciliation.rules';
import {
  ReconciliationImportSummary,
  ReconciliationImportView,
  StoredLine,
  StoredResult,
  toImportSummary,
  toImportView,
} from './reconciliation.view';
import { readStatementUpload } from './statement-reader';

/** Room left in a packet for the rest of the INSERT around result_json. */
const PACKET_MARGIN_BYTES = 64 * 1024;

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
    const statement = await readStatementUpload(upload);
    return this.tx.run(async (em) => {
      const earlier = await em.findOne(ReconciliationImport, { where: { fileSha256: statement.sha256 }, select: { id: true, createdAt: true } });
      if (earlier) throw ReconciliationError.duplicateFile(earlier.id, earlier.createdAt);

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
      const [{ packet }] = await em.query('SELECT @@max_allowed_packet AS packet');
      if (Buffer.byteLength(resultJson) > Number.parseInt(String(packet), 10) - PACKET_MARGIN_BYTES) {
        throw ReconciliationError.tooLargeResult(lines.length);
      }

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
    });
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
