import { Injectable } from '@nestjs/common';
import type { FundSource } from '../ledger/ledger.types';
import { BudgetService } from '../budget/budget.service';

export interface FundInfo {
  code: string;
  source: FundSource;
  currency: string;
}

/** What a file needs to know about its fund: the source (which rule applies) and the currency. */
@Injectable()
export class FundDirectory {
  constructor(private readonly budget: BudgetService) {}

  async find(code: string): Promise<FundInfo | null> {
    // The budget module lists funds (a handful per province); a lookup by code would spare the list.
    const fund = (await this.budget.fundList()).find((f) => f.code === code);
    return fund ? { code: fund.code, source: fund.source, currency: fund.currency } : null;
  }
}
