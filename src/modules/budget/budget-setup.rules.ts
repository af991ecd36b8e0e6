import { Decimal } from '../../common/money/decimal';

/**
 * What the books still lack before a producer can apply and a leader can approve, in the order
 * finance sets them up: a fund (nguồn kinh phí), an open fiscal year, an appropriation (giao dự
 * toán) and an allocation to the units (phân bổ). Pure: the budget services read the facts.
 */

export interface BooksFacts {
  /** The funds' codes, in the order they are listed. */
  funds: readonly string[];
  /** Every fiscal year that has been opened, with its status now. */
  years: ReadonlyArray<{ year: number; status: 'open' | 'closed' }>;
  /** Per fund and year with any account: what came in (appropriated or carried in) and what the units hold. */
  books: ReadonlyArray<{ fundCode: string; fiscalYear: number; received: Decimal; allocated: Decimal }>;
  /** The calendar year in Asia/Ho_Chi_Minh today. */
  currentYear: number;
}

export type SetupStep =
  | { step: 'create_fund' }
  | { step: 'open_year'; fiscalYear: number }
  | { step: 'appropriate'; fiscalYear: number; fundCode: string | null }
  | { step: 'allocate'; fiscalYear: number; fundCode: string };

/**
 * The year to propose when a year is to be opened: the current year if it has never been opened,
 * otherwise the first later one that has not (never a year already opened, open or closed).
 */
export function proposedYear({ years, currentYear }: Pick<BooksFacts, 'years' | 'currentYear'>): number {
  const opened = new Set(years.map((y) => y.year));
  let year = currentYear;
  while (opened.has(year)) year += 1;
  return year;
}

/** The fund and year pairs a file can be approved from: an open year of the fund holding an allocation to some unit. */
export function booksWithBudget(facts: Pick<BooksFacts, 'years' | 'books'>): Array<{ fundCode: string; fiscalYear: number }> {
  const open = new Set(facts.years.filter((y) => y.status === 'open').map((y) => y.year));
  return facts.books.filter((b) => open.has(b.fiscalYear) && b.allocated.gt(0)).map((b) => ({ fundCode: b.fundCode, fiscalYear: b.fiscalYear }));
}

/**
 * The set-up steps still to take, first things first: without a fund, create one; while no year
 * is open, or the current year has never been opened, open the proposed year; for each open year
 * into which no fund received money, appropriate; for each fund that received money in an open
 * year but allocated none of it, allocate. Empty when the books are ready.
 */
export function setupSteps(facts: BooksFacts): SetupStep[] {
  if (facts.funds.length === 0) return [{ step: 'create_fund' }];
  const steps: SetupStep[] = [];
  const openYears = facts.years.filter((y) => y.status === 'open').map((y) => y.year).sort((a, b) => a - b);
  const currentOpened = facts.years.some((y) => y.year === facts.currentYear);
  if (openYears.length === 0 || !currentOpened) steps.push({ step: 'open_year', fiscalYear: proposedYear(facts) });
  for (const fiscalYear of openYears) {
    const books = facts.books.filter((b) => b.fiscalYear === fiscalYear && facts.funds.includes(b.fundCode));
    const funded = books.filter((b) => b.received.gt(0));
    if (funded.length === 0) {
      steps.push({ step: 'appropriate', fiscalYear, fundCode: facts.funds.length === 1 ? facts.funds[0] : null });
      continue;
    }
    for (const b of funded) if (!b.allocated.gt(0)) steps.push({ step: 'allocate', fiscalYear, fundCode: b.fundCode });
  }
  return steps;
}

/**
 * Why no file can go ahead yet, for the staff who do not keep the books (officers, heads,
 * leaders): no fund at all, or no fiscal year open. Null once both exist (finance's remaining
 * steps, an appropriation or an allocation, are finance's own to-do).
 */
export function booksNotReady(facts: Pick<BooksFacts, 'funds' | 'years'>): 'no_fund' | 'no_open_year' | null {
  if (facts.funds.length === 0) return 'no_fund';
  if (!facts.years.some((y) => y.status === 'open')) return 'no_open_year';
  return null;
}
