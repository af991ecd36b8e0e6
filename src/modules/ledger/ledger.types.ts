/** Where a fund's money comes from: the central or the local budget, or a sponsor. Rules may differ per source. */
export const FUND_SOURCES = ['central', 'local', 'sponsor'] as const;
export type FundSource = (typeof FUND_SOURCES)[number];

import type { Decimal } from '../../common/money/decimal';

export const ACCOUNT_KINDS = ['source', 'fund', 'allocation', 'commitment', 'payee', 'recovery', 'carry_out', 'carry_in'] as const;
/**
 * - source: where an appropriation comes from (the state budget); goes negative by what was appropriated.
 * - fund: the fund's unallocated budget for the year.
 * - allocation: a unit's allocation, what it can still commit (available).
 * - commitment: an approved file's support not yet paid or released.
 * - payee: what has been paid to a file's beneficiary.
 * - recovery: what a file's beneficiary has paid back (negative by that amount).
 * - carry_out / carry_in: the bridge that moves money from one year's books into the next.
 */
export type AccountKind = (typeof ACCOUNT_KINDS)[number];

export type TransferKind =
  | 'appropriation'
  | 'allocation'
  | 'allocation_transfer'
  | 'allocation_return'
  | 'commitment'
  | 'commitment_release'
  | 'disbursement'
  | 'disbursement_return'
  | 'recovery_receipt'
  | 'carry_over'
  | 'reversal';

export interface AccountSpec {
  kind: AccountKind;
  unitId?: string | null;
  applicationId?: string | null;
}

export interface Books {
  fundId: string;
  fundCode: string;
  currency: string;
  fiscalYear: number;
}

export interface PostTransfer {
  books: Books;
  kind: TransferKind;
  /** The account the money leaves (credited). */
  from: AccountSpec;
  /** The account the money reaches (debited). */
  to: AccountSpec;
  amount: Decimal;
  /** Decision number, treasury reference, … */
  reference: string;
  actor: { id: string } | null;
  capacity: string;
  note?: string | null;
  /** For filtering: the unit and file the movement concerns. */
  unitId?: string | null;
  applicationId?: string | null;
  reversesId?: string | null;
  /** The refusal when the source does not hold the amount (409 INSUFFICIENT_FUNDS by default). */
  whenInsufficient?: () => Error;
}

export interface TransferView {
  id: string;
  fundCode: string;
  fiscalYear: number;
  kind: string;
  debitAccountId: string;
  creditAccountId: string;
  amount: string;
  reference: string;
  reversesId: string | null;
  unitId: string | null;
  applicationId: string | null;
  actorId: string | null;
  capacity: string;
  note: string | null;
  createdAt: string;
}
