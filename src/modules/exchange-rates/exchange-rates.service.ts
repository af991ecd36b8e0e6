import { Injectable } from '@nestjs/common';
import { Brackets } from 'typeorm';
import { requireRole } from '../../common/auth/access';
import type { Actor } from '../../common/auth/actor';
import { Clock } from '../../common/clock';
import { ValidationFailed } from '../../common/http/domain-error';
import { Page, pageOf } from '../../common/http/page';
import { newId } from '../../common/ids';
import { Decimal, Money } from '../../common/money/decimal';
import { TransactionRunner } from '../../database/transaction';
import { AuditService } from '../audit/audit.service';
import type { CreateExchangeRateDto, ExchangeRateQuery } from './dto/exchange-rate.dto';
import { ExchangeRate } from './exchange-rate.entity';
import { ExchangeRatesError } from './exchange-rates.error';
import { ExchangeRateView, toExchangeRateView } from './exchange-rate.view';
import { convertAmount, rateInForce, rateProblem } from './exchange-rates.rules';

/**
 * Rates of exchange (tỷ giá) finance records, so that a rule's cap written in one currency can
 * hold a file whose fund is in another: `convert` gives the cap in the file's currency at the rate
 * in force on the day the figures are taken, or null when no rate is recorded for the pair.
 */
@Injectable()
export class ExchangeRatesService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** Records a rate (finance): 400 naming the field, 409 DUPLICATE when the pair already has a rate from that day. */
  async record(actor: Actor, dto: CreateExchangeRateDto): Promise<ExchangeRateView> {
    const capacity = requireRole(actor, 'finance');
    const problem = rateProblem(dto.rate);
    if (problem) throw ValidationFailed.field('rate', problem);
    if (dto.fromCurrency === dto.toCurrency) throw ValidationFailed.field('toCurrency', 'phải khác fromCurrency');
    return this.tx.run(async (em) => {
      const same = await em
        .createQueryBuilder(ExchangeRate, 'r')
        .setLock('pessimistic_write')
        .where('r.validFrom = :on', { on: dto.validFrom })
        .andWhere(
          new Brackets((qb) =>
            qb
              .where('r.fromCurrency = :a AND r.toCurrency = :b', { a: dto.fromCurrency, b: dto.toCurrency })
              .orWhere('r.fromCurrency = :b AND r.toCurrency = :a', { a: dto.fromCurrency, b: dto.toCurrency }),
          ),
        )
        .getOne();
      if (same) throw ExchangeRatesError.alreadyRecorded(same.fromCurrency, same.toCurrency, same.validFrom);
      const rate = em.create(ExchangeRate, {
        id: newId(),
        fromCurrency: dto.fromCurrency,
        toCurrency: dto.toCurrency,
        rate: new Money(dto.rate),
        validFrom: dto.validFrom,
        source: dto.source?.trim() || null,
        createdBy: actor.id,
        createdAt: this.clock.now(),
      });
      await em.insert(ExchangeRate, rate);
      const view = toExchangeRateView(rate);
      this.audit.record({ actor, capacity, action: 'exchange_rate.create', entity: 'exchange_rate', entityId: rate.id, after: view });
      return view;
    });
  }

  /** The rates recorded, newest first (finance, leaders, auditors). */
  async list(actor: Actor, query: ExchangeRateQuery): Promise<Page<ExchangeRateView>> {
    requireRole(actor, 'finance', 'leader', 'auditor');
    const qb = this.tx.manager.createQueryBuilder(ExchangeRate, 'r');
    if (query.currency) qb.where('(r.fromCurrency = :c OR r.toCurrency = :c)', { c: query.currency });
    const [rows, total] = await qb
      .orderBy('r.validFrom', 'DESC')
      .addOrderBy('r.id', 'DESC')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    return pageOf(rows.map(toExchangeRateView), total, query);
  }

  /**
   * `amount` in `from` converted into `to` at the rate in force on `on`, rounded down in `to`;
   * null when no rate of the pair is in force that day. The same currency converts to itself.
   */
  async convert({ amount, from, to, on }: { amount: Decimal; from: string; to: string; on: string }): Promise<Decimal | null> {
    if (from === to) return new Money(amount);
    const rates = await this.tx.manager
      .createQueryBuilder(ExchangeRate, 'r')
      .where('((r.fromCurrency = :a AND r.toCurrency = :b) OR (r.fromCurrency = :b AND r.toCurrency = :a))', { a: from, b: to })
      .andWhere('r.validFrom <= :on', { on })
      .orderBy('r.validFrom', 'DESC')
      .limit(2)
      .getMany();
    const rate = rateInForce(rates, { from, to, on });
    return rate ? convertAmount({ amount, from, to, rate }) : null;
  }
}
