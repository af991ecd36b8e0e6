import { Money } from '../../common/money/decimal';
import type { AccountSpec, TransferKind } from '../ledger/ledger.types';

/** The accounts a year close empties. */
export type ClosingKind = 'commitment' | 'allocation';

/**
 * Commitments close first: those not carried return to their unit's allocation, which then
 * closes with it. The allocations are therefore read (and planned) after the commitments'
 * moves are posted.
 */
export const CLOSING_ORDER: readonly ClosingKind[] = ['commitment', 'allocation'];

/** An account holding money at the year's end, as the ledger reads it. */
export interface YearEndAccount {
  fund_id: string;
  fund_code: string;
  currency: string;
  kind: ClosingKind;
  unit_id: string;
  application_id: string | null;
  balance: string;
}

export type YearCloseOutcome = 'commitmentsCarried' | 'commitmentsReleased' | 'allocationsCarried' | 'returnedToFund';

/** One transfer of a move, in the books of `fiscalYear` (the closing year or the next). */
export interface YearCloseLeg {
  fiscalYear: number;
  kind: TransferKind;
  from: AccountSpec;
  to: AccountSpec;
}

/** What happens to one account: its whole balance moves through the legs, in order. */
export interface YearCloseMove {
  account: YearEndAccount;
  amount: Money;
  outcome: YearCloseOutcome;
  legs: YearCloseLeg[];
}

/** The figures of one fund's close, in the fund's currency. */
export interface FundCloseFigures {
  fundCode: string;
  currency: string;
  commitmentsCarried: Money;
  commitmentsReleased: Money;
  allocationsCarried: Money;
  returnedToFund: Money;
}

/**
 * Khóa sổ: each open account's whole balance either moves into the next year through the
 * carry-over bridge (carry_out in the closing year, carry_in in the next), or, when not carried,
 * a commitment goes back to its unit's allocation and an allocation back to the fund.
 * One move per account, in the order given.
 */
export function yearCloseMoves({
  year,
  accounts,
  carryOverCommitments,
  carryOverAllocations,
}: {
  year: number;
  accounts: readonly YearEndAccount[];
  carryOverCommitments: boolean;
  carryOverAllocations: boolean;
}): YearCloseMove[] {
  return accounts.map((account) => {
    const amount = new Money(account.balance);
    if (!amount.gt(0) || !amount.isFinite()) throw new RangeError(`an open account holds money, not ${account.balance}`);
    const spec: AccountSpec = { kind: account.kind, unitId: account.unit_id, applicationId: account.application_id };
    const isCommitment = account.kind === 'commitment';
    if (isCommitment ? carryOverCommitments : carryOverAllocations) {
      return {
        account,
        amount,
        outcome: isCommitment ? 'commitmentsCarried' : 'allocationsCarried',
        legs: [
          { fiscalYear: year, kind: 'carry_over', from: spec, to: { kind: 'carry_out', unitId: account.unit_id } },
          { fiscalYear: year + 1, kind: 'carry_over', from: { kind: 'carry_in', unitId: account.unit_id }, to: spec },
        ],
      };
    }
    return isCommitment
      ? { account, amount, outcome: 'commitmentsReleased', legs: [{ fiscalYear: year, kind: 'commitment_release', from: spec, to: { kind: 'allocation', unitId: account.unit_id } }] }
      : { account, amount, outcome: 'returnedToFund', legs: [{ fiscalYear: year, kind: 'allocation_return', from: spec, to: { kind: 'fund' } }] };
  });
}

/** The close's figures per fund, funds in the order their first move came. */
export function yearCloseFigures({ moves }: { moves: readonly YearCloseMove[] }): FundCloseFigures[] {
  const byFund = new Map<string, FundCloseFigures>();
  for (const move of moves) {
    const { fund_code: fundCode, currency } = move.account;
    const zero = new Money(0);
    const figures = byFund.get(fundCode) ?? { fundCode, currency, commitmentsCarried: zero, commitmentsReleased: zero, allocationsCarried: zero, returnedToFund: zero };
    figures[move.outcome] = figures[move.outcome].plus(move.amount);
    byFund.set(fundCode, figures);
  }
  return [...byFund.values()];
}

/** A fiscal year as the ledger keeps it. */
export interface YearStatus {
  year: number;
  status: 'open' | 'closed';
}

/**
 * The fiscal year a file's next movement is booked in (a payment, a receipt, a commitment made
 * anew). While the year its commitment lives in (`booksYear`) is open, that year. Once it is
 * closed, the close has carried the commitment on or released it, and the money that still moves
 * for the file goes to the open year it arrives in: this calendar year when it is open and later
 * than the closed one, otherwise the first open year after it. Never an earlier year; null when no
 * later year is open (the caller refuses: the year is not open). A year that was never opened is
 * answered as it is, so the ledger refuses it as it always has.
 */
export function movementYear({ booksYear, years, thisYear }: { booksYear: number; years: readonly YearStatus[]; thisYear: number }): number | null {
  const books = years.find((y) => y.year === booksYear);
  if (!books || books.status === 'open') return booksYear;
  const later = years.filter((y) => y.status === 'open' && y.year > booksYear).map((y) => y.year);
  if (later.includes(thisYear)) return thisYear;
  return later.length ? Math.min(...later) : null;
}
