import { Injectable } from '@nestjs/common';
import { Actor } from '../../common/auth/actor';
import { Clock } from '../../common/clock';
import { newId } from '../../common/ids';
import { Money, plainString } from '../../common/money/decimal';
import { formatMoneyForApi } from '../../common/money/money';
import { TransactionRunner } from '../../database/transaction';
import { AuditService } from '../audit/audit.service';
import { LedgerError } from './ledger.error';
import { assertSpecShape, naturalKey, reversalOf, sourceMustCover, transferProblem } from './ledger.rules';
import { AccountSpec, Books, PostTransfer, TransferView } from './ledger.types';
import { Transfer } from './transfer.entity';

interface AffectedRows {
  affectedRows?: number;
}

/**
 * The only code that changes a balance. A transfer is one guarded UPDATE of both accounts (the
 * rows lock in primary-key order, so concurrent transfers take locks in one fixed order) and an
 * INSERT of the transfer, in the caller's transaction. An account that may not go negative
 * never does: the UPDATE only matches it while its balance covers the amount.
 */
@Injectable()
export class LedgerService {
  /** natural key → account id, only for accounts known to be committed (ids never change). */
  private readonly accountIds = new Map<string, string>();
  /** Accounts created by a transaction still in progress: not cacheable until another one finds them. */
  private readonly createdIn = new WeakMap<object, Set<string>>();

  constructor(
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** Refuses money movements in a year that is not open; holds a shared lock on the year until commit. */
  async assertYearOpen(year: number): Promise<void> {
    const rows: Array<{ status: string }> = await this.tx.manager.query(
      'SELECT status FROM fiscal_years WHERE year = ? LOCK IN SHARE MODE',
      [year],
    );
    if (rows[0]?.status !== 'open') throw LedgerError.yearNotOpen(year);
  }

  /**
   * Posts a transfer in the caller's transaction. The guarded update, its checks and the transfer
   * row go to the server as one deferred write, in front of the transaction's next statement or
   * with its COMMIT, so the balances are held only while the server runs it. Its refusals (year
   * not open; the source would go negative: `whenInsufficient`, or 409 INSUFFICIENT_FUNDS; a
   * balance would leave its column: 400 naming `amount`) fail the transaction, which rolls back
   * as a whole.
   */
  async post(input: PostTransfer): Promise<TransferView> {
    if (!this.tx.inTransaction) throw new Error('ledger transfers are posted inside the use case transaction');
    const { books } = input;
    const problem = transferProblem({ books, from: input.from, to: input.to, amount: input.amount });
    if (problem) throw new Error(problem);
    // An account is created on first use, and only in an open year (a year that does not exist
    // has no accounts to create): checked first whenever one is not known yet.
    const [knownFrom, knownTo] = [this.cachedId(books, input.from), this.cachedId(books, input.to)];
    if (!knownFrom || !knownTo) await this.assertYearOpen(books.fiscalYear);
    const fromId = knownFrom ?? (await this.accountId(books, input.from));
    const toId = knownTo ?? (await this.accountId(books, input.to));
    const amount = plainString(input.amount);
    const transfer: TransferView = {
      id: newId(),
      fundCode: books.fundCode,
      fiscalYear: books.fiscalYear,
      kind: input.kind,
      debitAccountId: toId,
      creditAccountId: fromId,
      amount: formatMoneyForApi(input.amount, books.currency),
      reference: input.reference,
      reversesId: input.reversesId ?? null,
      unitId: input.unitId ?? input.to.unitId ?? input.from.unitId ?? null,
      applicationId: input.applicationId ?? input.to.applicationId ?? input.from.applicationId ?? null,
      actorId: input.actor?.id ?? null,
      capacity: input.capacity,
      note: input.note ?? null,
      createdAt: this.clock.now().toISOString(),
    };
    // One statement (the ledger_post procedure): the year's shared lock, the guarded update of
    // both balances, the transfer row; it refuses with YEAR_NOT_OPEN or INSUFFICIENT_FUNDS.
    await this.tx.defer({
      sql: 'CALL ledger_post(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)',
      params: [
        transfer.id,
        books.fundId,
        books.fiscalYear,
        transfer.kind,
        toId,
        fromId,
        sourceMustCover(input.from),
        amount,
        transfer.reference,
        transfer.reversesId,
        transfer.unitId,
        transfer.applicationId,
        transfer.actorId,
        transfer.capacity,
        transfer.note,
        new Date(transfer.createdAt),
      ],
      refusals: {
        tag: transfer.id,
        errors: {
          YEAR_NOT_OPEN: () => LedgerError.yearNotOpen(books.fiscalYear),
          INSUFFICIENT_FUNDS: input.whenInsufficient ?? (() => LedgerError.insufficientFunds()),
          OUT_OF_RANGE: () => LedgerError.outOfRange(),
        },
      },
    });
    this.audit.record({
      actor: input.actor,
      capacity: input.capacity,
      action: `ledger.${input.kind}`,
      entity: 'ledger_transfer',
      entityId: transfer.id,
      after: transfer,
    });
    return transfer;
  }

  /**
   * A correction, in the caller's transaction (the approval of a reversal request): the same
   * amount back between the same accounts, pointing at the original. The caller has checked
   * that the transfer may be reversed (`reversalRefusal`); the unique key on `reverses_id`
   * refuses a second reversal all the same, and the guarded update refuses one the receiving
   * account no longer covers (`whenInsufficient`).
   */
  async postReversal(input: { transfer: Transfer; reason: string; actor: Actor; capacity: string; whenInsufficient?: () => Error }): Promise<TransferView> {
    const { transfer } = input;
    const [{ code, currency }]: Array<{ code: string; currency: string }> = await this.tx.manager.query('SELECT code, currency FROM funds WHERE id = ?', [transfer.fundId]);
    const books: Books = { fundId: transfer.fundId, fundCode: code, currency, fiscalYear: transfer.fiscalYear };
    const [debit, credit] = await Promise.all([this.accountSpecOf(transfer.debitAccountId), this.accountSpecOf(transfer.creditAccountId)]);
    return this.post({
      books,
      kind: 'reversal',
      ...reversalOf({ debit, credit }),
      amount: transfer.amount,
      reference: transfer.reference,
      note: input.reason,
      actor: input.actor,
      capacity: input.capacity,
      unitId: transfer.unitId,
      applicationId: transfer.applicationId,
      reversesId: transfer.id,
      whenInsufficient: input.whenInsufficient,
    });
  }

  /** The current balance of an account (zero when it was never used). */
  async balance(books: Books, spec: AccountSpec, options: { lock?: boolean } = {}): Promise<Money> {
    const rows: Array<{ balance: string }> = await this.tx.manager.query(
      `SELECT balance FROM ledger_accounts WHERE natural_key = ?${options.lock ? ' FOR UPDATE' : ''}`,
      [naturalKey(books.fundId, books.fiscalYear, spec)],
    );
    return new Money(rows[0]?.balance ?? 0);
  }

  private async accountSpecOf(accountId: string): Promise<AccountSpec> {
    const rows: Array<{ kind: AccountSpec['kind']; unit_id: string | null; application_id: string | null }> = await this.tx.manager.query(
      'SELECT kind, unit_id, application_id FROM ledger_accounts WHERE id = ?',
      [accountId],
    );
    return { kind: rows[0].kind, unitId: rows[0].unit_id, applicationId: rows[0].application_id };
  }

  /** The id of an account known to be committed, without a query; undefined otherwise. */
  private cachedId(books: Books, spec: AccountSpec): string | undefined {
    assertSpecShape(spec);
    return this.accountIds.get(naturalKey(books.fundId, books.fiscalYear, spec));
  }

  /**
   * The id of an account, created on first use. An id is cached only once it is known to be
   * committed (found, not created, by this transaction), so a rollback never leaves a stale id.
   */
  private async accountId(books: Books, spec: AccountSpec): Promise<string> {
    const cached = this.cachedId(books, spec);
    if (cached) return cached;
    const key = naturalKey(books.fundId, books.fiscalYear, spec);
    // A plain read first: INSERT IGNORE on an existing key takes a shared lock on that row, and two
    // transfers both holding it and then updating the balance would deadlock.
    const existing: Array<{ id: string }> = await this.tx.manager.query('SELECT id FROM ledger_accounts WHERE natural_key = ?', [key]);
    const manager = this.tx.manager;
    const ours = this.createdIn.get(manager) ?? new Set<string>();
    this.createdIn.set(manager, ours);
    if (existing[0]) {
      if (!ours.has(key)) this.accountIds.set(key, existing[0].id);
      return existing[0].id;
    }
    const created: AffectedRows = await manager.query(
      `INSERT IGNORE INTO ledger_accounts (id, fund_id, fiscal_year, kind, unit_id, application_id, natural_key, balance, created_at)
       VALUES (?,?,?,?,?,?,?,0,?)`,
      [newId(), books.fundId, books.fiscalYear, spec.kind, spec.unitId ?? null, spec.applicationId ?? null, key, this.clock.now()],
    );
    const rows: Array<{ id: string }> = await manager.query('SELECT id FROM ledger_accounts WHERE natural_key = ?', [key]);
    if (!rows[0]) throw new Error(`account ${key} could not be created (unknown unit or year?)`);
    if (affectedRows(created) === 1) ours.add(key);
    else if (!ours.has(key)) this.accountIds.set(key, rows[0].id);
    return rows[0].id;
  }
}

function affectedRows(result: unknown): number {
  return (result as AffectedRows)?.affectedRows ?? 0;
}
