import { Injectable } from '@nestjs/common';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { Money, plainString } from '../../common/money/decimal';
import { formatMoneyForApi } from '../../common/money/money';
import { Page, PageQuery, pageOf } from '../../common/http/page';
import { IsFiscalYear } from '../../common/http/validators';
import type { Actor } from '../../common/auth/actor';
import { requireRole } from '../../common/auth/access';
import { TransactionRunner } from '../../database/transaction';
import { whereClause } from '../../database/where-clause';
import { TransferView } from './ledger.types';

export class TransferQuery extends PageQuery {
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsFiscalYear() fiscalYear?: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(32) fundCode?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(26) accountId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(26) applicationId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(26) unitId?: string;
}

export class BooksQuery {
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsFiscalYear() fiscalYear?: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(32) fundCode?: string;
}

interface TransferRow {
  id: string;
  fund_code: string;
  currency: string;
  fiscal_year: number;
  kind: string;
  debit_account_id: string;
  credit_account_id: string;
  amount: string;
  reference: string;
  reverses_id: string | null;
  unit_id: string | null;
  application_id: string | null;
  actor_id: string | null;
  capacity: string;
  note: string | null;
  created_at: Date;
}

/** A fund as the books name it. */
export interface FundRow {
  id: string;
  code: string;
  source: string;
  currency: string;
}

/** The sum of the balances of one kind of account of a unit (or of none) in a fund's year. */
export interface BalanceSum {
  fund_id: string;
  fiscal_year: number;
  kind: string;
  unit_id: string | null;
  total: string;
}

/** An account holding money at a year's end. */
export interface OpenAccount {
  fund_id: string;
  fund_code: string;
  currency: string;
  kind: string;
  unit_id: string | null;
  application_id: string | null;
  balance: string;
}

/** Reading the books: transfers, the trial balance, balances summed. Aggregates run in SQL. */
@Injectable()
export class LedgerReadService {
  constructor(private readonly tx: TransactionRunner) {}

  /** The funds, or the one with `code`. Funds are few. */
  funds(code?: string): Promise<FundRow[]> {
    return this.tx.manager.query(`SELECT id, code, source, currency FROM funds${code ? ' WHERE code = ?' : ''}`, code ? [code] : []);
  }

  /**
   * Balances summed per year, fund, kind and unit, for the given funds (and year): read in order
   * from the covering index (year, fund, kind, unit, balance) without a join, so no row look-ups
   * and no temporary table.
   */
  balanceSums(filter: { fundIds: string[]; fiscalYear?: number }): Promise<BalanceSum[]> {
    if (filter.fundIds.length === 0) return Promise.resolve([]);
    const { clause, params } = whereClause([
      ['a.fiscal_year = ?', filter.fiscalYear],
      [`a.fund_id IN (${filter.fundIds.map(() => '?').join(',')})`, ...filter.fundIds],
    ]);
    return this.tx.manager.query(
      `SELECT a.fiscal_year, a.fund_id, a.kind, a.unit_id, SUM(a.balance) AS total
         FROM ledger_accounts a ${clause}
        GROUP BY a.fiscal_year, a.fund_id, a.kind, a.unit_id`,
      params,
    );
  }

  /**
   * In one round trip: the latest fiscal year holding a commitment of the file (null when none)
   * and every fiscal year with its status (they are few).
   */
  async fileYears(applicationId: string): Promise<{ commitmentYear: number | null; years: Array<{ year: number; status: 'open' | 'closed' }> }> {
    const rows: Array<{ year: number | null; status: 'open' | 'closed' | null; commitment_year: number | null }> = await this.tx.manager.query(
      `SELECT y.year, y.status, c.commitment_year
         FROM (SELECT MAX(fiscal_year) AS commitment_year FROM ledger_accounts WHERE application_id = ? AND kind = 'commitment') c
         LEFT JOIN fiscal_years y ON TRUE`,
      [applicationId],
    );
    const commitmentYear = rows[0]?.commitment_year ? Number(rows[0].commitment_year) : null;
    const years = rows.filter((r) => r.year !== null).map((r) => ({ year: Number(r.year), status: r.status! }));
    return { commitmentYear, years };
  }

  /** The fiscal year whose books a transfer was posted in, and that year's status; null for no such transfer. */
  async transferYear(transferId: string): Promise<{ year: number; status: 'open' | 'closed' } | null> {
    const rows: Array<{ year: number; status: 'open' | 'closed' }> = await this.tx.manager.query(
      'SELECT y.year, y.status FROM ledger_transfers t JOIN fiscal_years y ON y.year = t.fiscal_year WHERE t.id = ?',
      [transferId],
    );
    return rows[0] ? { year: Number(rows[0].year), status: rows[0].status } : null;
  }

  /**
   * The accounts of `kind` holding money in a year, locked for the caller's transaction (FOR
   * UPDATE), in id order so concurrent closers take the rows in one order.
   */
  openAccountsForUpdate(year: number, kind: string): Promise<OpenAccount[]> {
    return this.tx.manager.query(
      `SELECT a.fund_id, f.code AS fund_code, f.currency, a.kind, a.unit_id, a.application_id, a.balance
         FROM ledger_accounts a JOIN funds f ON f.id = a.fund_id
        WHERE a.fiscal_year = ? AND a.kind = ? AND a.balance > 0
        ORDER BY a.id FOR UPDATE`,
      [year, kind],
    );
  }

  async transfers(actor: Actor, query: TransferQuery): Promise<Page<TransferView>> {
    requireRole(actor, 'finance', 'auditor');
    const { clause, params } = whereClause([
      ['t.fiscal_year = ?', query.fiscalYear],
      ['f.code = ?', query.fundCode],
      ['(t.debit_account_id = ? OR t.credit_account_id = ?)', query.accountId, query.accountId],
      ['t.application_id = ?', query.applicationId],
      ['t.unit_id = ?', query.unitId],
    ]);
    const [{ total }] = await this.tx.manager.query(
      `SELECT COUNT(*) AS total FROM ledger_transfers t JOIN funds f ON f.id = t.fund_id ${clause}`,
      params,
    );
    const rows: TransferRow[] = await this.tx.manager.query(
      `SELECT t.*, f.code AS fund_code, f.currency FROM ledger_transfers t JOIN funds f ON f.id = t.fund_id ${clause}
       ORDER BY t.id LIMIT ? OFFSET ?`,
      [...params, query.pageSize, (query.page - 1) * query.pageSize],
    );
    return pageOf(rows.map(toTransferView), Number(total), query);
  }

  /**
   * Proves the books: for every account, the stored balance equals debits minus credits of its
   * transfers; over all transfers debits equal credits; and all balances sum to zero.
   */
  async trialBalance(actor: Actor, query: BooksQuery) {
    requireRole(actor, 'finance', 'auditor');
    const { clause, params } = whereClause([
      ['a.fiscal_year = ?', query.fiscalYear],
      ['f.code = ?', query.fundCode],
    ]);
    const rows: Array<{
      id: string;
      kind: string;
      fund_code: string;
      currency: string;
      fiscal_year: number;
      unit_id: string | null;
      application_id: string | null;
      balance: string;
      debits: string | null;
      credits: string | null;
    }> = await this.tx.manager.query(
      `SELECT a.id, a.kind, f.code AS fund_code, f.currency, a.fiscal_year, a.unit_id, a.application_id, a.balance,
              (SELECT SUM(amount) FROM ledger_transfers d WHERE d.debit_account_id = a.id) AS debits,
              (SELECT SUM(amount) FROM ledger_transfers c WHERE c.credit_account_id = a.id) AS credits
         FROM ledger_accounts a JOIN funds f ON f.id = a.fund_id ${clause}
        ORDER BY a.fund_id, a.fiscal_year, a.kind, a.id`,
      params,
    );
    // Every transfer stays inside one fund's books for one year, so summing each account's
    // debits and credits over the selected books counts every transfer once on each side.
    let balanced = true;
    let balanceSum = new Money(0);
    let totalDebits = new Money(0);
    let totalCredits = new Money(0);
    const accounts = rows.map((row) => {
      totalDebits = totalDebits.plus(row.debits ?? 0);
      totalCredits = totalCredits.plus(row.credits ?? 0);
      const balance = new Money(row.balance);
      const transferSum = new Money(row.debits ?? 0).minus(row.credits ?? 0);
      if (!balance.eq(transferSum)) balanced = false;
      balanceSum = balanceSum.plus(balance);
      return {
        id: row.id,
        kind: row.kind,
        fundCode: row.fund_code,
        fiscalYear: row.fiscal_year,
        unitId: row.unit_id,
        applicationId: row.application_id,
        balance: signed(balance, row.currency),
        transferSum: signed(transferSum, row.currency),
      };
    });
    if (!totalDebits.eq(totalCredits) || !balanceSum.isZero()) balanced = false;
    return {
      fiscalYear: query.fiscalYear ?? null,
      fundCode: query.fundCode ?? null,
      balanced,
      totalDebits: plainString(totalDebits, 2),
      totalCredits: plainString(totalCredits, 2),
      accounts,
    };
  }
}

/** Balances may be negative for source-like accounts: sign, then the API's form. */
function signed(value: Money, currency: string): string {
  return value.isNegative() ? `-${formatMoneyForApi(value.abs(), currency)}` : formatMoneyForApi(value, currency);
}

export function toTransferView(row: TransferRow): TransferView {
  return {
    id: row.id,
    fundCode: row.fund_code,
    fiscalYear: Number(row.fiscal_year),
    kind: row.kind,
    debitAccountId: row.debit_account_id,
    creditAccountId: row.credit_account_id,
    amount: formatMoneyForApi(new Money(row.amount), row.currency),
    reference: row.reference,
    reversesId: row.reverses_id,
    unitId: row.unit_id,
    applicationId: row.application_id,
    actorId: row.actor_id,
    capacity: row.capacity,
    note: row.note,
    createdAt: new Date(row.created_at).toISOString(),
  };
}
