import { Injectable } from '@nestjs/common';
import { Money } from '../../common/money/decimal';
import { formatMoneyForApi } from '../../common/money/money';
import type { Actor } from '../../common/auth/actor';
import { requireRole } from '../../common/auth/access';
import { TransactionRunner } from '../../database/transaction';
import { LedgerReadService } from '../ledger/ledger-read.service';
import { FiscalYear } from '../ledger/fiscal-year.entity';
import { SummaryQuery } from './dto/budget.dto';

interface BalanceRow {
  fund_code: string;
  source: string;
  currency: string;
  fiscal_year: number;
  kind: string;
  unit_id: string | null;
  total: string;
}

interface UnitFigures {
  available: Money;
  committed: Money;
  disbursed: Money;
  recovered: Money;
}

/**
 * Budget figures from stored balances (one GROUP BY over the accounts), never by replaying
 * transfers: per fund and year, and per unit within it.
 */
@Injectable()
export class BudgetSummaryService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly ledgerRead: LedgerReadService,
  ) {}

  /**
   * What a unit can still commit, per fund, in every open year where that is more than zero (the
   * summary's `available`). Read-only, for deciding whether the unit may be closed.
   */
  async availableOfUnit(unitId: string): Promise<Array<{ fundCode: string; fiscalYear: number; currency: string; available: string }>> {
    const open = new Set((await this.tx.manager.find(FiscalYear, { where: { status: 'open' }, select: { year: true } })).map((y) => Number(y.year)));
    const held = [];
    for (const fund of (await this.figures({})).funds) {
      const unit = open.has(fund.fiscalYear) ? fund.units.find((u) => u.unitId === unitId) : undefined;
      if (unit && new Money(unit.available).gt(0)) {
        held.push({ fundCode: fund.fundCode, fiscalYear: fund.fiscalYear, currency: fund.currency, available: unit.available });
      }
    }
    return held;
  }

  /** GET /budget/summary: finance, leaders and auditors read the books' figures. */
  async summary(actor: Actor, query: SummaryQuery) {
    requireRole(actor, 'finance', 'leader', 'auditor');
    return this.figures(query);
  }

  /** The figures of the summary, for the use cases that already checked their caller (reports, unit closing). */
  async figures(query: SummaryQuery) {
    // Funds are few: read them first, then the ledger sums the accounts on their covering index.
    const funds = await this.ledgerRead.funds(query.fundCode);
    if (funds.length === 0) return { funds: [] };
    const fundById = new Map(funds.map((f) => [f.id, f]));
    const sums = await this.ledgerRead.balanceSums({ fundIds: funds.map((f) => f.id), fiscalYear: query.fiscalYear });
    const rows: BalanceRow[] = sums
      .map((r) => {
        const fund = fundById.get(r.fund_id)!;
        return { fund_code: fund.code, source: fund.source, currency: fund.currency, fiscal_year: r.fiscal_year, kind: r.kind, unit_id: r.unit_id, total: r.total };
      })
      .sort((a, b) => a.fund_code.localeCompare(b.fund_code) || Number(a.fiscal_year) - Number(b.fiscal_year) || String(a.unit_id ?? '').localeCompare(String(b.unit_id ?? '')));
    const books = new Map<string, { fundCode: string; source: string; currency: string; fiscalYear: number; totals: Map<string, Money>; units: Map<string, UnitFigures> }>();
    for (const row of rows) {
      const key = `${row.fund_code}:${row.fiscal_year}`;
      let book = books.get(key);
      if (!book) {
        book = { fundCode: row.fund_code, source: row.source, currency: row.currency, fiscalYear: Number(row.fiscal_year), totals: new Map(), units: new Map() };
        books.set(key, book);
      }
      const total = new Money(row.total);
      book.totals.set(row.kind, (book.totals.get(row.kind) ?? new Money(0)).plus(total));
      if (!row.unit_id || !['allocation', 'commitment', 'payee', 'recovery'].includes(row.kind)) continue;
      const unit = book.units.get(row.unit_id) ?? { available: new Money(0), committed: new Money(0), disbursed: new Money(0), recovered: new Money(0) };
      if (row.kind === 'allocation') unit.available = unit.available.plus(total);
      if (row.kind === 'commitment') unit.committed = unit.committed.plus(total);
      if (row.kind === 'payee') unit.disbursed = unit.disbursed.plus(total);
      if (row.kind === 'recovery') unit.recovered = unit.recovered.minus(total);
      book.units.set(row.unit_id, unit);
    }
    return {
      funds: [...books.values()].map((book) => {
        const money = (value: Money) => formatMoneyForApi(value, book.currency);
        const total = (kind: string) => book.totals.get(kind) ?? new Money(0);
        return {
          fundCode: book.fundCode,
          source: book.source,
          currency: book.currency,
          fiscalYear: book.fiscalYear,
          appropriated: money(total('source').neg()),
          carriedIn: money(total('carry_in').neg()),
          carriedOut: money(total('carry_out')),
          unallocated: money(total('fund')),
          units: [...book.units.entries()].map(([unitId, u]) => ({
            unitId,
            // allocated net of transfers out and returns: what the unit holds in every form.
            allocated: money(u.available.plus(u.committed).plus(u.disbursed).minus(u.recovered)),
            committed: money(u.committed),
            disbursed: money(u.disbursed),
            recovered: money(u.recovered),
            available: money(u.available),
          })),
        };
      }),
    };
  }
}
