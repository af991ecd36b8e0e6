import type { UnitTreeNode, UnitView } from './unit.view';

/**
 * Nests units under their parents, children ordered by code. A unit whose parent is not in the
 * list (inactive, or filtered out) becomes a root, so nothing is silently dropped.
 */
export function buildUnitTree(units: UnitView[]): UnitTreeNode[] {
  const nodes = new Map<string, UnitTreeNode>();
  for (const unit of units) nodes.set(unit.id, { ...unit, children: [] });
  const roots: UnitTreeNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId ? nodes.get(node.parentId) : undefined;
    if (parent && parent !== node) parent.children.push(node);
    else roots.push(node);
  }
  const byCode = (a: UnitTreeNode, b: UnitTreeNode) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
  const sort = (list: UnitTreeNode[]) => {
    list.sort(byCode);
    for (const node of list) sort(node.children);
  };
  sort(roots);
  return roots;
}

/**
 * Whether placing `unitId` under `newParentId` would make a unit its own ancestor: the new parent
 * is the unit itself or lies below it. `parentOf` maps every unit to its current parent.
 */
export function wouldCreateCycle(input: { unitId: string; newParentId: string | null; parentOf: ReadonlyMap<string, string | null> }): boolean {
  const seen = new Set<string>();
  for (let at: string | null = input.newParentId; at !== null; at = input.parentOf.get(at) ?? null) {
    if (at === input.unitId) return true;
    if (seen.has(at)) return false; // a cycle already stored elsewhere; not this change's doing
    seen.add(at);
  }
  return false;
}

/** Where every unit stands: its parent and its kind. */
export interface UnitPlacementRow {
  id: string;
  parentId: string | null;
  kind: string;
}

/**
 * The tree's shape as the authority rules read it: the line from a unit up to its root, the units
 * below a unit, and whether a unit belongs to the extension centre (is a centre or lies under one).
 */
export class UnitPlacement {
  private readonly parentOf = new Map<string, string | null>();
  private readonly kindOf = new Map<string, string>();

  constructor(rows: readonly UnitPlacementRow[]) {
    for (const row of rows) {
      this.parentOf.set(row.id, row.parentId);
      this.kindOf.set(row.id, row.kind);
    }
  }

  /** The unit and the units above it, nearest first; empty for no unit. A stored loop is cut where it closes. */
  lineOf(unitId: string | null): string[] {
    const line: string[] = [];
    for (let at = unitId; at !== null && this.parentOf.has(at) && !line.includes(at); at = this.parentOf.get(at) ?? null) line.push(at);
    return line;
  }

  /** The unit and every unit below it; empty for no unit. */
  subtreeOf(unitId: string | null): string[] {
    if (unitId === null || !this.parentOf.has(unitId)) return [];
    return [...this.parentOf.keys()].filter((id) => this.lineOf(id).includes(unitId));
  }

  /** The extension centres themselves (whose heads take in newly submitted files). */
  centres(): string[] {
    return [...this.kindOf.entries()].filter(([, kind]) => kind === 'centre').map(([id]) => id);
  }

  /** Whether the unit is the extension centre or lies under it. */
  inCentre(unitId: string | null): boolean {
    return this.lineOf(unitId).some((id) => this.kindOf.get(id) === 'centre');
  }
}
