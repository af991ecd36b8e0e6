import { formatMoneyForApi } from '../../common/money/money';
import { plainString } from '../../common/money/decimal';
import type { ActivityRule } from './activity-rule.entity';
import type { FundSource } from '../ledger/ledger.types';
import { effectiveToOf } from './catalogue.rules';

export interface ActivityTypeView {
  id: string;
  code: string;
  name: string;
  /** null: the rule applies to every fund source. */
  fundSource: FundSource | null;
  supportRate: string;
  /** null: set per decision. */
  supportCap: string | null;
  /** The currency of the cap. */
  capCurrency: string;
  advanceRate: string;
  settlementDueDays: number;
  effectiveFrom: string;
  /** The last day in force: the day before the next version starts; null while none is planned. */
  effectiveTo: string | null;
  /** The kinds of document a file must carry before it is submitted (DOCUMENT_KIND_LABELS). */
  requiredDocumentKinds: string[];
  /** Who the version supports; each condition null (or false) when it asks nothing. */
  eligibility: {
    establishmentKinds: string[] | null;
    maxSupportPerEstablishmentPerYear: string | null;
    requiresCommuneCode: boolean;
  };
}

/** A cap in its own currency (đồng for the national and provincial rules). */
export function toActivityTypeView(rule: ActivityRule, nextFrom: string | null): ActivityTypeView {
  return {
    id: rule.id,
    code: rule.code,
    name: rule.name,
    fundSource: rule.fundSource === 'all' ? null : rule.fundSource,
    supportRate: plainString(rule.supportRate),
    supportCap: rule.supportCap === null ? null : formatMoneyForApi(rule.supportCap, rule.capCurrency),
    capCurrency: rule.capCurrency,
    advanceRate: plainString(rule.advanceRate),
    settlementDueDays: rule.settlementDueDays,
    effectiveFrom: rule.effectiveFrom,
    effectiveTo: effectiveToOf(nextFrom),
    requiredDocumentKinds: [...rule.requiredDocumentKinds],
    eligibility: {
      establishmentKinds: rule.eligibleEstablishmentKinds ? [...rule.eligibleEstablishmentKinds] : null,
      maxSupportPerEstablishmentPerYear: rule.maxSupportPerEstablishmentYear === null ? null : formatMoneyForApi(rule.maxSupportPerEstablishmentYear, rule.capCurrency),
      requiresCommuneCode: rule.requiresCommuneCode,
    },
  };
}
