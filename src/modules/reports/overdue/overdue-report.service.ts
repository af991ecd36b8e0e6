import { Injectable } from '@nestjs/common';
import { requireRole } from '../../../common/auth/access';
import type { Actor } from '../../../common/auth/actor';
import { Clock } from '../../../common/clock';
import { TransactionRunner } from '../../../database/transaction';
import { whereClause } from '../../../database/where-clause';
import { consultationStatusSql } from '../../applications/application-files';
import { IN_REVIEW_STATUSES } from '../../applications/application-statuses';
import { type LateFile, lateFileOf, overdueSettlements, type OverdueSettlement } from '../overdue-settlements.query';
import type { OverdueQuery } from './dto/overdue-query.dto';

/** A consultation still matters while its file awaits a decision. */
const BEFORE_DECISION = ['submitted', 'needs_supplement', ...IN_REVIEW_STATUSES];

/** A file in review past its due date. */
export interface OverdueFile extends LateFile {
  status: string;
  fiscalYear: number;
}

export interface OverdueConsultation {
  consultationId: string;
  applicationId: string;
  applicationTitle: string;
  unitId: string;
  unitName: string | null;
  dueDate: string;
  daysOverdue: number;
  requestedBy: string;
  requestedByName: string | null;
  /** Unanswered past the due date: counted as agreement (silent consent). */
  silent: true;
}

export interface OverdueReport {
  today: string;
  generatedAt: string;
  totals: { files: number; consultations: number; settlements: number };
  byUnit: Array<{ unitId: string | null; unitCode: string | null; unitName: string | null; files: number; consultations: number }>;
  byPerson: Array<{ userId: string | null; fullName: string | null; unitId: string | null; files: number; oldestDueDate: string }>;
  files: OverdueFile[];
  consultations: OverdueConsultation[];
  settlements: OverdueSettlement[];
}

/**
 * The overdue report (DOMAIN.md rule 5): files in review past their due date, consultations
 * unanswered past theirs, and accepted files whose settlement is late, by unit and responsible
 * person. Aggregated in SQL.
 */
@Injectable()
export class OverdueReportService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  async report(actor: Actor, query: OverdueQuery): Promise<OverdueReport> {
    requireRole(actor, 'head', 'leader', 'auditor');
    return this.overdue(query);
  }

  /** The report's figures without the access check, for other reports that include overdue items. */
  async overdue(query: OverdueQuery): Promise<OverdueReport> {
    const today = this.clock.today();
    const db = this.tx.manager;
    const inReview = IN_REVIEW_STATUSES.map(() => '?').join(',');
    const beforeDecision = BEFORE_DECISION.map(() => '?').join(',');

    const fileWhere = whereClause([
      [`a.status IN (${inReview})`, ...IN_REVIEW_STATUSES],
      ['a.due_date < ?', today],
      ['a.lead_unit_id = ?', query.unitId],
      ['a.fiscal_year = ?', query.fiscalYear],
    ]);
    const consultationWhere = whereClause([
      // Silent: unanswered past the due date, with no request for more time awaiting its decision.
      [consultationStatusSql('c', 'silent', '?'), today],
      [`a.status IN (${beforeDecision})`, ...BEFORE_DECISION],
      ['c.unit_id = ?', query.unitId],
      ['a.fiscal_year = ?', query.fiscalYear],
    ]);

    const files: Array<Record<string, unknown>> = await db.query(
      `SELECT a.id, a.title, a.status, a.fiscal_year, DATE_FORMAT(a.due_date, '%Y-%m-%d') AS due_date,
              DATEDIFF(?, a.due_date) AS days_overdue, a.lead_unit_id, u.name AS lead_unit_name, a.officer_id, p.full_name AS officer_name
         FROM applications a
         LEFT JOIN units u ON u.id = a.lead_unit_id
         LEFT JOIN users p ON p.id = a.officer_id
         ${fileWhere.clause}
        ORDER BY a.due_date, a.id`,
      [today, ...fileWhere.params],
    );
    const consultations: Array<Record<string, unknown>> = await db.query(
      `SELECT c.id, c.application_id, a.title, c.unit_id, u.name AS unit_name, DATE_FORMAT(c.due_date, '%Y-%m-%d') AS due_date,
              DATEDIFF(?, c.due_date) AS days_overdue, c.requested_by, p.full_name AS requested_by_name
         FROM consultations c
         JOIN applications a ON a.id = c.application_id
         LEFT JOIN units u ON u.id = c.unit_id
         LEFT JOIN users p ON p.id = c.requested_by
         ${consultationWhere.clause}
        ORDER BY c.due_date, c.id`,
      [today, ...consultationWhere.params],
    );
    const settlements = await overdueSettlements(db, { today, unitId: query.unitId, fiscalYear: query.fiscalYear });
    const byUnit: Array<Record<string, unknown>> = await db.query(
      `SELECT x.unit_id, u.code AS unit_code, u.name AS unit_name, SUM(x.files) AS files, SUM(x.consultations) AS consultations
         FROM (
           SELECT a.lead_unit_id AS unit_id, 1 AS files, 0 AS consultations FROM applications a ${fileWhere.clause}
           UNION ALL
           SELECT c.unit_id, 0, 1 FROM consultations c JOIN applications a ON a.id = c.application_id ${consultationWhere.clause}
         ) x
         LEFT JOIN units u ON u.id = x.unit_id
        GROUP BY x.unit_id, u.code, u.name
        ORDER BY SUM(x.files) + SUM(x.consultations) DESC, u.code`,
      [...fileWhere.params, ...consultationWhere.params],
    );
    const byPerson: Array<Record<string, unknown>> = await db.query(
      `SELECT a.officer_id, p.full_name, p.unit_id, COUNT(*) AS files, DATE_FORMAT(MIN(a.due_date), '%Y-%m-%d') AS oldest_due_date
         FROM applications a
         LEFT JOIN users p ON p.id = a.officer_id
         ${fileWhere.clause}
        GROUP BY a.officer_id, p.full_name, p.unit_id
        ORDER BY COUNT(*) DESC, MIN(a.due_date)`,
      fileWhere.params,
    );

    const int = (v: unknown) => Number.parseInt(String(v), 10);
    return {
      today,
      generatedAt: this.clock.now().toISOString(),
      totals: { files: files.length, consultations: consultations.length, settlements: settlements.length },
      byUnit: byUnit.map((r) => ({
        unitId: (r.unit_id as string) ?? null,
        unitCode: (r.unit_code as string) ?? null,
        unitName: (r.unit_name as string) ?? null,
        files: int(r.files),
        consultations: int(r.consultations),
      })),
      byPerson: byPerson.map((r) => ({
        userId: (r.officer_id as string) ?? null,
        fullName: (r.full_name as string) ?? null,
        unitId: (r.unit_id as string) ?? null,
        files: int(r.files),
        oldestDueDate: r.oldest_due_date as string,
      })),
      files: files.map((r) => ({ ...lateFileOf(r), status: r.status as string, fiscalYear: int(r.fiscal_year) })),
      settlements,
      consultations: consultations.map((r) => ({
        consultationId: r.id as string,
        applicationId: r.application_id as string,
        applicationTitle: r.title as string,
        unitId: r.unit_id as string,
        unitName: (r.unit_name as string) ?? null,
        dueDate: r.due_date as string,
        daysOverdue: int(r.days_overdue),
        requestedBy: r.requested_by as string,
        requestedByName: (r.requested_by_name as string) ?? null,
        silent: true as const,
      })),
    };
  }
}
