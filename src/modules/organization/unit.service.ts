import { Injectable } from '@nestjs/common';
import { requireRole, requireStaff } from '../../common/auth/access';
import type { Actor } from '../../common/auth/actor';
import type { ChangeAuthor } from '../../common/auth/change-author';
import { Clock } from '../../common/clock';
import { Page, pageOf } from '../../common/http/page';
import { isId, newId } from '../../common/ids';
import { In } from 'typeorm';
import { TransactionRunner } from '../../database/transaction';
import { AuditService } from '../audit/audit.service';
import type { UnitQuery } from './dto/unit-query.dto';
import type { UpdateUnitDto } from './dto/update-unit.dto';
import { OrganizationError } from './organization.error';
import { buildUnitTree, UnitPlacement, wouldCreateCycle } from './unit-tree.rules';
import { Unit, UnitKind } from './unit.entity';
import { toUnitView, UnitTreeNode, UnitView } from './unit.view';

export interface NewUnit {
  code: string;
  name: string;
  kind: UnitKind;
  parentId?: string | null;
}

/** A unit named in a request, with the field that named it (for the refusal). */
export interface UnitRef {
  field: string;
  id: string;
}

/** Unit ids known to exist, remembered at most (units are never deleted). */
const KNOWN_UNITS = 10_000;

@Injectable()
export class UnitService {
  /** Ids of units this process has seen exist: their existence needs no second read. */
  private readonly known = new Set<string>();

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

  /** The active units as a tree; with `includeInactive` (administrators only) every unit. */
  async unitTree(actor: Actor, { includeInactive = false }: { includeInactive?: boolean } = {}): Promise<{ items: UnitTreeNode[] }> {
    if (includeInactive) requireRole(actor, 'admin');
    else requireStaff(actor);
    const rows = await this.tx.manager.find(Unit, { where: includeInactive ? {} : { active: true }, order: { code: 'ASC' } });
    return { items: buildUnitTree(rows.map(toUnitView)) };
  }

  async getUnit(actor: Actor, id: string): Promise<UnitView> {
    requireStaff(actor);
    const unit = isId(id) ? await this.tx.manager.findOne(Unit, { where: { id } }) : null;
    if (!unit) throw OrganizationError.unitNotFound();
    return toUnitView(unit);
  }

  /**
   * The tree as it stands now (every unit, active or not: a file may be led by a unit since
   * closed): what the authority rules read to place a person and a file in it.
   */
  async placement(): Promise<UnitPlacement> {
    const rows: Array<{ id: string; parent_id: string | null; kind: string }> = await this.tx.manager.query('SELECT id, parent_id, kind FROM units');
    return new UnitPlacement(rows.map((r) => ({ id: r.id, parentId: r.parent_id, kind: r.kind })));
  }

  /**
   * Names and kinds of the given units, for papers that name them (the caller has checked that
   * the actor may see the record naming them).
   */
  async describe(ids: Array<string | null>): Promise<Map<string, { code: string; name: string; kind: UnitKind }>> {
    const wanted = [...new Set(ids)].filter((id): id is string => Boolean(id));
    if (wanted.length === 0) return new Map();
    const rows = await this.tx.manager.find(Unit, { select: { id: true, code: true, name: true, kind: true }, where: { id: In(wanted) } });
    return new Map(rows.map((u) => [u.id, { code: u.code, name: u.name, kind: u.kind }]));
  }

  /**
   * The names of the given units, active or not (a file may be led by a unit since closed), for
   * pages and documents that name them: the caller has already checked that the actor may see the
   * record naming them (as `UsersService.fullNamesOf` for people).
   */
  async namesOf(ids: Array<string | null | undefined>): Promise<Map<string, string>> {
    const wanted = [...new Set(ids)].filter((id): id is string => typeof id === 'string' && isId(id));
    if (wanted.length === 0) return new Map();
    const rows = await this.tx.manager.find(Unit, { select: { id: true, name: true }, where: { id: In(wanted) } });
    return new Map(rows.map((u) => [u.id, u.name]));
  }

  /** Whether an active unit has this id; identity asks before placing a user in it. */
  async isActiveUnit(id: string): Promise<boolean> {
    return isId(id) && (await this.tx.manager.exists(Unit, { where: { id, active: true } }));
  }

  /**
   * Every unit named exists (400 naming the field otherwise) and is active (409 INVALID_STATE): a
   * deactivated unit gets no new allocation, file, assignment or member. Joins the caller's
   * transaction: the activity is confirmed by a deferred `confirm_unit_active`, which rides with
   * the transaction's next statement and holds a shared lock on the unit until commit, so a
   * deactivation running at the same time waits for this work and then sees it (and the reverse).
   * A unit seen before is not read again here.
   */
  async requireActiveUnits(refs: UnitRef[]): Promise<void> {
    await this.requireKnownUnits(refs, true);
    for (const id of new Set(refs.map((r) => r.id))) {
      const field = refs.find((r) => r.id === id)!.field;
      await this.tx.defer({
        sql: 'CALL confirm_unit_active(?)',
        params: [id],
        refusals: { tag: id, errors: { UNIT_INACTIVE: () => OrganizationError.unitInactive(field) } },
      });
    }
  }

  /**
   * Every unit named exists (400 naming the field otherwise), active or not: the side money leaves
   * from may be a deactivated unit. With `active`, a unit read here and found inactive is a 409.
   */
  async requireKnownUnits(refs: UnitRef[], active = false): Promise<void> {
    const unknown = [...new Set(refs.map((r) => r.id))].filter((id) => !this.known.has(id));
    if (unknown.length === 0) return;
    const wellFormed = unknown.filter(isId);
    const rows: Array<{ id: string; name: string; active: number }> = wellFormed.length
      ? await this.tx.manager.query(`SELECT id, name, active FROM units WHERE id IN (${wellFormed.map(() => '?').join(',')})`, wellFormed)
      : [];
    const missing = refs.filter((r) => unknown.includes(r.id) && !rows.some((row) => row.id === r.id));
    if (missing.length) throw OrganizationError.unknownUnits(missing.map((m) => m.field));
    for (const row of rows) {
      if (this.known.size >= KNOWN_UNITS) this.known.delete(this.known.values().next().value!);
      this.known.add(row.id);
    }
    const inactive = active ? rows.find((row) => !Number(row.active)) : undefined;
    if (inactive) throw OrganizationError.unitInactive(refs.find((r) => r.id === inactive.id)!.field, inactive.name);
  }

  /** Renames a unit or moves it under another parent (never under itself or its own descendants: 409). */
  async updateUnit(actor: Actor, id: string, dto: UpdateUnitDto): Promise<UnitView> {
    const capacity = requireRole(actor, 'admin');
    return this.tx.run(async (em) => {
      const unit = await this.lockedUnit(id);
      const before = toUnitView(unit);
      if (dto.name !== undefined) unit.name = dto.name.trim();
      if (dto.parentId !== undefined) {
        const parentId = dto.parentId;
        if (parentId !== null) {
          if (!(await this.isActiveUnit(parentId))) throw OrganizationError.unknownParent();
          // Serialise moves: two moves that are each fine alone could together close a loop.
          const all: Array<{ id: string; parent_id: string | null }> = await em.query('SELECT id, parent_id FROM units FOR UPDATE');
          const parentOf = new Map(all.map((u) => [u.id, u.parent_id]));
          if (wouldCreateCycle({ unitId: unit.id, newParentId: parentId, parentOf })) throw OrganizationError.unitCycle();
        }
        unit.parentId = parentId;
      }
      await em.update(Unit, { id: unit.id }, { name: unit.name, parentId: unit.parentId });
      const after = toUnitView(unit);
      this.audit.record({ actor, capacity, action: 'unit.update', entity: 'unit', entityId: unit.id, before, after });
      return after;
    });
  }

  /**
   * The unit, locked for update in the caller's transaction (404 when absent): a change of its
   * state then runs alone against work that confirms the unit (see requireActiveUnits).
   */
  async lockUnit(id: string): Promise<UnitView> {
    return toUnitView(await this.lockedUnit(id));
  }

  /**
   * Activates or deactivates a unit locked by lockUnit, audited against `author`. The use case
   * above checks access and what must hold first (administration: no money, no open files).
   */
  async setUnitActive(id: string, active: boolean, author: ChangeAuthor): Promise<UnitView> {
    return this.tx.run(async (em) => {
      const unit = await this.lockedUnit(id);
      if (Boolean(unit.active) === active) throw OrganizationError.alreadyActive(active);
      const before = toUnitView(unit);
      unit.active = active;
      await em.update(Unit, { id: unit.id }, { active });
      const after = toUnitView(unit);
      this.audit.record({ ...author, action: active ? 'unit.activate' : 'unit.deactivate', entity: 'unit', entityId: unit.id, before, after });
      return after;
    });
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

  private async lockedUnit(id: string): Promise<Unit> {
    const unit = isId(id) ? await this.tx.manager.findOne(Unit, { where: { id }, lock: { mode: 'pessimistic_write' } }) : null;
    if (!unit) throw OrganizationError.unitNotFound();
    return unit;
  }
}
