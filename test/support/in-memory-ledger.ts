import { Decimal, Money } from '../../src/common/money/decimal';
import type { AccountKind, AccountSpec } from '../../src/modules/ledger/ledger.types';

export interface InMemoryAccount {
  fundId: string;
  year: number;
  spec: AccountSpec;
  balance: Money;
}

/**
 * The books as the ledger keeps them, in memory, for the rules' property tests: balances by
 * account (a fund's year, a kind, a file or a unit), accounts in the order they were opened (the
 * SQL reads them by id, which sorts by time). Every transfer debits one account and credits
 * another by the same positive amount.
 */
export class InMemoryLedger {
  private readonly balances = new Map<string, InMemoryAccount>();

  private key(fundId: string, year: number, spec: AccountSpec) {
    return [fundId, year, spec.kind, spec.applicationId ?? spec.unitId ?? '-'].join(':');
  }

  post(fundId: string, year: number, from: AccountSpec, to: AccountSpec, amount: Decimal): void {
    if (!amount.gt(0)) throw new Error(`a transfer moves a positive amount, not ${amount.toString()}`);
    for (const [spec, delta] of [
      [from, amount.neg()],
      [to, amount],
    ] as const) {
      const key = this.key(fundId, year, spec);
      const account = this.balances.get(key) ?? { fundId, year, spec, balance: new Money(0) };
      account.balance = account.balance.plus(delta);
      this.balances.set(key, account);
    }
  }

  balance(fundId: string, year: number, spec: AccountSpec): Money {
    return this.balances.get(this.key(fundId, year, spec))?.balance ?? new Money(0);
  }

  /** Whether the account was ever used (the ledger creates an account on first use). */
  has(fundId: string, year: number, spec: AccountSpec): boolean {
    return this.balances.has(this.key(fundId, year, spec));
  }

  /** A year's accounts of a kind holding money, in the order opened (what `openAccountsForUpdate` answers). */
  holding(year: number, kind: AccountKind): InMemoryAccount[] {
    return this.all().filter((a) => a.year === year && a.spec.kind === kind && a.balance.gt(0));
  }

  sumOf(filter: (a: InMemoryAccount) => boolean): Money {
    return this.all()
      .filter(filter)
      .reduce((sum, a) => sum.plus(a.balance), new Money(0));
  }

  all(): InMemoryAccount[] {
    return [...this.balances.values()];
  }
}
