import type { UnitTreeNode } from '../../modules/organization/unit.view';

export type UnitRow = Omit<UnitTreeNode, 'children'> & { depth: number };

/** A unit tree as rows in display order, each with its depth (for indentation and choices). */
export function unitRows(nodes: UnitTreeNode[], depth = 0): UnitRow[] {
  return nodes.flatMap(({ children, ...unit }) => [{ ...unit, depth }, ...unitRows(children, depth + 1)]);
}
