import { Injectable } from '@nestjs/common';
import { requireRole, requireStaff } from '../../common/auth/access';
import type { Actor } from '../../common/auth/actor';
import { Clock } from '../../common/clock';
import { ValidationFailed } from '../../common/http/domain-error';
import { newId } from '../../common/ids';
import { TransactionRunner } from '../../database/transaction';
import { AuditService } from '../audit/audit.service';
import { BudgetService } from '../budget/budget.service';
import { CatalogueService } from '../catalogue/catalogue.service';
import { UnitService } from '../organization/unit.service';
import type { PutPlanDto } from './dto/plan.dto';
import { PlanItem } from './plan-item.entity';
import { checkPlan, yearOfPath, type PlanCatalogue } from './programme.rules';
import type { PlanLine, PlanView } from './programme.types';
import { planView, sortPlanLines } from './programme.view';

/** The path's year, or the 400 naming it. */
export function pathYear(value: string): number {
  const year = yearOfPath(value);
  if (year === null) throw ValidationFailed.field('year', 'phải là năm từ 2000 đến 2100');
  return year;
}

/**
 * The annual plan (kế hoạch năm): for each activity type, unit and fund, how many files the year
 * should fund and the budget estimate for them. Finance and the leaders set it, as a whole; staff
 * read it; the annual review sets it against what was done.
 */
@Injectable()
export class AnnualPlanService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly budget: BudgetService,
    private readonly catalogue: CatalogueService,
    private readonly units: UnitService,
  ) {}

  /** Replaces the year's plan with `dto.items` (an empty list clears it): 400 naming each line's problem. */
  async replacePlan(actor: Actor, yearParam: string, dto: PutPlanDto): Promise<PlanView> {
    const capacity = requireRole(actor, 'leader', 'finance');
    const year = pathYear(yearParam);
    const { errors, lines } = checkPlan(dto.items, await this.catalogueFor(dto.items));
    if (errors.length) throw new ValidationFailed(errors);
    return this.tx.run(async (em) => {
      // The year's lines locked first: two plans saved at once replace each other whole, one after the other.
      const before = await em.find(PlanItem, { where: { fiscalYear: year }, lock: { mode: 'pessimistic_write' } });
      const now = this.clock.now();
      await em.delete(PlanItem, { fiscalYear: year });
      if (lines.length) {
        await em.insert(
          PlanItem,
          sortPlanLines(lines).map((l) => ({ id: newId(), fiscalYear: year, activityTypeCode: l.activityTypeCode, unitId: l.unitId, fundCode: l.fundCode, plannedCount: l.plannedCount, plannedBudget: l.plannedBudget, updatedBy: actor.id, updatedAt: now })),
        );
      }
      const view = planView(year, lines, lines.length ? now : null);
      const currencies = await this.fundCurrencies();
      this.audit.record({ actor, capacity, action: 'plan.replace', entity: 'plan', entityId: String(year), before: before.length ? planView(year, this.linesOf(before, currencies), null).items : [], after: view.items });
      return view;
    });
  }

  /** The year's plan, for staff. */
  async getPlan(actor: Actor, yearParam: string): Promise<PlanView> {
    requireStaff(actor);
    const year = pathYear(yearParam);
    const rows = await this.tx.manager.find(PlanItem, { where: { fiscalYear: year } });
    const updatedAt = rows.reduce<Date | null>((latest, r) => (latest && latest > r.updatedAt ? latest : r.updatedAt), null);
    return planView(year, this.linesOf(rows, await this.fundCurrencies()), updatedAt);
  }

  /** The year's plan lines (for the annual review, which has checked its reader), optionally one unit's. */
  async planOf(fiscalYear: number, unitId: string | null = null): Promise<PlanLine[]> {
    const rows = await this.tx.manager.find(PlanItem, { where: unitId ? { fiscalYear, unitId } : { fiscalYear } });
    return sortPlanLines(this.linesOf(rows, await this.fundCurrencies()));
  }

  private linesOf(rows: PlanItem[], currencies: Map<string, string>): PlanLine[] {
    return rows.map((r) => ({ activityTypeCode: r.activityTypeCode, unitId: r.unitId, fundCode: r.fundCode, currency: currencies.get(r.fundCode) ?? 'VND', plannedCount: r.plannedCount, plannedBudget: r.plannedBudget }));
  }

  private async fundCurrencies(): Promise<Map<string, string>> {
    return new Map((await this.budget.fundList()).map((f) => [f.code, f.currency]));
  }

  /** What the plan's lines name, as it exists: the activity types, units and funds among them. */
  private async catalogueFor(items: PutPlanDto['items']): Promise<PlanCatalogue> {
    const codes = [...new Set(items.map((i) => i.activityTypeCode))];
    const [known, units, fundCurrencies] = await Promise.all([
      Promise.all(codes.map(async (code) => ((await this.catalogue.codeExists(code)) ? code : null))),
      this.units.describe(items.map((i) => i.unitId)),
      this.fundCurrencies(),
    ]);
    return { activityTypeCodes: new Set(known.filter((c): c is string => c !== null)), unitIds: new Set(units.keys()), fundCurrencies };
  }
}
