import type { Fund } from '../ledger/fund.entity';

export function toFundView(fund: Fund) {
  return {
    id: fund.id,
    code: fund.code,
    name: fund.name,
    source: fund.source,
    sponsorName: fund.sponsorName,
    currency: fund.currency,
    createdAt: fund.createdAt.toISOString(),
  };
}
