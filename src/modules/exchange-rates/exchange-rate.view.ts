import { plainString } from '../../common/money/decimal';
import type { ExchangeRate } from './exchange-rate.entity';

export interface ExchangeRateView {
  id: string;
  fromCurrency: string;
  toCurrency: string;
  /** A plain decimal string: units of toCurrency one unit of fromCurrency is worth. */
  rate: string;
  validFrom: string;
  source: string | null;
  createdBy: string;
  createdAt: string;
}

export function toExchangeRateView(r: ExchangeRate): ExchangeRateView {
  return {
    id: r.id,
    fromCurrency: r.fromCurrency,
    toCurrency: r.toCurrency,
    rate: plainString(r.rate),
    validFrom: r.validFrom,
    source: r.source,
    createdBy: r.createdBy,
    createdAt: r.createdAt.toISOString(),
  };
}
