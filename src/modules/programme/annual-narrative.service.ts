import { Injectable } from '@nestjs/common';
import { requireRole } from '../../common/auth/access';
import type { Actor } from '../../common/auth/actor';
import { Clock } from '../../common/clock';
import { TransactionRunner } from '../../database/transaction';
import { AuditService } from '../audit/audit.service';
import { AnnualNarrative } from './annual-narrative.entity';
import { pathYear } from './annual-plan.service';
import type { PutNarrativeDto } from './dto/narrative.dto';
import { normaliseNarrative } from './programme.rules';
import type { NarrativeView } from './programme.types';

const toView = (n: AnnualNarrative): NarrativeView => ({
  fiscalYear: n.fiscalYear,
  results: n.results,
  difficulties: n.difficulties,
  causes: n.causes,
  proposals: n.proposals,
  updatedAt: n.updatedAt.toISOString(),
});

/**
 * The words of the annual review (đánh giá chung): what was achieved, the difficulties, their
 * causes and the proposals, written by finance or a leader and printed in the review.
 */
@Injectable()
export class AnnualNarrativeService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  /** Writes the year's narrative, replacing the one before. */
  async saveNarrative(actor: Actor, yearParam: string, dto: PutNarrativeDto): Promise<NarrativeView> {
    const capacity = requireRole(actor, 'leader', 'finance');
    const year = pathYear(yearParam);
    const text = normaliseNarrative(dto);
    return this.tx.run(async (em) => {
      const before = await em.findOne(AnnualNarrative, { where: { fiscalYear: year }, lock: { mode: 'pessimistic_write' } });
      const row: AnnualNarrative = { fiscalYear: year, ...text, updatedBy: actor.id, updatedAt: this.clock.now() };
      // One statement either way: two first saves at once end as the later one, never a duplicate.
      await em.upsert(AnnualNarrative, row, ['fiscalYear']);
      const view = toView(row);
      this.audit.record({ actor, capacity, action: 'narrative.save', entity: 'annual_narrative', entityId: String(year), before: before ? toView(before) : null, after: view });
      return view;
    });
  }

  /** The year's narrative, or null before anyone wrote it (for the annual review, which has checked its reader). */
  async narrativeOf(fiscalYear: number): Promise<NarrativeView | null> {
    const found = await this.tx.manager.findOne(AnnualNarrative, { where: { fiscalYear } });
    return found ? toView(found) : null;
  }
}
