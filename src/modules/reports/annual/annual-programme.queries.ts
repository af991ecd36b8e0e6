import { Injectable } from '@nestjs/common';
import type { Actor } from '../../../common/auth/actor';
import { Money } from '../../../common/money/decimal';
import { TransactionRunner } from '../../../database/transaction';
import { OUTCOME_FIELDS } from '../../disbursements/disbursements.labels';
import { AnnualNarrativeService } from '../../programme/annual-narrative.service';
import { AnnualPlanService } from '../../programme/annual-plan.service';
import { CommendationsService } from '../../programme/commendations.service';
import { FUNDED_STATUSES } from '../reports.rules';
import { latestActivityNames } from './activity-names.query';
import { outcomeTotals, planAgainstActual, planTotalsByCurrency, type FundedFiles, type PaidOut } from './annual-programme.rules';
import type { OutcomeGroup, PlanRow, ProgrammeFigures } from './annual-report.types';

type Row = Record<string, unknown>;
const int = (v: unknown) => Number.parseInt(String(v ?? 0), 10);
const text = (v: unknown) => (v === null || v === undefined ? null : String(v));
const FUNDED = FUNDED_STATUSES.map(() => '?').join(',');
/** The outcome columns of an acceptance, in OUTCOME_FIELDS order. */
const OUTCOME_COLUMNS = ['jobs_created', 'jobs_kept', 'women_workers', 'disabled_workers', 'trainees', 'models_built'];

/**
 * The programme's part of the annual review: the plan (the programme module's) set against the
 * funded files and the money paid on them, the outcomes the year's passed acceptances recorded,
 * the assessment and the commendations. Aggregates in SQL (GROUP BY), like the rest of the review;
 * kept apart from annual-report.queries.ts so that the budget's figures and the programme's can
 * change without touching each other.
 */
@Injectable()
export class AnnualProgrammeQueries {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly plans: AnnualPlanService,
    private readonly narratives: AnnualNarrativeService,
    private readonly commendations: CommendationsService,
  ) {}

  async figures(fiscalYear: number, unitId: string | null, reader: Actor): Promise<ProgrammeFigures> {
    const [plan, files, paid, activityNames, byActivityType, narrative, commendations] = await Promise.all([
      this.plans.planOf(fiscalYear, unitId),
      this.fundedFiles(fiscalYear, unitId),
      this.paidOut(fiscalYear, unitId),
      latestActivityNames(this.tx.manager),
      this.outcomesByActivity(fiscalYear, unitId),
      // The assessment is the province's: a unit's review leaves it out.
      unitId ? null : this.narratives.narrativeOf(fiscalYear),
      this.commendations.commendationsOf(fiscalYear, reader, unitId),
    ]);
    const bare = planAgainstActual({ plan, files, paid });
    const units = await this.units(bare.map((r) => r.unitId));
    const rows: PlanRow[] = bare
      .map((r) => ({
        ...r,
        activityTypeName: r.activityTypeCode ? (activityNames.get(r.activityTypeCode) ?? r.activityTypeCode) : null,
        unitCode: units.get(r.unitId)?.code ?? null,
        unitName: units.get(r.unitId)?.name ?? null,
      }))
      .sort((a, b) => (a.activityTypeCode ?? '\uffff').localeCompare(b.activityTypeCode ?? '\uffff') || (a.unitCode ?? '').localeCompare(b.unitCode ?? '') || a.fundCode.localeCompare(b.fundCode) || a.currency.localeCompare(b.currency));
    for (const g of byActivityType) g.name = activityNames.get(g.code) ?? g.code;
    return {
      plan: rows,
      planTotals: planTotalsByCurrency(rows),
      outcomes: { ...outcomeTotals(byActivityType), byActivityType },
      narrative,
      commendations,
    };
  }

  /** Funded files (an approval in force) per activity type, allocation unit and fund. */
  private async fundedFiles(fiscalYear: number, unitId: string | null): Promise<FundedFiles[]> {
    const rows: Row[] = await this.tx.manager.query(
      `SELECT activity_type_code, allocation_unit_id, fund_code, currency, COUNT(*) AS n, SUM(approved_support) AS support
         FROM applications
        WHERE fiscal_year = ? AND status IN (${FUNDED}) ${unitId ? 'AND allocation_unit_id = ?' : ''}
        GROUP BY activity_type_code, allocation_unit_id, fund_code, currency`,
      [fiscalYear, ...FUNDED_STATUSES, ...(unitId ? [unitId] : [])],
    );
    return rows.map((r) => ({
      activityTypeCode: String(r.activity_type_code),
      unitId: String(r.allocation_unit_id ?? ''),
      fundCode: String(r.fund_code),
      currency: String(r.currency),
      count: int(r.n),
      approvedSupport: new Money((r.support as string | null) ?? 0),
    }));
  }

  /**
   * The payee balances of the year (what was disbursed, net of what the treasury sent back) per
   * activity type of their file, unit and fund: the same accounts the budget summary adds up.
   */
  private async paidOut(fiscalYear: number, unitId: string | null): Promise<PaidOut[]> {
    const rows: Row[] = await this.tx.manager.query(
      `SELECT a.activity_type_code AS k, acc.unit_id, f.code AS fund_code, f.currency, SUM(acc.balance) AS total
         FROM ledger_accounts acc
         JOIN funds f ON f.id = acc.fund_id
         LEFT JOIN applications a ON a.id = acc.application_id
        WHERE acc.fiscal_year = ? AND acc.kind = 'payee' ${unitId ? 'AND acc.unit_id = ?' : ''}
        GROUP BY a.activity_type_code, acc.unit_id, f.code, f.currency`,
      [fiscalYear, ...(unitId ? [unitId] : [])],
    );
    return rows.map((r) => ({ activityTypeCode: text(r.k), unitId: String(r.unit_id), fundCode: String(r.fund_code), currency: String(r.currency), disbursed: new Money((r.total as string | null) ?? 0) }));
  }

  /**
   * What the year's funded files recorded at their latest passed acceptance, per activity type:
   * how many were accepted, how many recorded outcomes, and the outcomes added up.
   */
  private async outcomesByActivity(fiscalYear: number, unitId: string | null): Promise<OutcomeGroup[]> {
    const rows: Row[] = await this.tx.manager.query(
      `SELECT a.activity_type_code AS code, COUNT(*) AS accepted, SUM(x.jobs_created IS NOT NULL) AS reported,
              ${OUTCOME_COLUMNS.map((c) => `COALESCE(SUM(x.${c}), 0) AS ${c}`).join(', ')}
         FROM applications a
         JOIN acceptances x ON x.application_id = a.id AND x.result = 'passed'
        WHERE a.fiscal_year = ? AND a.status IN (${FUNDED}) ${unitId ? 'AND a.allocation_unit_id = ?' : ''}
          AND NOT EXISTS (SELECT 1 FROM acceptances y WHERE y.application_id = a.id AND y.result = 'passed' AND y.id > x.id)
        GROUP BY a.activity_type_code
        ORDER BY a.activity_type_code`,
      [fiscalYear, ...FUNDED_STATUSES, ...(unitId ? [unitId] : [])],
    );
    return rows.map((r) => {
      const group: OutcomeGroup = { code: String(r.code), name: null, acceptedFiles: int(r.accepted), reportedFiles: int(r.reported), jobsCreated: 0, jobsKept: 0, womenWorkers: 0, disabledWorkers: 0, trainees: 0, modelsBuilt: 0 };
      OUTCOME_FIELDS.forEach((field, i) => (group[field] = int(r[OUTCOME_COLUMNS[i]])));
      return group;
    });
  }

  private async units(ids: string[]): Promise<Map<string, { code: string | null; name: string | null }>> {
    const wanted = [...new Set(ids)].filter(Boolean);
    if (!wanted.length) return new Map();
    const rows: Row[] = await this.tx.manager.query(`SELECT id, code, name FROM units WHERE id IN (${wanted.map(() => '?').join(',')})`, wanted);
    return new Map(rows.map((r) => [String(r.id), { code: text(r.code), name: text(r.name) }]));
  }
}
