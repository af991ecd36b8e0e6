import { Injectable } from '@nestjs/common';
import { Actor } from '../../common/auth/actor';
import { Clock } from '../../common/clock';
import { DomainError, ValidationFailed } from '../../common/http/domain-error';
import { newId } from '../../common/ids';
import { Decimal, Money } from '../../common/money/decimal';
import { currencyScale } from '../../common/money/currency';
import { formatMoneyForApi, parseMoney } from '../../common/money/money';
import { formatMoneyVi } from '../../common/money/format-vi';
import { splitByWeights } from '../../common/money/split';
import { requireRole, requireSignedIn } from '../../common/auth/access';
import { TransactionRunner } from '../../database/transaction';
import { AuditService } from '../audit/audit.service';
import { Fund } from '../ledger/fund.entity';
import { FiscalYear } from '../ledger/fiscal-year.entity';
import { LedgerError } from '../ledger/ledger.error';
import { LedgerService } from '../ledger/ledger.service';
import { LedgerReadService } from '../ledger/ledger-read.service';
import { Books, TransferView } from '../ledger/ledger.types';
import { UnitService } from '../organization/unit.service';
import {
  AllocationDto,
  AllocationReturnDto,
  AppropriationDto,
  CreateFundDto,
  OpenFiscalYearDto,
  SplitAllocationDto,
  UnitTransferDto,
} from './dto/budget.dto';
import { toFundView } from './budget.mappers';
import { movementYear } from './year-close.rules';

const FINANCE = 'finance';

/**
 * Budget use cases: funds and years, appropriation, allocation across units, commitments to
 * approved files and their release, year close. Every movement goes through the ledger.
 */
@Injectable()
export class BudgetService {
  private readonly funds = new Map<string, { id: string; currency: string }>();

  constructor(
    private readonly tx: TransactionRunner,
    private readonly ledger: LedgerService,
    private readonly ledgerRead: LedgerReadService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly units: UnitService,
  ) {}

  async createFund(actor: Actor, dto: CreateFundDto) {
    requireRole(actor, 'finance');
    return this.tx.run(async (em) => {
      if (await em.findOne(Fund, { where: { code: dto.code } })) {
        throw new DomainError('DUPLICATE', `Nguồn kinh phí mã ${dto.code} đã tồn tại.`);
      }
      const fund = em.create(Fund, {
        id: newId(),
        code: dto.code,
        name: dto.name,
        source: dto.source,
        sponsorName: dto.sponsorName ?? null,
        currency: dto.currency,
        createdAt: this.clock.now(),
      });
      await em.insert(Fund, fund);
      const view = toFundView(fund);
      this.audit.record({ actor, capacity: FINANCE, action: 'fund.create', entity: 'fund', entityId: fund.id, after: view });
      return view;
    });
  }

  /** The funds, for anyone signed in: a producer needs them to apply, and open data lists them. */
  async listFunds(actor: Actor) {
    requireSignedIn(actor);
    return this.fundList();
  }

  /** The funds (for the modules that look a fund up by code). */
  async fundList() {
    const funds = await this.tx.manager.find(Fund, { order: { code: 'ASC' } });
    return funds.map(toFundView);
  }

  async openFiscalYear(actor: Actor, dto: OpenFiscalYearDto) {
    requireRole(actor, 'finance');
    return this.tx.run(async (em) => {
      if (await em.findOne(FiscalYear, { where: { year: dto.year } })) {
        throw new DomainError('DUPLICATE', `Năm ngân sách ${dto.year} đã được mở.`);
      }
      await em.insert(FiscalYear, { year: dto.year, status: 'open', closedAt: null, closedBy: null, createdAt: this.clock.now() });
      const view = { year: dto.year, status: 'open' as const, closedAt: null };
      this.audit.record({ actor, capacity: FINANCE, action: 'fiscal_year.open', entity: 'fiscal_year', entityId: String(dto.year), after: view });
      return view;
    });
  }

  /** The fiscal years and whether each is open, for anyone signed in (a producer applies for an open year). */
  async listFiscalYears(actor: Actor) {
    requireSignedIn(actor);
    const years = await this.tx.manager.find(FiscalYear, { order: { year: 'ASC' } });
    return years.map((y) => ({ year: y.year, status: y.status, closedAt: y.closedAt?.toISOString() ?? null }));
  }

  async appropriate(actor: Actor, dto: AppropriationDto) {
    requireRole(actor, 'finance');
    return this.tx.run(async (em) => {
      const books = await this.books(dto.fundCode, dto.fiscalYear);
      const amount = parseMoney(dto.amount, { field: 'amount', currency: books.currency });
      const transfer = await this.ledger.post({
        books,
        kind: 'appropriation',
        from: { kind: 'source' },
        to: { kind: 'fund' },
        amount,
        reference: dto.decisionNo,
        actor,
        capacity: FINANCE,
      });
      const id = newId();
      await em.query(
        `INSERT INTO appropriations (id, fund_id, fiscal_year, amount, decision_no, decision_date, transfer_id, created_by, created_at)
         VALUES (?,?,?,?,?,?,?,?,?)`,
        [id, books.fundId, books.fiscalYear, transfer.amount, dto.decisionNo, dto.decisionDate, transfer.id, actor.id, this.clock.now()],
      );
      return {
        id,
        fundCode: books.fundCode,
        fiscalYear: books.fiscalYear,
        amount: transfer.amount,
        decisionNo: dto.decisionNo,
        decisionDate: dto.decisionDate,
        transferId: transfer.id,
        createdAt: transfer.createdAt,
      };
    });
  }

  async allocate(actor: Actor, dto: AllocationDto) {
    requireRole(actor, 'finance');
    return this.tx.run(async () => {
      const books = await this.books(dto.fundCode, dto.fiscalYear);
      await this.units.requireActiveUnits([{ field: 'unitId', id: dto.unitId }]);
      const amount = parseMoney(dto.amount, { field: 'amount', currency: books.currency });
      const transfer = await this.postAllocation(books, dto.unitId, amount, dto.decisionNo, actor);
      return allocationView(transfer, dto.unitId, dto.decisionNo);
    });
  }

  /** Shares in proportion to weights, whole units of the currency, summing exactly to the amount. */
  async split(actor: Actor, dto: SplitAllocationDto) {
    requireRole(actor, 'finance');
    return this.tx.run(async () => {
      const books = await this.books(dto.fundCode, dto.fiscalYear);
      const seen = new Set<string>();
      dto.shares.forEach((share, i) => {
        if (seen.has(share.unitId)) throw ValidationFailed.field(`shares[${i}].unitId`, 'đơn vị bị lặp lại');
        seen.add(share.unitId);
      });
      await this.units.requireActiveUnits(dto.shares.map((s, i) => ({ field: `shares[${i}].unitId`, id: s.unitId })));
      const amount = parseMoney(dto.amount, { field: 'amount', currency: books.currency });
      const parts = splitByWeights({
        total: amount,
        weights: dto.shares.map((s) => s.weight),
        scale: currencyScale(books.currency),
      });
      const reference = dto.decisionNo ?? `PB-${this.clock.today()}`;
      const allocations = [];
      for (const [i, share] of dto.shares.entries()) {
        if (parts[i].gt(0)) await this.postAllocation(books, share.unitId, parts[i], reference, actor);
        allocations.push({ unitId: share.unitId, amount: formatMoneyForApi(parts[i], books.currency) });
      }
      return { fundCode: books.fundCode, fiscalYear: books.fiscalYear, amount: formatMoneyForApi(amount, books.currency), allocations };
    });
  }

  async transferBetweenUnits(actor: Actor, dto: UnitTransferDto) {
    requireRole(actor, 'finance');
    return this.tx.run(async () => {
      const books = await this.books(dto.fundCode, dto.fiscalYear);
      if (dto.fromUnitId === dto.toUnitId) throw ValidationFailed.field('toUnitId', 'phải khác đơn vị chuyển');
      // Money may leave a deactivated unit (what came back to it after it closed), never reach one.
      await this.units.requireKnownUnits([{ field: 'fromUnitId', id: dto.fromUnitId }]);
      await this.units.requireActiveUnits([{ field: 'toUnitId', id: dto.toUnitId }]);
      const amount = parseMoney(dto.amount, { field: 'amount', currency: books.currency });
      const transfer = await this.ledger.post({
        books,
        kind: 'allocation_transfer',
        from: { kind: 'allocation', unitId: dto.fromUnitId },
        to: { kind: 'allocation', unitId: dto.toUnitId },
        amount,
        reference: dto.reason.slice(0, 120),
        note: dto.reason,
        unitId: dto.fromUnitId,
        actor,
        capacity: FINANCE,
      });
      return {
        id: transfer.id,
        fundCode: books.fundCode,
        fiscalYear: books.fiscalYear,
        fromUnitId: dto.fromUnitId,
        toUnitId: dto.toUnitId,
        amount: transfer.amount,
        reason: dto.reason,
        createdAt: transfer.createdAt,
      };
    });
  }

  /** A unit gives back part of its allocation to the fund's unallocated budget. */
  async returnAllocation(actor: Actor, dto: AllocationReturnDto) {
    requireRole(actor, 'finance');
    return this.tx.run(async () => {
      const books = await this.books(dto.fundCode, dto.fiscalYear);
      await this.units.requireKnownUnits([{ field: 'unitId', id: dto.unitId }]);
      const amount = parseMoney(dto.amount, { field: 'amount', currency: books.currency });
      const transfer = await this.ledger.post({
        books,
        kind: 'allocation_return',
        from: { kind: 'allocation', unitId: dto.unitId },
        to: { kind: 'fund' },
        amount,
        reference: dto.reason.slice(0, 120),
        note: dto.reason,
        actor,
        capacity: FINANCE,
      });
      return { id: transfer.id, fundCode: books.fundCode, fiscalYear: books.fiscalYear, unitId: dto.unitId, amount: transfer.amount, reason: dto.reason, createdAt: transfer.createdAt };
    });
  }

  /**
   * Commits approved support from the allocation unit's available budget to the file
   * (409 INSUFFICIENT_FUNDS when the unit does not hold it, or `whenInsufficient`'s error: a list
   * decision names the file). Joins the caller's transaction.
   */
  async commitToApplication(input: {
    fundCode: string;
    fiscalYear: number;
    unitId: string;
    applicationId: string;
    amount: Decimal;
    actor: Actor;
    capacity: string;
    reference: string;
    whenInsufficient?: () => Error;
  }): Promise<TransferView> {
    return this.tx.run(async () => {
      const books = await this.books(input.fundCode, input.fiscalYear);
      return this.ledger.post({
        books,
        kind: 'commitment',
        from: { kind: 'allocation', unitId: input.unitId },
        to: { kind: 'commitment', unitId: input.unitId, applicationId: input.applicationId },
        amount: input.amount,
        reference: input.reference,
        actor: input.actor,
        capacity: input.capacity,
        whenInsufficient: input.whenInsufficient ?? (() => LedgerError.insufficientFunds('Đơn vị phân bổ không còn đủ kinh phí khả dụng để cam kết cho đề án này.')),
      });
    });
  }

  /**
   * Releases a file's commitment back to its unit: `amount`, or all that is unpaid. Returns what
   * was released. Joins the caller's transaction.
   */
  async releaseCommitment(input: {
    fundCode: string;
    fiscalYear: number;
    applicationId: string;
    unitId: string;
    amount?: Decimal;
    actor: Actor;
    capacity: string;
    reference: string;
  }): Promise<Money> {
    return this.tx.run(async () => {
      const books = await this.applicationBooks({ id: input.applicationId, fundCode: input.fundCode, fiscalYear: input.fiscalYear });
      const commitment = { kind: 'commitment' as const, unitId: input.unitId, applicationId: input.applicationId };
      const amount = input.amount ?? (await this.ledger.balance(books, commitment, { lock: true }));
      if (!amount.gt(0)) return new Money(0);
      await this.ledger.post({
        books,
        kind: 'commitment_release',
        from: commitment,
        to: { kind: 'allocation', unitId: input.unitId },
        amount,
        reference: input.reference,
        actor: input.actor,
        capacity: input.capacity,
      });
      return new Money(amount);
    });
  }

  /**
   * The books a file's money moves in now: the latest year holding its commitment (a year close
   * may have carried it forward), or the file's own fiscal year, while that year is open; once it
   * is closed, the open year the movement arrives in (`movementYear`), so a receipt or a payment
   * after a close is never refused for the closed year. 409 when no year after it is open.
   */
  async applicationBooks(app: { id: string; fundCode: string; fiscalYear: number }): Promise<Books> {
    const { commitmentYear, years } = await this.ledgerRead.fileYears(app.id);
    const booksYear = commitmentYear ?? app.fiscalYear;
    const year = movementYear({ booksYear, years, thisYear: Number(this.clock.today().slice(0, 4)) });
    if (year === null) throw LedgerError.yearNotOpen(booksYear);
    return this.books(app.fundCode, year);
  }

  /**
   * Commits to a file anew what a year close released from its commitment and the file still
   * owes its beneficiary (a final payment decided by its settlement): the shortfall of the file's
   * commitment in `books` against `needed`, from the unit's allocation of that (open) year. 409
   * INSUFFICIENT_FUNDS naming the year when the unit does not hold it; finance allocates, and the
   * step is taken again. Returns what was committed. Joins the caller's transaction.
   */
  async recommitShortfall(input: { books: Books; applicationId: string; unitId: string; needed: Decimal; actor: Actor; capacity: string; reference: string }): Promise<Money> {
    const commitment = { kind: 'commitment' as const, unitId: input.unitId, applicationId: input.applicationId };
    const committed = await this.ledger.balance(input.books, commitment, { lock: true });
    const shortfall = new Money(input.needed).minus(committed);
    if (!shortfall.gt(0)) return new Money(0);
    await this.ledger.post({
      books: input.books,
      kind: 'commitment',
      from: { kind: 'allocation', unitId: input.unitId },
      to: commitment,
      amount: shortfall,
      reference: input.reference,
      note: `Cam kết lại năm ${input.books.fiscalYear} phần kinh phí khóa sổ đã hoàn trả`,
      actor: input.actor,
      capacity: input.capacity,
      whenInsufficient: () =>
        LedgerError.insufficientFunds(
          `Khóa sổ năm trước đã hoàn trả kinh phí cam kết của đề án; đơn vị phân bổ không còn đủ kinh phí năm ${input.books.fiscalYear} để cam kết lại ${formatMoneyVi(shortfall, input.books.currency)} còn phải chi. Hãy phân bổ thêm rồi thực hiện lại.`,
        ),
    });
    return shortfall;
  }

  /** The books of a fund and year for a request: the fund must exist; the ledger checks the year. */
  async books(fundCode: string, fiscalYear: number): Promise<Books> {
    let fund = this.funds.get(fundCode);
    if (!fund) {
      const found = await this.tx.manager.findOne(Fund, { where: { code: fundCode } });
      if (!found) throw ValidationFailed.field('fundCode', 'không có nguồn kinh phí với mã này');
      // A fund's id, code and currency never change once it exists (and a fund is never deleted).
      fund = { id: found.id, currency: found.currency };
      this.funds.set(fundCode, fund);
    }
    return { fundId: fund.id, fundCode, currency: fund.currency, fiscalYear };
  }

  private async postAllocation(books: Books, unitId: string, amount: Decimal, decisionNo: string, actor: Actor) {
    return this.ledger.post({
      books,
      kind: 'allocation',
      from: { kind: 'fund' },
      to: { kind: 'allocation', unitId },
      amount,
      reference: decisionNo,
      actor,
      capacity: FINANCE,
      whenInsufficient: () => LedgerError.insufficientFunds('Số tiền phân bổ vượt quá kinh phí chưa phân bổ của nguồn.'),
    });
  }
}

function allocationView(transfer: TransferView, unitId: string, decisionNo: string) {
  return {
    id: transfer.id,
    fundCode: transfer.fundCode,
    fiscalYear: transfer.fiscalYear,
    unitId,
    amount: transfer.amount,
    decisionNo,
    createdAt: transfer.createdAt,
  };
}
