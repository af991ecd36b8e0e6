import type { AccountKind, AccountSpec } from './ledger.types';

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

/** Which kinds of account each use of an account spec needs: a unit, a file, or neither. */
export function assertSpecShape(spec: AccountSpec): void {
  const needsUnit = spec.kind === 'allocation';
  const needsApplication = ['commitment', 'payee', 'recovery'].includes(spec.kind);
  if ((needsUnit || needsApplication) && !spec.unitId) throw new Error(`${spec.kind} account needs a unit`);
  if (needsApplication && !spec.applicationId) throw new Error(`${spec.kind} account needs an application`);
}
