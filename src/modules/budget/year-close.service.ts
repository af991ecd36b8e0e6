import { Injectable } from '@nestjs/common';
import { Actor } from '../../common/auth/actor';
import { Clock } from '../../common/clock';
import { Money } from '../../common/money/decimal';
import { formatMoneyForApi } from '../../common/money/money';
import { requireRole } from '../../common/auth/access';
import { TransactionRunner } from '../../database/transaction';
import { AuditService } from '../audit/audit.service';
import { FiscalYear } from '../ledger/fiscal-year.entity';
import { LedgerError } from '../ledger/ledger.error';
import { LedgerService } from '../ledger/ledger.service';
import { LedgerReadService } from '../ledger/ledger-read.service';
import { Books } from '../ledger/ledger.types';
import { CloseYearDto } from './dto/budget.dto';

/** An account the close moves: a unit's commitment or allocation. */
interface OpenAccount {
  fund_id: string;
  fund_code: string;
  currency: string;
  kind: 'commitment' | 'allocation';
  unit_id: string;
  application_id: string | null;
  balance: string;
}

/**
 * Closing a fiscal year (khóa sổ): approved, unpaid commitments — and unspent allocations when
 * asked — move into the next year through the carry-over bridge accounts; the rest goes back
 * to the fund. The year then refuses new money movements.
 */
@Injectable()
export class YearCloseService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly ledger: LedgerService,
    private readonly ledgerRead: LedgerReadService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async close(actor: Actor, year: number, dto: CloseYearDto) {
    requireRole(actor, 'finance');
    return this.tx.run(async (em) => {
      const fiscalYear = await em.findOne(FiscalYear, { where: { year }, lock: { mode: 'pessimistic_write' } });
      if (!fiscalYear || fiscalYear.status !== 'open') throw LedgerError.yearNotOpen(year);
      const next = year + 1;
      await em.createQueryBuilder().insert().into(FiscalYear).values({ year: next, status: 'open', closedAt: null, closedBy: null, createdAt: this.clock.now() }).orIgnore().execute();
      const nextYear = await em.findOneByOrFail(FiscalYear, { year: next });
      if (nextYear.status !== 'open') throw LedgerError.yearNotOpen(next);

      const reference = `KS-${year}`;
      type Moved = { currency: string; commitmentsCarried: Money; commitmentsReleased: Money; allocationsCarried: Money; returnedToFund: Money };
      const byFund = new Map<string, Moved>();
      const add = (account: OpenAccount, field: Exclude<keyof Moved, 'currency'>, amount: Money) => {
        const zero = new Money(0);
        const figures = byFund.get(account.fund_code) ?? { currency: account.currency, commitmentsCarried: zero, commitmentsReleased: zero, allocationsCarried: zero, returnedToFund: zero };
        figures[field] = figures[field].plus(amount);
        byFund.set(account.fund_code, figures);
      };
      // Commitments first: those not carried return to their unit and close with its allocation.
      for (const kind of ['commitment', 'allocation'] as const) {
        const accounts = (await this.ledgerRead.openAccountsForUpdate(year, kind)) as OpenAccount[];
        for (const account of accounts) {
          const books: Books = { fundId: account.fund_id, fundCode: account.fund_code, currency: account.currency, fiscalYear: year };
          const amount = new Money(account.balance);
          const spec = { kind, unitId: account.unit_id, applicationId: account.application_id };
          const carry = kind === 'commitment' ? dto.carryOverCommitments : dto.carryOverAllocations;
          const common = { amount, reference, actor, capacity: 'finance', unitId: account.unit_id, applicationId: account.application_id };
          if (carry) {
            await this.ledger.post({ ...common, books, kind: 'carry_over', from: spec, to: { kind: 'carry_out', unitId: account.unit_id } });
            await this.ledger.post({ ...common, books: { ...books, fiscalYear: next }, kind: 'carry_over', from: { kind: 'carry_in', unitId: account.unit_id }, to: spec });
            add(account, kind === 'commitment' ? 'commitmentsCarried' : 'allocationsCarried', amount);
          } else if (kind === 'commitment') {
            await this.ledger.post({ ...common, books, kind: 'commitment_release', from: spec, to: { kind: 'allocation', unitId: account.unit_id } });
            add(account, 'commitmentsReleased', amount);
          } else {
            await this.ledger.post({ ...common, books, kind: 'allocation_return', from: spec, to: { kind: 'fund' } });
            add(account, 'returnedToFund', amount);
          }
        }
      }
      const closedAt = this.clock.now();
      await em.update(FiscalYear, { year }, { status: 'closed', closedAt, closedBy: actor.id });
      const view = {
        year,
        status: 'closed' as const,
        closedAt: closedAt.toISOString(),
        nextYear: next,
        carryOverCommitments: dto.carryOverCommitments,
        carryOverAllocations: dto.carryOverAllocations,
        funds: [...byFund.entries()].map(([fundCode, f]) => ({
          fundCode,
          commitmentsCarried: formatMoneyForApi(f.commitmentsCarried, f.currency),
          commitmentsReleased: formatMoneyForApi(f.commitmentsReleased, f.currency),
          allocationsCarried: formatMoneyForApi(f.allocationsCarried, f.currency),
          returnedToFund: formatMoneyForApi(f.returnedToFund, f.currency),
        })),
      };
      this.audit.record({ actor, capacity: 'finance', action: 'fiscal_year.close', entity: 'fiscal_year', entityId: String(year), before: { status: 'open' }, after: view });
      return view;
    });
  }
}
