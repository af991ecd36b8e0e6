import type { EntityManager } from 'typeorm';
import { whereClause } from '../../database/where-clause';

/** A file past a due date, as the overdue lists show it. */
export interface LateFile {
  applicationId: string;
  title: string;
  dueDate: string;
  daysOverdue: number;
  leadUnitId: string | null;
  leadUnitName: string | null;
  officerId: string | null;
  officerName: string | null;
}

/** A file accepted (nghiệm thu) whose settlement was not filed by its due date. */
export type OverdueSettlement = LateFile;

/** A late file from a row with the columns selected below (the review list selects the same). */
export function lateFileOf(r: Record<string, unknown>): LateFile {
  return {
    applicationId: r.id as string,
    title: r.title as string,
    dueDate: r.due_date as string,
    daysOverdue: Number.parseInt(String(r.days_overdue), 10),
    leadUnitId: (r.lead_unit_id as string) ?? null,
    leadUnitName: (r.lead_unit_name as string) ?? null,
    officerId: (r.officer_id as string) ?? null,
    officerName: (r.officer_name as string) ?? null,
  };
}

/**
 * Overdue settlements, defined once for every report that lists them (the overdue report, and the
 * annual review through it):
 *
 * - The due date is the one set by the file's latest passed acceptance (ids are ULIDs, so the
 *   greatest id is the latest). A failed acceptance sets none; a later passed acceptance replaces
 *   an earlier one. It is the date the owner is shown on the file page and the one the settlement
 *   keeps (ContractsService.settlementDueDate); the greatest due date of all acceptances could be
 *   a date nobody was given.
 * - Overdue when that date is before `today` (Clock.today(): the date in Asia/Ho_Chi_Minh) and the
 *   file is still `accepted`, i.e. no settlement filed. DOMAIN.md: "settlement: due within 15 days
 *   of acceptance" binds the beneficiary's filing (nộp quyết toán), which is what the owner's page
 *   asks for; a filed settlement waiting for finance or a leader is the office's queue, not a late
 *   settlement.
 * - Days overdue: whole days from the due date to `today`.
 */
export async function overdueSettlements(
  db: EntityManager,
  { today, unitId, fiscalYear }: { today: string; unitId?: string | null; fiscalYear?: number | null },
): Promise<OverdueSettlement[]> {
  const where = whereClause([
    ["a.status = 'accepted' AND n.settlement_due_date < ?", today],
    ['a.lead_unit_id = ?', unitId],
    ['a.fiscal_year = ?', fiscalYear],
  ]);
  const rows: Array<Record<string, unknown>> = await db.query(
    `SELECT a.id, a.title, DATE_FORMAT(n.settlement_due_date, '%Y-%m-%d') AS due_date, DATEDIFF(?, n.settlement_due_date) AS days_overdue,
            a.lead_unit_id, u.name AS lead_unit_name, a.officer_id, p.full_name AS officer_name
       FROM applications a
       JOIN acceptances n ON n.id = (SELECT MAX(x.id) FROM acceptances x WHERE x.application_id = a.id AND x.result = 'passed')
       LEFT JOIN units u ON u.id = a.lead_unit_id
       LEFT JOIN users p ON p.id = a.officer_id
      ${where.clause}
      ORDER BY n.settlement_due_date, a.id`,
    [today, ...where.params],
  );
  return rows.map(lateFileOf);
}
