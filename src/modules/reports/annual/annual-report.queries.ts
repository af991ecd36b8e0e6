import { Injectable } from '@nestjs/common';
import { Clock } from '../../../common/clock';
import { Money } from '../../../common/money/decimal';
import { TransactionRunner } from '../../../database/transaction';
import { type ApplicationStatus } from '../../applications/application-statuses';
import { statusLabel } from '../../applications/applications.labels';
import { BudgetSummaryService } from '../../budget/budget-summary.service';
import { OverdueReportService } from '../overdue/overdue-report.service';
import { latestActivityNames } from './activity-names.query';
import { addInto, FUNDED_STATUSES, zero } from '../reports.rules';
import { SETTLEMENT_STATUS_LABELS } from '../../settlement/settlement.labels';
import { SettlementService } from '../../settlement/settlement.service';
import type {
  ActivityFigures,
  AnnualFigures,
  ApplicationLine,
  CommuneFigures,
  CurrencyTotals,
  Execution,
  FileGroupFigures,
  FundFigures,
  OverdueLine,
  RecoveryLine,
  SettlementLine,
  UnitFigures,
} from './annual-report.types';

type Row = Record<string, unknown>;
const EXECUTION: Array<keyof Execution> = ['allocated', 'committed', 'disbursed', 'recovered', 'available'];
const money = (v: unknown) => new Money((v as string | null) ?? 0);
const maybeMoney = (v: unknown) => (v === null || v === undefined ? null : new Money(v as string));
const int = (v: unknown) => Number.parseInt(String(v ?? 0), 10);
const text = (v: unknown) => (v === null || v === undefined ? null : String(v));
const FUNDED = FUNDED_STATUSES.map(() => '?').join(',');

/**
 * The SQL of the annual review. Every figure is an aggregate the database computes (GROUP BY over
 * indexed columns); the only row-by-row reads are the lists the report prints (files, settlements,
 * recoveries, overdue items). Unit and fund figures are the budget summary's own, so the two can
 * never disagree.
 */
@Injectable()
export class AnnualReportQueries {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
    private readonly budget: BudgetSummaryService,
    private readonly overdue: OverdueReportService,
    private readonly settlements: SettlementService,
  ) {}

  async figures(fiscalYear: number, unitId: string | null): Promise<AnnualFigures> {
    const today = this.clock.today();
    // Independent reads, each on its own pooled connection, so the report waits for the slowest only.
    const [unitName, { funds, units }, fileCounts, activityTypes, communes, applications, settlements, recoveriesOutstanding, overdue] = await Promise.all([
      unitId ? this.unitName(unitId) : null,
      this.budgetByFundAndUnit(fiscalYear, unitId),
      this.fileCounts(fiscalYear, unitId),
      this.byActivity(fiscalYear, unitId),
      this.byCommune(fiscalYear, unitId),
      this.applicationLines(fiscalYear, unitId),
      this.settlementLines(fiscalYear, unitId),
      this.recoveryLines(fiscalYear, unitId),
      this.overdueLines(fiscalYear, unitId),
    ]);
    for (const unit of units) unit.applications = fileCounts.get(`${unit.unitId}:${unit.currency}`) ?? 0;
    return {
      fiscalYear,
      generatedAt: this.clock.now(),
      today,
      unitId,
      unitName,
      funds,
      units,
      activityTypes,
      communes,
      applications,
      settlements,
      recoveriesOutstanding,
      overdue,
      totals: totalsByCurrency(funds, activityTypes),
    };
  }

  private async unitName(unitId: string): Promise<string | null> {
    const rows: Row[] = await this.tx.manager.query('SELECT name FROM units WHERE id = ?', [unitId]);
    return text(rows[0]?.name);
  }

  /**
   * Funds and units from the budget summary (one GROUP BY over stored balances). Unit rows add up
   * every fund of the same currency; with `unitId`, only that unit's figures count, while a fund's
   * appropriation and unallocated budget stay the fund's.
   */
  private async budgetByFundAndUnit(fiscalYear: number, unitId: string | null): Promise<{ funds: FundFigures[]; units: UnitFigures[] }> {
    const summary = await this.budget.figures({ fiscalYear });
    const fundRows: Row[] = await this.tx.manager.query('SELECT code, name FROM funds');
    const fundNames = new Map(fundRows.map((r) => [String(r.code), String(r.name)]));
    const unitIds = [...new Set(summary.funds.flatMap((f) => f.units.map((u) => u.unitId)))];
    const unitRows: Row[] = unitIds.length ? await this.tx.manager.query(`SELECT id, code, name FROM units WHERE id IN (${unitIds.map(() => '?').join(',')})`, unitIds) : [];
    const unitInfo = new Map(unitRows.map((r) => [String(r.id), { code: text(r.code), name: text(r.name) }]));

    const units = new Map<string, UnitFigures>();
    const funds: FundFigures[] = [];
    for (const book of summary.funds) {
      const fund: FundFigures = {
        fundCode: book.fundCode,
        fundName: fundNames.get(book.fundCode) ?? book.fundCode,
        source: book.source,
        currency: book.currency,
        appropriated: money(book.appropriated),
        carriedIn: money(book.carriedIn),
        unallocated: money(book.unallocated),
        allocated: zero(),
        committed: zero(),
        disbursed: zero(),
        recovered: zero(),
        available: zero(),
      };
      for (const u of book.units) {
        if (unitId && u.unitId !== unitId) continue;
        const figures = { allocated: money(u.allocated), committed: money(u.committed), disbursed: money(u.disbursed), recovered: money(u.recovered), available: money(u.available) };
        addInto(fund, figures, EXECUTION);
        const key = `${u.unitId}:${book.currency}`;
        const unit = units.get(key) ?? {
          unitId: u.unitId,
          unitCode: unitInfo.get(u.unitId)?.code ?? null,
          unitName: unitInfo.get(u.unitId)?.name ?? null,
          currency: book.currency,
          applications: 0,
          allocated: zero(),
          committed: zero(),
          disbursed: zero(),
          recovered: zero(),
          available: zero(),
        };
        units.set(key, addInto(unit, figures, EXECUTION));
      }
      funds.push(fund);
    }
    funds.sort((a, b) => a.fundCode.localeCompare(b.fundCode));
    const unitList = [...units.values()].sort((a, b) => (a.unitCode ?? '').localeCompare(b.unitCode ?? '') || a.currency.localeCompare(b.currency));
    return { funds, units: unitList };
  }

  /** Funded files per allocation unit and currency. */
  private async fileCounts(fiscalYear: number, unitId: string | null): Promise<Map<string, number>> {
    const rows: Row[] = await this.tx.manager.query(
      `SELECT allocation_unit_id, currency, COUNT(*) AS n FROM applications
        WHERE fiscal_year = ? AND status IN (${FUNDED}) ${unitId ? 'AND allocation_unit_id = ?' : ''}
        GROUP BY allocation_unit_id, currency`,
      [fiscalYear, ...FUNDED_STATUSES, ...(unitId ? [unitId] : [])],
    );
    return new Map(rows.map((r) => [`${r.allocation_unit_id}:${r.currency}`, int(r.n)]));
  }

  /**
   * One dimension of the files (activity type or commune): funded files and their approved support
   * from the applications, and the balances of every file account of the year grouped the same
   * way. A file account with no file row (or no value for the dimension) falls in a null group, so
   * the groups always add up to the budget summary.
   */
  private async byDimension(column: 'activity_type_code' | 'commune_code', fiscalYear: number, unitId: string | null): Promise<Map<string, FileGroupFigures & { key: string | null }>> {
    const db = this.tx.manager;
    const [files, balances]: [Row[], Row[]] = await Promise.all([
      db.query(
        `SELECT a.${column} AS k, a.currency, COUNT(*) AS n, SUM(a.approved_support) AS support
           FROM applications a
          WHERE a.fiscal_year = ? AND a.status IN (${FUNDED}) ${unitId ? 'AND a.allocation_unit_id = ?' : ''}
          GROUP BY a.${column}, a.currency`,
        [fiscalYear, ...FUNDED_STATUSES, ...(unitId ? [unitId] : [])],
      ),
      db.query(
        `SELECT a.${column} AS k, f.currency, acc.kind, SUM(acc.balance) AS total
           FROM ledger_accounts acc
           JOIN funds f ON f.id = acc.fund_id
           LEFT JOIN applications a ON a.id = acc.application_id
          WHERE acc.fiscal_year = ? AND acc.kind IN ('commitment','payee','recovery') ${unitId ? 'AND acc.unit_id = ?' : ''}
          GROUP BY a.${column}, f.currency, acc.kind`,
        [fiscalYear, ...(unitId ? [unitId] : [])],
      ),
    ]);
    const groups = new Map<string, FileGroupFigures & { key: string | null }>();
    const group = (k: unknown, currency: unknown) => {
      const key = `${k ?? ''}\u0000${currency}`;
      let g = groups.get(key);
      if (!g) {
        g = { key: text(k), currency: String(currency), applications: 0, approvedSupport: zero(), committed: zero(), disbursed: zero(), recovered: zero() };
        groups.set(key, g);
      }
      return g;
    };
    for (const r of files) {
      const g = group(r.k, r.currency);
      g.applications = int(r.n);
      g.approvedSupport = money(r.support);
    }
    for (const r of balances) {
      const g = group(r.k, r.currency);
      if (r.kind === 'commitment') g.committed = g.committed.plus(money(r.total));
      if (r.kind === 'payee') g.disbursed = g.disbursed.plus(money(r.total));
      // a recovery account goes negative by what was received back
      if (r.kind === 'recovery') g.recovered = g.recovered.minus(money(r.total));
    }
    return groups;
  }

  private async byActivity(fiscalYear: number, unitId: string | null): Promise<ActivityFigures[]> {
    const groups = await this.byDimension('activity_type_code', fiscalYear, unitId);
    const nameOf = await latestActivityNames(this.tx.manager);
    return [...groups.values()]
      .map(({ key, ...g }) => ({ code: key, name: key ? (nameOf.get(key) ?? key) : null, ...g }))
      .sort((a, b) => (a.code ?? '\uffff').localeCompare(b.code ?? '\uffff') || a.currency.localeCompare(b.currency));
  }

  private async byCommune(fiscalYear: number, unitId: string | null): Promise<CommuneFigures[]> {
    const groups = await this.byDimension('commune_code', fiscalYear, unitId);
    const codes = [...new Set([...groups.values()].map((g) => g.key).filter((k): k is string => k !== null))];
    // A commune's name and its province's, from the national list of administrative units.
    const names: Row[] = codes.length
      ? await this.tx.manager.query(
          `SELECT c.code, c.name, p.name AS province_name FROM admin_units c JOIN admin_units p ON p.code = c.province_code WHERE c.code IN (${codes.map(() => '?').join(',')})`,
          codes,
        )
      : [];
    const nameOf = new Map(names.map((r) => [String(r.code), { communeName: String(r.name), provinceName: String(r.province_name) }]));
    return [...groups.values()]
      // A code the list does not have (or every code, while no list is loaded) prints as itself.
      .map(({ key, ...g }) => ({ communeCode: key, ...((key ? nameOf.get(key) : undefined) ?? { communeName: key, provinceName: null }), ...g }))
      .sort((a, b) => (a.communeCode ?? '\uffff').localeCompare(b.communeCode ?? '\uffff') || a.currency.localeCompare(b.currency));
  }

  /** Every file of the year past its draft, with its status and the balances of its accounts. */
  private async applicationLines(fiscalYear: number, unitId: string | null): Promise<ApplicationLine[]> {
    const rows: Row[] = await this.tx.manager.query(
      `SELECT a.id, a.title, e.name AS establishment_name, a.activity_type_code, a.commune_code, cu.name AS commune_name, a.fund_code, a.currency,
              a.allocation_unit_id, u.code AS unit_code, a.status, a.decision_no, DATE_FORMAT(a.decision_date, '%Y-%m-%d') AS decision_date,
              a.approved_support, l.committed, l.disbursed, l.recovered
         FROM applications a
         LEFT JOIN establishments e ON e.id = a.establishment_id
         LEFT JOIN units u ON u.id = a.allocation_unit_id
         LEFT JOIN admin_units cu ON cu.code = a.commune_code AND cu.province_code IS NOT NULL
         LEFT JOIN (
           SELECT application_id,
                  SUM(CASE WHEN kind = 'commitment' THEN balance ELSE 0 END) AS committed,
                  SUM(CASE WHEN kind = 'payee' THEN balance ELSE 0 END) AS disbursed,
                  -SUM(CASE WHEN kind = 'recovery' THEN balance ELSE 0 END) AS recovered
             FROM ledger_accounts
            WHERE fiscal_year = ? AND application_id IS NOT NULL
            GROUP BY application_id
         ) l ON l.application_id = a.id
        WHERE a.fiscal_year = ? AND a.status <> 'draft' ${unitId ? 'AND (a.allocation_unit_id = ? OR a.lead_unit_id = ?)' : ''}
        ORDER BY a.id`,
      [fiscalYear, fiscalYear, ...(unitId ? [unitId, unitId] : [])],
    );
    return rows.map((r) => ({
      applicationId: String(r.id),
      title: String(r.title),
      establishmentName: text(r.establishment_name),
      activityTypeCode: String(r.activity_type_code),
      communeCode: text(r.commune_code),
      communeName: text(r.commune_name) ?? text(r.commune_code),
      fundCode: String(r.fund_code),
      currency: String(r.currency),
      unitId: text(r.allocation_unit_id),
      unitCode: text(r.unit_code),
      status: String(r.status),
      statusLabel: statusLabel(r.status as ApplicationStatus) ?? String(r.status),
      decisionNo: text(r.decision_no),
      decisionDate: text(r.decision_date),
      approvedSupport: maybeMoney(r.approved_support),
      committed: money(r.committed),
      disbursed: money(r.disbursed),
      recovered: money(r.recovered),
    }));
  }

  /**
   * The settlements of the year's files. What each says was paid, received back and is still
   * owed is the settlement service's own reading of the records now (the API and the pages read
   * the same), never the figures of the moment it was approved.
   */
  private async settlementLines(fiscalYear: number, unitId: string | null): Promise<SettlementLine[]> {
    const rows: Row[] = await this.tx.manager.query(
      `SELECT s.id, s.application_id, a.title, a.currency, s.status, s.actual_eligible_cost, COALESCE(s.approved_support, a.approved_support) AS approved_support,
              s.final_support, s.approved_at
         FROM settlements s JOIN applications a ON a.id = s.application_id
        WHERE a.fiscal_year = ? ${unitId ? 'AND a.allocation_unit_id = ?' : ''}
        ORDER BY s.id`,
      [fiscalYear, ...(unitId ? [unitId] : [])],
    );
    const standings = await this.settlements.standingsOf(rows.map((r) => String(r.id)));
    return rows.map((r) => ({
      settlementId: String(r.id),
      applicationId: String(r.application_id),
      title: String(r.title),
      currency: String(r.currency),
      status: String(r.status),
      statusLabel: SETTLEMENT_STATUS_LABELS[String(r.status)] ?? String(r.status),
      actualEligibleCost: money(r.actual_eligible_cost),
      approvedSupport: maybeMoney(r.approved_support),
      finalSupport: maybeMoney(r.final_support),
      paid: standings.get(String(r.id))?.paid ?? zero(),
      recovered: standings.get(String(r.id))?.recovered ?? zero(),
      balance: standings.get(String(r.id))?.balance ?? null,
      approvedAt: r.approved_at ? (r.approved_at as Date).toISOString() : null,
    }));
  }

  /**
   * The recoveries of the year's files still owed, like the files and settlements above: by the
   * file's fiscal year, not the books the order was opened in (after a year close that is the
   * next year), so a settlement still to recover and its order are in the same review.
   */
  private async recoveryLines(fiscalYear: number, unitId: string | null): Promise<RecoveryLine[]> {
    const rows: Row[] = await this.tx.manager.query(
      `SELECT r.id, r.application_id, a.title, e.name AS establishment_name, a.currency, r.amount, r.received, r.amount - r.received AS outstanding, r.created_at
         FROM recoveries r
         JOIN applications a ON a.id = r.application_id
         LEFT JOIN establishments e ON e.id = a.establishment_id
        WHERE a.fiscal_year = ? AND r.status = 'open' AND r.amount > r.received ${unitId ? 'AND r.unit_id = ?' : ''}
        ORDER BY r.id`,
      [fiscalYear, ...(unitId ? [unitId] : [])],
    );
    return rows.map((r) => ({
      recoveryId: String(r.id),
      applicationId: String(r.application_id),
      title: String(r.title),
      establishmentName: text(r.establishment_name),
      currency: String(r.currency),
      amount: money(r.amount),
      received: money(r.received),
      outstanding: money(r.outstanding),
      openedOn: (r.created_at as Date).toISOString().slice(0, 10),
    }));
  }

  /**
   * Files, consultations and settlements past due: the overdue report's own lists (overdue
   * settlements are defined once, in overdue-settlements.query.ts).
   */
  private async overdueLines(fiscalYear: number, unitId: string | null): Promise<OverdueLine[]> {
    const report = await this.overdue.overdue({ fiscalYear, unitId: unitId ?? undefined });
    const lines: OverdueLine[] = [
      ...report.files.map((f) => ({
        kind: 'file' as const,
        kindLabel: 'Hồ sơ quá hạn xử lý',
        applicationId: f.applicationId,
        title: f.title,
        unitName: f.leadUnitName,
        responsible: f.officerName,
        dueDate: f.dueDate,
        daysOverdue: f.daysOverdue,
      })),
      ...report.consultations.map((c) => ({
        kind: 'consultation' as const,
        kindLabel: 'Xin ý kiến quá hạn (coi như đồng ý)',
        applicationId: c.applicationId,
        title: c.applicationTitle,
        unitName: c.unitName,
        responsible: c.requestedByName,
        dueDate: c.dueDate,
        daysOverdue: c.daysOverdue,
      })),
      ...report.settlements.map((s) => ({
        kind: 'settlement' as const,
        kindLabel: 'Quá hạn nộp quyết toán',
        applicationId: s.applicationId,
        title: s.title,
        unitName: s.leadUnitName,
        responsible: s.officerName,
        dueDate: s.dueDate,
        daysOverdue: s.daysOverdue,
      })),
    ];
    return lines.sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.applicationId.localeCompare(b.applicationId));
  }
}

/** The report's totals, one line per currency: funds give the budget, activity groups the approved support. */
export function totalsByCurrency(funds: FundFigures[], groups: ActivityFigures[]): CurrencyTotals[] {
  const byCurrency = new Map<string, CurrencyTotals>();
  const get = (currency: string) => {
    let t = byCurrency.get(currency);
    if (!t) {
      t = { currency, appropriated: zero(), unallocated: zero(), allocated: zero(), committed: zero(), disbursed: zero(), recovered: zero(), available: zero(), approvedSupport: zero(), applications: 0 };
      byCurrency.set(currency, t);
    }
    return t;
  };
  for (const f of funds) addInto(get(f.currency), f, ['appropriated', 'unallocated', ...EXECUTION]);
  for (const g of groups) {
    const t = get(g.currency);
    t.approvedSupport = t.approvedSupport.plus(g.approvedSupport);
    t.applications += g.applications;
  }
  return [...byCurrency.values()].sort((a, b) => (a.currency === 'VND' ? -1 : b.currency === 'VND' ? 1 : a.currency.localeCompare(b.currency)));
}
