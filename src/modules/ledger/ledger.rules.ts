import type { Decimal } from '../../common/money/decimal';
import type { AccountKind, AccountSpec, Books } from './ledger.types';

/** Accounts where money enters a year's books; every other account must never go below zero. */
const MAY_GO_NEGATIVE: ReadonlySet<AccountKind> = new Set(['source', 'recovery', 'carry_in']);

export function mayGoNegative(kind: AccountKind): boolean {
  return MAY_GO_NEGATIVE.has(kind);
}

/**
 * The unique name of an account in the books of one fund and year: a file's accounts by the file
 * (their unit is recorded on them for reporting), a unit's allocation by the unit.
 */
export function naturalKey(fundId: string, fiscalYear: number, spec: AccountSpec): string {
  return [fundId, fiscalYear, spec.kind, spec.applicationId ?? spec.unitId ?? '-'].join(':');
}

/** Why an account spec cannot name an account (a unit's or a file's account without one), or null. */
export function specProblem(spec: AccountSpec): string | null {
  const needsUnit = spec.kind === 'allocation';
  const needsApplication = ['commitment', 'payee', 'recovery'].includes(spec.kind);
  if ((needsUnit || needsApplication) && !spec.unitId) return `${spec.kind} account needs a unit`;
  if (needsApplication && !spec.applicationId) return `${spec.kind} account needs an application`;
  return null;
}

/** Which kinds of account each use of an account spec needs: a unit, a file, or neither. */
export function assertSpecShape(spec: AccountSpec): void {
  const problem = specProblem(spec);
  if (problem) throw new Error(problem);
}

/**
 * Why a transfer cannot be posted, or null when it can: a positive, finite amount between two
 * different, well-named accounts. Both accounts are named in the one `books` (fund and year), so
 * a transfer never leaves its books; money crosses into the next year only through the
 * carry_out / carry_in bridge, one transfer in each year. These are the callers' mistakes, never
 * a client's: the use cases validate what a client sends before they post.
 */
export function transferProblem({ books, from, to, amount }: { books: Books; from: AccountSpec; to: AccountSpec; amount: Decimal }): string | null {
  if (!amount.gt(0) || !amount.isFinite()) return 'a transfer amount is positive';
  const shape = specProblem(from) ?? specProblem(to);
  if (shape) return shape;
  if (naturalKey(books.fundId, books.fiscalYear, from) === naturalKey(books.fundId, books.fiscalYear, to)) return 'a transfer moves money between two different accounts';
  return null;
}

/**
 * Whether the source of a transfer must hold the amount: the guarded update moves the money only
 * while it does (the ledger_post procedure's `balance >= amount`), so such an account never goes
 * below zero, whatever runs at the same time.
 */
export function sourceMustCover(from: AccountSpec): boolean {
  return !mayGoNegative(from.kind);
}

export type ReversalRefusal = { code: 'INVALID_STATE'; detail: string } | { code: 'DUPLICATE'; detail: string };

/** A correction reverses a transfer at most once, and never a reversal (a new transfer corrects that). */
export function reversalRefusal({ kind, alreadyReversed }: { kind: string; alreadyReversed: boolean }): ReversalRefusal | null {
  if (kind === 'reversal') return { code: 'INVALID_STATE', detail: 'Không thể đảo một bút toán đảo; hãy lập bút toán mới.' };
  if (alreadyReversed) return { code: 'DUPLICATE', detail: 'Bút toán này đã được đảo.' };
  return null;
}

/** A reversal moves the same amount back: from the account the original debited to the one it credited. */
export function reversalOf<T>({ debit, credit }: { debit: T; credit: T }): { from: T; to: T } {
  return { from: debit, to: credit };
}
