import { Injectable } from '@nestjs/common';
import { TransactionRunner } from '../../database/transaction';
import { IN_REVIEW_STATUSES } from './application-statuses';

/** A due date someone must meet on a file, with who must meet it and who oversees them. */
export interface FileDeadline {
  /** What is due: the office's review, the producer's supplement, a consulted unit's answer, the producer's settlement. */
  source: 'processing' | 'supplement' | 'consultation' | 'settlement';
  /** The record the due date belongs to (the file, or the consultation). */
  itemId: string;
  applicationId: string;
  title: string;
  dueDate: string;
  /** The person who must act (the officer, the producer); null when a unit answers as a unit. */
  personId: string | null;
  /** The unit whose heads oversee it (the lead unit, the consulted unit). */
  unitId: string | null;
  /** The file's responsible officer, told when a producer's due date has passed. */
  officerId: string | null;
}

/**
 * The due dates the applications module keeps, read for reminders: files under review against
 * their due date, supplements the producer owes, consultations not yet answered. Only what is
 * still open, and only up to `until` (a reminder run asks for a few working days ahead).
 */
@Injectable()
export class FileDeadlines {
  constructor(private readonly tx: TransactionRunner) {}

  async openUntil(until: string): Promise<FileDeadline[]> {
    const em = this.tx.manager;
    const statuses = IN_REVIEW_STATUSES;
    const [review, supplement, consultations] = await Promise.all([
      em.query(
        `SELECT id, title, due_date, officer_id, lead_unit_id FROM applications WHERE status IN (${statuses.map(() => '?').join(',')}) AND due_date IS NOT NULL AND due_date <= ?`,
        [...statuses, until],
      ) as Promise<Array<{ id: string; title: string; due_date: string; officer_id: string | null; lead_unit_id: string | null }>>,
      em.query("SELECT id, title, supplement_due_date, owner_id, officer_id, lead_unit_id FROM applications WHERE status = 'needs_supplement' AND supplement_due_date IS NOT NULL AND supplement_due_date <= ?", [
        until,
      ]) as Promise<Array<{ id: string; title: string; supplement_due_date: string; owner_id: string; officer_id: string | null; lead_unit_id: string | null }>>,
      em.query(
        `SELECT c.id, c.application_id, c.unit_id, c.due_date, a.title FROM consultations c JOIN applications a ON a.id = c.application_id
          WHERE c.answered_at IS NULL AND c.due_date <= ? AND a.status IN (${statuses.map(() => '?').join(',')})`,
        [until, ...statuses],
      ) as Promise<Array<{ id: string; application_id: string; unit_id: string; due_date: string; title: string }>>,
    ]);
    return [
      ...review.map((r) => ({ source: 'processing' as const, itemId: r.id, applicationId: r.id, title: r.title, dueDate: day(r.due_date), personId: r.officer_id, unitId: r.lead_unit_id, officerId: r.officer_id })),
      ...supplement.map((r) => ({ source: 'supplement' as const, itemId: r.id, applicationId: r.id, title: r.title, dueDate: day(r.supplement_due_date), personId: r.owner_id, unitId: r.lead_unit_id, officerId: r.officer_id })),
      ...consultations.map((r) => ({ source: 'consultation' as const, itemId: r.id, applicationId: r.application_id, title: r.title, dueDate: day(r.due_date), personId: null, unitId: r.unit_id, officerId: null })),
    ];
  }

  /** Of the given files, those still waiting for the producer's settlement (accepted, not yet submitted), with their people. */
  async awaitingSettlement(ids: string[]): Promise<Map<string, { title: string; ownerId: string; officerId: string | null; leadUnitId: string | null }>> {
    const found = new Map<string, { title: string; ownerId: string; officerId: string | null; leadUnitId: string | null }>();
    for (let i = 0; i < ids.length; i += 1000) {
      const batch = ids.slice(i, i + 1000);
      const rows: Array<{ id: string; title: string; owner_id: string; officer_id: string | null; lead_unit_id: string | null }> = await this.tx.manager.query(
        `SELECT id, title, owner_id, officer_id, lead_unit_id FROM applications WHERE status = 'accepted' AND id IN (${batch.map(() => '?').join(',')})`,
        batch,
      );
      for (const r of rows) found.set(r.id, { title: r.title, ownerId: r.owner_id, officerId: r.officer_id, leadUnitId: r.lead_unit_id });
    }
    return found;
  }
}

/** A DATE column as `YYYY-MM-DD` (the driver may hand back a string or a Date at midnight UTC). */
function day(value: string | Date): string {
  return typeof value === 'string' ? value.slice(0, 10) : value.toISOString().slice(0, 10);
}
