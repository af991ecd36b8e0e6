import { buildUnitTree, wouldCreateCycle } from './unit-tree.rules';
import type { UnitView } from './unit.view';

const unit = (id: string, code: string, parentId: string | null): UnitView => ({
  id,
  code,
  name: code,
  kind: 'division',
  parentId,
  active: true,
  createdAt: '2026-01-01T00:00:00.000Z',
});

describe('buildUnitTree', () => {
  it('nests children under their parent, ordered by code', () => {
    const tree = buildUnitTree([unit('c2', 'SCT-QLCN', 'p'), unit('p', 'SCT', null), unit('c1', 'SCT-KHTC', 'p'), unit('x', 'XA-01', null)]);
    expect(tree.map((n) => n.code)).toEqual(['SCT', 'XA-01']);
    expect(tree[0].children.map((n) => n.code)).toEqual(['SCT-KHTC', 'SCT-QLCN']);
    expect(tree[1].children).toEqual([]);
  });

  it('keeps three levels', () => {
    const tree = buildUnitTree([unit('a', 'A', null), unit('b', 'B', 'a'), unit('c', 'C', 'b')]);
    expect(tree[0].children[0].children[0].id).toBe('c');
  });

  it('makes a unit whose parent is missing a root rather than dropping it', () => {
    const tree = buildUnitTree([unit('b', 'B', 'gone')]);
    expect(tree.map((n) => n.id)).toEqual(['b']);
  });
});

describe('wouldCreateCycle', () => {
  // SCT ← VP ← TEAM; XA stands alone.
  const parentOf = new Map<string, string | null>([
    ['SCT', null],
    ['VP', 'SCT'],
    ['TEAM', 'VP'],
    ['XA', null],
  ]);

  it('refuses a unit under itself or under one of its descendants', () => {
    expect(wouldCreateCycle({ unitId: 'SCT', newParentId: 'SCT', parentOf })).toBe(true);
    expect(wouldCreateCycle({ unitId: 'SCT', newParentId: 'TEAM', parentOf })).toBe(true);
    expect(wouldCreateCycle({ unitId: 'VP', newParentId: 'TEAM', parentOf })).toBe(true);
  });

  it('accepts a move elsewhere, a move up and becoming a root', () => {
    expect(wouldCreateCycle({ unitId: 'TEAM', newParentId: 'XA', parentOf })).toBe(false);
    expect(wouldCreateCycle({ unitId: 'TEAM', newParentId: 'SCT', parentOf })).toBe(false);
    expect(wouldCreateCycle({ unitId: 'VP', newParentId: null, parentOf })).toBe(false);
  });
});
