import { Injectable } from '@nestjs/common';
import { requireRole, requireStaff } from '../../common/auth/access';
import type { Actor } from '../../common/auth/actor';
import type { ChangeAuthor } from '../../common/auth/change-author';
import { Clock } from '../../common/clock';
import { Page, pageOf } from '../../common/http/page';
import { isId, newId } from '../../common/ids';
import { TransactionRunner } from '../../database/transaction';
import { AuditService } from '../audit/audit.service';
import type { UnitQuery } from './dto/unit-query.dto';
import { OrganizationError } from './organization.error';
import { buildUnitTree } from './unit-tree.rules';
import { Unit, UnitKind } from './unit.entity';
import { toUnitView, UnitTreeNode, UnitView } from './unit.view';

export interface NewUnit {
  code: string;
  name: string;
  kind: UnitKind;
  parentId?: string | null;
}

@Injectable()
export class UnitService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async createUnit(actor: Actor, input: NewUnit): Promise<UnitView> {
    const capacity = requireRole(actor, 'admin');
    return this.addUnit(input, { actor, capacity });
  }

  async listUnits(actor: Actor, query: UnitQuery): Promise<Page<UnitView>> {
    requireStaff(actor);
    const qb = this.tx.manager.createQueryBuilder(Unit, 'u');
    if (query.kind) qb.andWhere('u.kind = :kind', { kind: query.kind });
    if (query.parentId) qb.andWhere('u.parent_id = :parentId', { parentId: query.parentId });
    const [rows, total] = await qb
      .orderBy('u.code', 'ASC')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    return pageOf(rows.map(toUnitView), total, query);
  }

  async unitTree(actor: Actor): Promise<{ items: UnitTreeNode[] }> {
    requireStaff(actor);
    const rows = await this.tx.manager.find(Unit, { where: { active: true }, order: { code: 'ASC' } });
    return { items: buildUnitTree(rows.map(toUnitView)) };
  }

  async getUnit(actor: Actor, id: string): Promise<UnitView> {
    requireStaff(actor);
    const unit = isId(id) ? await this.tx.manager.findOne(Unit, { where: { id } }) : null;
    if (!unit) throw OrganizationError.unitNotFound();
    return toUnitView(unit);
  }

  /** Whether an active unit has this id; identity asks before placing a user in it. */
  async isActiveUnit(id: string): Promise<boolean> {
    return isId(id) && (await this.tx.manager.exists(Unit, { where: { id, active: true } }));
  }

  /**
   * Adds a unit in the current transaction (or its own), audited against `author`. The use case
   * above checks access first; the demo seed calls this as `system`.
   */
  async addUnit(input: NewUnit, author: ChangeAuthor): Promise<UnitView> {
    return this.tx.run(async (em) => {
      if (await em.exists(Unit, { where: { code: input.code } })) throw OrganizationError.codeTaken(input.code);
      const parentId = input.parentId ?? null;
      if (parentId !== null && !(await this.isActiveUnit(parentId))) throw OrganizationError.unknownParent();
      const unit = em.create(Unit, {
        id: newId(),
        code: input.code,
        name: input.name.trim(),
        kind: input.kind,
        parentId,
        active: true,
        createdAt: this.clock.now(),
      });
      await em.insert(Unit, unit);
      const view = toUnitView(unit);
      this.audit.record({ ...author, action: 'unit.create', entity: 'unit', entityId: unit.id, after: view });
      return view;
    });
  }
}
