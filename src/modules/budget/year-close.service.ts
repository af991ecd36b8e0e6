import { Injectable } from '@nestjs/common';
import { Actor } from '../../common/auth/actor';
import { Clock } from '../../common/clock';
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
import { CLOSING_ORDER, YearCloseMove, YearEndAccount, yearCloseFigures, yearCloseMoves } from './year-close.rules';

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
      const moves: YearCloseMove[] = [];
      for (const kind of CLOSING_ORDER) {
        const accounts = (await this.ledgerRead.openAccountsForUpdate(year, kind)) as YearEndAccount[];
        const planned = yearCloseMoves({ year, accounts, carryOverCommitments: dto.carryOverCommitments, carryOverAllocations: dto.carryOverAllocations });
        for (const { account, amount, legs } of planned) {
          for (const leg of legs) {
            const books: Books = { fundId: account.fund_id, fundCode: account.fund_code, currency: account.currency, fiscalYear: leg.fiscalYear };
            await this.ledger.post({ books, kind: leg.kind, from: leg.from, to: leg.to, amount, reference, actor, capacity: 'finance', unitId: account.unit_id, applicationId: account.application_id });
          }
        }
        moves.push(...planned);
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
        funds: yearCloseFigures({ moves }).map((f) => ({
          fundCode: f.fundCode,
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
