import { Injectable } from '@nestjs/common';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { requireRole } from '../../common/auth/access';
import { Actor, hasRole, isStaff } from '../../common/auth/actor';
import { Clock } from '../../common/clock';
import { Forbidden, NotFound, ValidationFailed } from '../../common/http/domain-error';
import { Page, pageOf } from '../../common/http/page';
import { isId, newId } from '../../common/ids';
import { TransactionRunner } from '../../database/transaction';
import { AuditService } from '../audit/audit.service';
import type { CreateEstablishmentDto } from './dto/create-establishment.dto';
import type { EstablishmentQuery } from './dto/establishment-query.dto';
import type { UpdateEstablishmentDto } from './dto/update-establishment.dto';
import type { VerifyClassificationDto } from './dto/verify-classification.dto';
import { Establishment } from './establishment.entity';
import { EstablishmentView, toEstablishmentView } from './establishment.view';
import { EstablishmentError } from './establishments.error';
import { ClassificationState, classificationName, classificationProblems, editClassification, verifyClassification } from './establishments.rules';

/** The classified facts and their verification, as the rules read them. */
function classificationOf(e: Establishment): ClassificationState {
  return {
    employees: e.employees,
    craftVillage: e.craftVillage,
    traditionalCraft: e.traditionalCraft,
    artisans: e.artisans,
    womenWorkers: e.womenWorkers,
    disabledWorkers: e.disabledWorkers,
    classificationVersion: e.classificationVersion,
    classificationVerifiedBy: e.classificationVerifiedBy,
    classificationVerifiedAt: e.classificationVerifiedAt,
  };
}

@Injectable()
export class EstablishmentsService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async register(actor: Actor, dto: CreateEstablishmentDto): Promise<EstablishmentView> {
    if (!hasRole(actor, 'applicant')) throw new Forbidden('Chỉ cơ sở nộp đề án mới đăng ký cơ sở.');
    const classification = {
      craftVillage: classificationName(dto.craftVillage),
      traditionalCraft: classificationName(dto.traditionalCraft),
      artisans: dto.artisans ?? null,
      womenWorkers: dto.womenWorkers ?? null,
      disabledWorkers: dto.disabledWorkers ?? null,
    };
    const problems = classificationProblems({ employees: dto.employees, ...classification });
    if (problems.length > 0) throw new ValidationFailed(problems, `${problems[0].field}: ${problems[0].message}`);
    return this.tx.run(async (em) => {
      const taken = await em.findOne(Establishment, { where: { taxCode: dto.taxCode }, select: { id: true } });
      if (taken) {
        throw new EstablishmentError('DUPLICATE', `Mã số thuế ${dto.taxCode} đã được đăng ký cho một cơ sở khác.`, [
          { field: 'taxCode', message: 'mã số thuế đã được đăng ký' },
        ]);
      }
      const establishment = em.create(Establishment, {
        id: newId(),
        ownerId: actor.id,
        name: dto.name.trim(),
        kind: dto.kind,
        taxCode: dto.taxCode,
        communeCode: dto.communeCode,
        address: dto.address.trim(),
        representative: dto.representative.trim(),
        phone: dto.phone,
        employees: dto.employees,
        ...classification,
        classificationVersion: 0,
        classificationVerifiedBy: null,
        classificationVerifiedAt: null,
        createdAt: this.clock.now(),
      });
      // The unique key on tax_code settles a race between two registrations (409 DUPLICATE).
      await em.insert(Establishment, establishment);
      const view = toEstablishmentView(establishment);
      this.audit.record({ actor, capacity: 'applicant', action: 'establishment.register', entity: 'establishment', entityId: view.id, after: view });
      return view;
    });
  }

  /**
   * The owner changes the classified facts (PATCH): a change clears the staff's verification of
   * the classification; a count above the workers is a 400 naming the field.
   */
  async update(actor: Actor, id: string, dto: UpdateEstablishmentDto): Promise<EstablishmentView> {
    requireRole(actor, 'applicant');
    return this.tx.run(async (em) => {
      // Another producer's establishment is hidden: 404, as reading it is.
      const found = isId(id) ? await em.findOne(Establishment, { where: { id, ownerId: actor.id }, lock: { mode: 'pessimistic_write' } }) : null;
      if (!found) throw new NotFound('Cơ sở');
      const { employees, craftVillage, traditionalCraft, artisans, womenWorkers, disabledWorkers } = dto;
      const edit = editClassification({ current: classificationOf(found), patch: { employees, craftVillage, traditionalCraft, artisans, womenWorkers, disabledWorkers } });
      if ('problems' in edit) throw new ValidationFailed(edit.problems, `${edit.problems[0].field}: ${edit.problems[0].message}`);
      if (!edit.changed) return toEstablishmentView(found);
      const before = toEstablishmentView(found);
      Object.assign(found, edit.next);
      await em.update(Establishment, { id }, edit.next);
      const after = toEstablishmentView(found);
      this.audit.record({ actor, capacity: 'applicant', action: 'establishment.update', entity: 'establishment', entityId: id, before, after });
      return after;
    });
  }

  /**
   * An officer or head verifies the classification as it stands (of the version they read, when
   * they say which); verifying what is already verified changes nothing.
   */
  async verifyClassification(actor: Actor, id: string, dto: VerifyClassificationDto): Promise<EstablishmentView> {
    const capacity = requireRole(actor, 'officer', 'head');
    return this.tx.run(async (em) => {
      const found = isId(id) ? await em.findOne(Establishment, { where: { id }, lock: { mode: 'pessimistic_write' } }) : null;
      if (!found) throw new NotFound('Cơ sở');
      const outcome = verifyClassification({ current: classificationOf(found), seenVersion: dto.classificationVersion, verifierId: actor.id, at: this.clock.now() });
      if (outcome.kind === 'stale') {
        throw new EstablishmentError('INVALID_STATE', `Chủ cơ sở vừa sửa phân loại sau khi bạn mở (nay là phiên bản ${outcome.current}); hãy xem lại rồi xác nhận.`);
      }
      if (outcome.kind === 'undeclared') throw new EstablishmentError('INVALID_STATE', 'Cơ sở chưa khai báo đủ phân loại để xác nhận.', outcome.problems);
      if (outcome.kind === 'unchanged') return toEstablishmentView(found);
      const before = toEstablishmentView(found);
      Object.assign(found, outcome.next);
      await em.update(Establishment, { id }, { classificationVerifiedBy: actor.id, classificationVerifiedAt: outcome.next.classificationVerifiedAt });
      const after = toEstablishmentView(found);
      this.audit.record({ actor, capacity, action: 'establishment.verify-classification', entity: 'establishment', entityId: id, before, after });
      return after;
    });
  }

  async get(actor: Actor, id: string): Promise<EstablishmentView> {
    return toEstablishmentView(await this.findVisible(actor, id));
  }

  async list(actor: Actor, query: EstablishmentQuery): Promise<Page<EstablishmentView>> {
    const qb = this.tx.manager.createQueryBuilder(Establishment, 'e');
    if (!isStaff(actor)) qb.andWhere('e.owner_id = :ownerId', { ownerId: actor.id });
    if (query.taxCode) qb.andWhere('e.tax_code = :taxCode', { taxCode: query.taxCode });
    const [rows, total] = await qb
      .orderBy('e.id', 'ASC')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    return pageOf(rows.map(toEstablishmentView), total, query);
  }

  /** Names and tax codes of the establishments of a page of files, in one query, as `actor` may see them. */
  async namesOf(actor: Actor, ids: string[]): Promise<Map<string, { name: string; taxCode: string }>> {
    const wanted = [...new Set(ids)].filter(isId);
    if (wanted.length === 0) return new Map();
    const qb = this.tx.manager.createQueryBuilder(Establishment, 'e').select(['e.id', 'e.name', 'e.taxCode']).where('e.id IN (:...ids)', { ids: wanted });
    if (!isStaff(actor)) qb.andWhere('e.owner_id = :ownerId', { ownerId: actor.id });
    const rows = await qb.getMany();
    return new Map(rows.map((e) => [e.id, { name: e.name, taxCode: e.taxCode }]));
  }

  /** The establishment if the actor may see it (its owner, or staff); hidden and absent are both 404. */
  async findVisible(actor: Actor, id: string): Promise<Establishment> {
    if (!isId(id)) throw new NotFound('Cơ sở');
    const where = isStaff(actor) ? { id } : { id, ownerId: actor.id };
    const found = await this.tx.manager.findOne(Establishment, { where });
    if (!found) throw new NotFound('Cơ sở');
    return found;
  }

  /**
   * A subquery of `qb` selecting the ids of establishments whose name or tax code (mã số thuế) is
   * LIKE the parameter `param`: another module's list (files) is searched by establishment in the
   * same SQL statement without naming this module's table.
   */
  idsMatchingSubquery(qb: SelectQueryBuilder<ObjectLiteral>, param: string): string {
    return qb.subQuery().select('e.id').from(Establishment, 'e').where(`e.name LIKE :${param} OR e.tax_code LIKE :${param}`).getQuery();
  }

  /** The establishment if `ownerId` owns it, or null: applications are filed for one's own establishment only. */
  async findOwned(ownerId: string, id: string): Promise<Establishment | null> {
    if (!isId(id)) return null;
    return this.tx.manager.findOne(Establishment, { where: { id, ownerId } });
  }
}
