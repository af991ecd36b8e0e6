import type { Money } from '../../common/money/decimal';

/** One line of a year's plan, its budget in the fund's currency (what the annual review reads). */
export interface PlanLine {
  activityTypeCode: string;
  unitId: string;
  fundCode: string;
  currency: string;
  plannedCount: number;
  plannedBudget: Money;
}

/** A year's plan as the API shows it (money as plain decimal strings in each line's currency). */
export interface PlanView {
  fiscalYear: number;
  items: Array<{ activityTypeCode: string; unitId: string; fundCode: string; currency: string; plannedCount: number; plannedBudget: string }>;
  totals: Array<{ currency: string; plannedCount: number; plannedBudget: string }>;
  updatedAt: string | null;
}

/** The assessment of a year's review: kết quả đạt được, khó khăn vướng mắc, nguyên nhân, đề xuất kiến nghị. */
export interface NarrativeView {
  fiscalYear: number;
  results: string;
  difficulties: string;
  causes: string;
  proposals: string;
  updatedAt: string;
}

export interface CommendationView {
  id: string;
  fiscalYear: number;
  /** Who was commended, as people read it: the establishment's name, the person's (with their unit), or the unit's. */
  recipient: string;
  establishmentId: string | null;
  establishmentName: string | null;
  personName: string | null;
  unitId: string | null;
  unitName: string | null;
  form: string;
  decisionNo: string;
  decisionDate: string;
  reason: string;
  createdAt: string;
}
