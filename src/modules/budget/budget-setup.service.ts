import { Injectable } from '@nestjs/common';
import { requireRole, requireSignedIn, requireStaff } from '../../common/auth/access';
import type { Actor } from '../../common/auth/actor';
import { Clock } from '../../common/clock';
import { Money } from '../../common/money/decimal';
import { sumMoney } from '../../common/money/money';
import { TransactionRunner } from '../../database/transaction';
import { FiscalYear } from '../ledger/fiscal-year.entity';
import type { FundSource } from '../ledger/ledger.types';
import { BudgetService } from './budget.service';
import { BudgetSummaryService } from './budget-summary.service';
import { BooksFacts, booksNotReady, booksWithBudget, proposedYear, SetupStep, setupSteps } from './budget-setup.rules';

export type { SetupStep } from './budget-setup.rules';

/** A fund's year a producer may apply to: the year is open and the fund allocated money in it. */
export interface OpenBooks {
  fundCode: string;
  fundName: string;
  source: FundSource;
  currency: string;
  fiscalYear: number;
}

/**
 * What the books still lack, read for the pages that say what to do next: finance's set-up steps
 * (fund, year, appropriation, allocation) and the year to open, and the funds' open years that
 * hold budget, which are the only ones a file can be approved from.
 */
@Injectable()
export class BudgetSetupService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
    private readonly budget: BudgetService,
    private readonly summaries: BudgetSummaryService,
  ) {}

  /** Finance's next set-up steps, in order, and the year a new one would be opened for. */
  async setup(actor: Actor): Promise<{ steps: SetupStep[]; proposedYear: number; openYears: number[] }> {
    requireRole(actor, 'finance');
    const facts = await this.facts();
    return {
      steps: setupSteps(facts),
      proposedYear: proposedYear(facts),
      openYears: facts.years.filter((y) => y.status === 'open').map((y) => y.year),
    };
  }

  /** For any member of staff: why no file can go ahead yet (no fund, no open year), or null when the books exist. */
  async notReady(actor: Actor): Promise<'no_fund' | 'no_open_year' | null> {
    requireStaff(actor);
    return booksNotReady(await this.facts());
  }

  /** The funds' open years that hold an allocation, newest year first: what a producer may apply to. */
  async openBooks(actor: Actor): Promise<OpenBooks[]> {
    requireSignedIn(actor);
    const [facts, funds] = await Promise.all([this.facts(), this.budget.fundList()]);
    const byCode = new Map(funds.map((f) => [f.code, f]));
    return booksWithBudget(facts)
      .filter((b) => byCode.has(b.fundCode))
      .map((b) => {
        const fund = byCode.get(b.fundCode)!;
        return { fundCode: fund.code, fundName: fund.name, source: fund.source, currency: fund.currency, fiscalYear: b.fiscalYear };
      })
      .sort((a, b) => b.fiscalYear - a.fiscalYear || a.fundName.localeCompare(b.fundName, 'vi'));
  }

  /**
   * The fund and year pairs where some unit holds money not yet committed or spent (for the use
   * cases that already checked their caller): where a recommendation can draw from.
   */
  async fundedBooks(): Promise<Array<{ fundCode: string; fiscalYear: number }>> {
    const figures = await this.summaries.figures({});
    return figures.funds.filter((f) => f.units.some((u) => new Money(u.available).gt(0))).map((f) => ({ fundCode: f.fundCode, fiscalYear: f.fiscalYear }));
  }

  /**
   * The units holding money of a fund's year, with what they still have (more first): the units a
   * recommendation may name to fund a file. Staff only.
   */
  async fundedUnits(actor: Actor, fundCode: string, fiscalYear: number): Promise<Array<{ unitId: string; available: string; currency: string }>> {
    requireStaff(actor);
    const book = (await this.summaries.figures({ fundCode, fiscalYear })).funds.find((f) => f.fundCode === fundCode && f.fiscalYear === fiscalYear);
    if (!book) return [];
    return book.units
      .filter((u) => new Money(u.available).gt(0))
      .sort((a, b) => new Money(b.available).comparedTo(new Money(a.available)))
      .map((u) => ({ unitId: u.unitId, available: u.available, currency: book.currency }));
  }

  /** The fiscal years that are open now (for the use cases that already checked their caller). */
  async openYears(): Promise<number[]> {
    const years = await this.tx.manager.find(FiscalYear, { where: { status: 'open' }, select: { year: true }, order: { year: 'ASC' } });
    return years.map((y) => Number(y.year));
  }

  private async facts(): Promise<BooksFacts> {
    const [funds, years, figures] = await Promise.all([
      this.budget.fundList(),
      this.tx.manager.find(FiscalYear, { order: { year: 'ASC' } }),
      this.summaries.figures({}),
    ]);
    return {
      funds: funds.map((f) => f.code),
      years: years.map((y) => ({ year: Number(y.year), status: y.status })),
      books: figures.funds.map((f) => ({
        fundCode: f.fundCode,
        fiscalYear: f.fiscalYear,
        received: new Money(f.appropriated).plus(f.carriedIn),
        allocated: sumMoney(f.units.map((u) => new Money(u.allocated))),
      })),
      currentYear: Number.parseInt(this.clock.today().slice(0, 4), 10),
    };
  }
}
