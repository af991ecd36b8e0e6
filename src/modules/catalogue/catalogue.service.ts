import { Injectable } from '@nestjs/common';
import { Actor, hasRole } from '../../common/auth/actor';
import { Clock } from '../../common/clock';
import { Forbidden } from '../../common/http/domain-error';
import { newId } from '../../common/ids';
import { Money } from '../../common/money/decimal';
import { parseMoney, parseRate } from '../../common/money/money';
import { TransactionRunner } from '../../database/transaction';
import { AuditService } from '../audit/audit.service';
import { ExchangeRatesService } from '../exchange-rates/exchange-rates.service';
import { ActivityRule, RuleScope } from './activity-rule.entity';
import type { FundSource } from '../ledger/ledger.types';
import { ActivityTypeView, toActivityTypeView } from './activity-type.view';
import { CatalogueError } from './catalogue.error';
import { DEFAULT_SETTLEMENT_DUE_DAYS, refuseNewVersion } from './catalogue.rules';
import { type Eligibility, type EligibilityCase, eligibilityReasons } from './eligibility.rules';
import type { FieldError } from '../../common/http/domain-error';
import type { ActivityTypeQuery } from './dto/activity-type-query.dto';
import type { CreateActivityTypeDto } from './dto/create-activity-type.dto';

/** The rule other modules judge a file by: the version in force for its fund source on a day. */
export interface RuleInForce {
  id: string;
  code: string;
  name: string;
  fundSource: RuleScope;
  supportRate: Money;
  supportCap: Money | null;
  /** The currency of `supportCap`: a capped rule applies only to files in it. */
  capCurrency: string;
  advanceRate: Money;
  settlementDueDays: number;
  effectiveFrom: string;
  /** The kinds of document a file must carry before it is submitted. */
  requiredDocumentKinds: string[];
  /** Who the rule supports (checked at submission: eligibility.rules). */
  eligibility: Eligibility;
}

@Injectable()
export class CatalogueService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly exchangeRates: ExchangeRatesService,
  ) {}

  /** Versions in force on `on` (today by default), one per code and fund source. */
  async listInForce(_actor: Actor, query: ActivityTypeQuery): Promise<ActivityTypeView[]> {
    const on = query.on ?? this.clock.today();
    const qb = this.tx.manager
      .createQueryBuilder(ActivityRule, 'r')
      .addSelect(
        (sub) =>
          sub
            .select('MIN(n.effective_from)')
            .from(ActivityRule, 'n')
            .where('n.code = r.code AND n.fund_source = r.fund_source AND n.effective_from > r.effective_from'),
        'next_from',
      )
      .where('r.effective_from <= :on', { on })
      .andWhere(
        `NOT EXISTS (SELECT 1 FROM activity_rules l WHERE l.code = r.code AND l.fund_source = r.fund_source
           AND l.effective_from > r.effective_from AND l.effective_from <= :on)`,
      )
      .orderBy('r.code', 'ASC')
      .addOrderBy('r.fund_source', 'ASC');
    if (query.code) qb.andWhere('r.code = :code', { code: query.code });
    const { entities, raw } = await qb.getRawAndEntities<{ next_from: string | null }>();
    return entities.map((rule, i) => toActivityTypeView(rule, raw[i].next_from ?? null));
  }

  /** Every version of one code, oldest first. */
  async versions(_actor: Actor, code: string): Promise<ActivityTypeView[]> {
    const rules = await this.tx.manager.find(ActivityRule, { where: { code }, order: { fundSource: 'ASC', effectiveFrom: 'ASC' } });
    return rules.map((rule, i) => {
      const next = rules[i + 1];
      return toActivityTypeView(rule, next && next.fundSource === rule.fundSource ? next.effectiveFrom : null);
    });
  }

  /** Every version of every code, by code, oldest first (the administration's catalogue page). */
  async allVersions(_actor: Actor): Promise<ActivityTypeView[]> {
    const rules = await this.tx.manager.find(ActivityRule, { order: { code: 'ASC', fundSource: 'ASC', effectiveFrom: 'ASC' } });
    return rules.map((rule, i) => {
      const next = rules[i + 1];
      return toActivityTypeView(rule, next && next.code === rule.code && next.fundSource === rule.fundSource ? next.effectiveFrom : null);
    });
  }

  /** Publishes a new version of a code's rule from a date; older versions are never touched. */
  async publish(actor: Actor, dto: CreateActivityTypeDto): Promise<ActivityTypeView> {
    if (!hasRole(actor, 'admin')) throw new Forbidden('Chỉ quản trị viên được ban hành quy định hỗ trợ.');
    const capCurrency = dto.capCurrency ?? 'VND';
    const supportCap = parseMoney(dto.supportCap, { field: 'supportCap', currency: capCurrency });
    const supportRate = parseRate(dto.supportRate, 'supportRate');
    const advanceRate = parseRate(dto.advanceRate, 'advanceRate');
    const establishmentCap =
      dto.eligibility?.maxSupportPerEstablishmentPerYear == null
        ? null
        : parseMoney(dto.eligibility.maxSupportPerEstablishmentPerYear, { field: 'eligibility.maxSupportPerEstablishmentPerYear', currency: capCurrency });
    const scope: RuleScope = dto.fundSource ?? 'all';
    return this.tx.run(async (em) => {
      // Serialise versions of one code: the check below and the insert must see the same history.
      await em.query('SELECT id FROM activity_rules WHERE code = ? FOR UPDATE', [dto.code]);
      const existing = await em.find(ActivityRule, { where: { code: dto.code, fundSource: scope }, select: { effectiveFrom: true } });
      const refusal = refuseNewVersion({
        effectiveFrom: dto.effectiveFrom,
        today: this.clock.today(),
        existingFrom: existing.map((r) => r.effectiveFrom),
      });
      if (refusal) throw new CatalogueError(refusal.code, refusal.detail, [{ field: 'effectiveFrom', message: refusal.detail }]);
      const rule = em.create(ActivityRule, {
        id: newId(),
        code: dto.code,
        name: dto.name.trim(),
        fundSource: scope,
        supportRate,
        supportCap,
        capCurrency,
        advanceRate,
        settlementDueDays: dto.settlementDueDays ?? DEFAULT_SETTLEMENT_DUE_DAYS,
        effectiveFrom: dto.effectiveFrom,
        requiredDocumentKinds: [...new Set(dto.requiredDocumentKinds ?? [])],
        eligibleEstablishmentKinds: dto.eligibility?.establishmentKinds ? [...dto.eligibility.establishmentKinds] : null,
        maxSupportPerEstablishmentYear: establishmentCap,
        requiresCommuneCode: dto.eligibility?.requiresCommuneCode ?? false,
        createdBy: actor.id,
        createdAt: this.clock.now(),
      });
      await em.insert(ActivityRule, rule);
      const next = await em
        .createQueryBuilder(ActivityRule, 'n')
        .select('MIN(n.effective_from)', 'nextFrom')
        .where('n.code = :code AND n.fund_source = :scope AND n.effective_from > :from', { code: rule.code, scope, from: rule.effectiveFrom })
        .getRawOne<{ nextFrom: string | null }>();
      const view = toActivityTypeView(rule, next?.nextFrom ?? null);
      this.audit.record({ actor, capacity: 'admin', action: 'activity_rule.publish', entity: 'activity_rule', entityId: rule.id, after: view });
      return view;
    });
  }

  /**
   * The rule a file is judged by: the version in force on `on` for its fund source; a rule for that
   * source wins over one for all sources. Null when none is in force.
   */
  async findRuleFor(code: string, fundSource: FundSource | null, on: string): Promise<RuleInForce | null> {
    const scopes: RuleScope[] = fundSource ? [fundSource, 'all'] : ['all'];
    const rule = await this.tx.manager
      .createQueryBuilder(ActivityRule, 'r')
      .where('r.code = :code AND r.fund_source IN (:...scopes) AND r.effective_from <= :on', { code, scopes, on })
      .orderBy(`CASE WHEN r.fund_source = 'all' THEN 1 ELSE 0 END`, 'ASC')
      .addOrderBy('r.effective_from', 'DESC')
      .getOne();
    return rule ? toRuleInForce(rule) : null;
  }

  /** As findRuleFor, but a missing rule is a refusal (409): nothing may be decided without one. */
  async ruleFor(code: string, fundSource: FundSource | null, on: string): Promise<RuleInForce> {
    const rule = await this.findRuleFor(code, fundSource, on);
    if (!rule) {
      throw new CatalogueError('INVALID_STATE', `Không có quy định hỗ trợ cho loại hoạt động "${code}" có hiệu lực ngày ${on}.`);
    }
    return rule;
  }

  /**
   * The rule in force on `on` as it holds a file in `currency`: a cap written in another currency
   * (the support cap, the yearly cap per establishment) converted into `currency` at the rate of
   * exchange in force that day, rounded down, so the file is held to what the cap is worth. With no
   * rate recorded the rule comes back as written, its caps in their own currency, and the file's
   * figures are refused naming both currencies (capCurrencyRefusal, eligibilityReasons).
   */
  async ruleIn(code: string, fundSource: FundSource | null, on: string, currency: string): Promise<RuleInForce> {
    return this.inCurrency(await this.ruleFor(code, fundSource, on), currency, on);
  }

  /** `rule` as it holds a file in `currency` on `on` (see ruleIn). */
  async inCurrency(rule: RuleInForce, currency: string, on: string): Promise<RuleInForce> {
    if (rule.capCurrency === currency) return rule;
    const { maxSupportPerEstablishmentPerYear } = rule.eligibility;
    const convert = (amount: Money) => this.exchangeRates.convert({ amount, from: rule.capCurrency, to: currency, on });
    const supportCap = rule.supportCap === null ? null : await convert(rule.supportCap);
    const yearly = maxSupportPerEstablishmentPerYear === null ? null : await convert(maxSupportPerEstablishmentPerYear);
    if ((rule.supportCap !== null && supportCap === null) || (maxSupportPerEstablishmentPerYear !== null && yearly === null)) return rule;
    return { ...rule, supportCap, capCurrency: currency, eligibility: { ...rule.eligibility, maxSupportPerEstablishmentPerYear: yearly } };
  }

  /**
   * Every reason a file is not eligible under its rule's conditions (eligibility.rules), each
   * naming the file's field; empty when it is. Pure: the caller gathers the facts.
   */
  eligibilityReasons(facts: EligibilityCase): FieldError[] {
    return eligibilityReasons(facts);
  }

  /** Whether any version of the code exists (to tell an unknown code from one not yet in force). */
  async codeExists(code: string): Promise<boolean> {
    return (await this.tx.manager.count(ActivityRule, { where: { code } })) > 0;
  }
}

function toRuleInForce(rule: ActivityRule): RuleInForce {
  return {
    id: rule.id,
    code: rule.code,
    name: rule.name,
    fundSource: rule.fundSource,
    supportRate: rule.supportRate,
    supportCap: rule.supportCap,
    capCurrency: rule.capCurrency,
    advanceRate: rule.advanceRate,
    settlementDueDays: rule.settlementDueDays,
    effectiveFrom: rule.effectiveFrom,
    requiredDocumentKinds: [...rule.requiredDocumentKinds],
    eligibility: {
      establishmentKinds: rule.eligibleEstablishmentKinds ? [...rule.eligibleEstablishmentKinds] : null,
      maxSupportPerEstablishmentPerYear: rule.maxSupportPerEstablishmentYear,
      requiresCommuneCode: rule.requiresCommuneCode,
    },
  };
}
