import { Injectable } from '@nestjs/common';
import { requireRole, requireStaff } from '../../common/auth/access';
import type { Actor } from '../../common/auth/actor';
import { Clock } from '../../common/clock';
import { ValidationFailed } from '../../common/http/domain-error';
import { newId } from '../../common/ids';
import { TransactionRunner } from '../../database/transaction';
import { AuditService } from '../audit/audit.service';
import { EstablishmentsService } from '../establishments/establishments.service';
import { UnitService } from '../organization/unit.service';
import { Commendation } from './commendation.entity';
import type { CreateCommendationDto } from './dto/commendation.dto';
import { ProgrammeError } from './programme.error';
import { decisionDateProblem, recipientKey, recipientProblems } from './programme.rules';
import type { CommendationView } from './programme.types';

/** Who was commended, as people read it. */
function recipientName(c: Pick<Commendation, 'personName'>, establishmentName: string | null, unitName: string | null): string {
  if (establishmentName) return establishmentName;
  if (c.personName) return unitName ? `${c.personName} (${unitName})` : c.personName;
  return unitName ?? '';
}

/**
 * Commendations (khen thưởng) of a year's programme: "khen thưởng kịp thời những tổ chức, cá nhân
 * có thành tích trong hoạt động khuyến công". A leader records them; staff read them; the annual
 * review lists them.
 */
@Injectable()
export class CommendationsService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly establishments: EstablishmentsService,
    private readonly units: UnitService,
  ) {}

  async commend(actor: Actor, dto: CreateCommendationDto): Promise<CommendationView> {
    const capacity = requireRole(actor, 'leader');
    const personName = dto.personName?.trim().replace(/\s+/g, ' ') || null;
    const recipient = { establishmentId: dto.establishmentId ?? null, personName, unitId: dto.unitId ?? null };
    const errors = recipientProblems(recipient);
    const dateProblem = decisionDateProblem({ decisionDate: dto.decisionDate, fiscalYear: dto.fiscalYear, today: this.clock.today() });
    if (dateProblem) errors.push(dateProblem);
    const [establishments, units] = await Promise.all([
      recipient.establishmentId ? this.establishments.namesOf(actor, [recipient.establishmentId]) : new Map<string, { name: string }>(),
      this.units.namesOf([recipient.unitId]),
    ]);
    if (recipient.establishmentId && !establishments.has(recipient.establishmentId)) errors.push({ field: 'establishmentId', message: 'cơ sở không tồn tại' });
    if (recipient.unitId && !units.has(recipient.unitId)) errors.push({ field: 'unitId', message: 'đơn vị không tồn tại' });
    if (errors.length) throw new ValidationFailed(errors);
    return this.tx.run(async (em) => {
      const row: Commendation = {
        id: newId(),
        fiscalYear: dto.fiscalYear,
        ...recipient,
        recipientKey: recipientKey(recipient),
        form: dto.form.trim(),
        decisionNo: dto.decisionNo.trim(),
        decisionDate: dto.decisionDate,
        reason: dto.reason.trim(),
        createdBy: actor.id,
        createdAt: this.clock.now(),
      };
      const view = this.toView(row, establishments.get(row.establishmentId ?? '')?.name ?? null, units.get(row.unitId ?? '') ?? null);
      // The unique key (year, decision, recipient) settles two of the same at once: 409 DUPLICATE.
      if (await em.exists(Commendation, { where: { fiscalYear: row.fiscalYear, decisionNo: row.decisionNo, recipientKey: row.recipientKey } })) {
        throw ProgrammeError.alreadyCommended(row.decisionNo, view.recipient);
      }
      await em.insert(Commendation, row);
      this.audit.record({ actor, capacity, action: 'commendation.create', entity: 'commendation', entityId: row.id, after: view });
      return view;
    });
  }

  /** The commendations of a year, for staff. */
  async list(actor: Actor, fiscalYear: number): Promise<{ fiscalYear: number; items: CommendationView[] }> {
    requireStaff(actor);
    return { fiscalYear, items: await this.commendationsOf(fiscalYear, actor) };
  }

  /**
   * A year's commendations by decision date (for the annual review, which has checked its reader),
   * optionally those of one unit (the unit commended or the one its people work in).
   */
  async commendationsOf(fiscalYear: number, reader: Actor, unitId: string | null = null): Promise<CommendationView[]> {
    const rows = await this.tx.manager.find(Commendation, { where: unitId ? { fiscalYear, unitId } : { fiscalYear }, order: { decisionDate: 'ASC', id: 'ASC' } });
    const establishmentIds = rows.map((r) => r.establishmentId).filter((id): id is string => id !== null);
    const [establishments, units] = await Promise.all([
      establishmentIds.length ? this.establishments.namesOf(reader, establishmentIds) : new Map<string, { name: string }>(),
      this.units.namesOf(rows.map((r) => r.unitId)),
    ]);
    return rows.map((r) => this.toView(r, r.establishmentId ? (establishments.get(r.establishmentId)?.name ?? null) : null, r.unitId ? (units.get(r.unitId) ?? null) : null));
  }

  private toView(c: Commendation, establishmentName: string | null, unitName: string | null): CommendationView {
    return {
      id: c.id,
      fiscalYear: c.fiscalYear,
      recipient: recipientName(c, establishmentName, unitName),
      establishmentId: c.establishmentId,
      establishmentName,
      personName: c.personName,
      unitId: c.unitId,
      unitName,
      form: c.form,
      decisionNo: c.decisionNo,
      decisionDate: c.decisionDate,
      reason: c.reason,
      createdAt: c.createdAt.toISOString(),
    };
  }
}
