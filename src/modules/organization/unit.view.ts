import type { Unit, UnitKind } from './unit.entity';

/** A unit as the API shows it. */
export interface UnitView {
  id: string;
  code: string;
  name: string;
  kind: UnitKind;
  parentId: string | null;
  active: boolean;
  createdAt: string;
}

export interface UnitTreeNode extends UnitView {
  children: UnitTreeNode[];
}

export function toUnitView(unit: Unit): UnitView {
  return {
    id: unit.id,
    code: unit.code,
    name: unit.name,
    kind: unit.kind,
    parentId: unit.parentId,
    active: Boolean(unit.active),
    createdAt: unit.createdAt.toISOString(),
  };
}
