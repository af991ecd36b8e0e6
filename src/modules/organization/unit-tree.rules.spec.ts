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

describe('UnitPlacement', () => {
  const { UnitPlacement } = jest.requireActual('./unit-tree.rules') as typeof import('./unit-tree.rules');
  const placement = new UnitPlacement([
    { id: 'SCT', parentId: null, kind: 'department' },
    { id: 'TTKC', parentId: 'SCT', kind: 'centre' },
    { id: 'PTV', parentId: 'TTKC', kind: 'division' },
    { id: 'QLCN', parentId: 'SCT', kind: 'division' },
    { id: 'LOOP1', parentId: 'LOOP2', kind: 'office' },
    { id: 'LOOP2', parentId: 'LOOP1', kind: 'office' },
  ]);

  it('reads the line from a unit up to its root, nearest first', () => {
    expect(placement.lineOf('PTV')).toEqual(['PTV', 'TTKC', 'SCT']);
    expect(placement.lineOf(null)).toEqual([]);
    expect(placement.lineOf('UNKNOWN')).toEqual([]);
    expect(placement.lineOf('LOOP1')).toEqual(['LOOP1', 'LOOP2']);
  });

  it('reads the units below a unit, itself included', () => {
    expect(placement.subtreeOf('TTKC').sort()).toEqual(['PTV', 'TTKC']);
    expect(placement.subtreeOf('SCT').sort()).toEqual(['PTV', 'QLCN', 'SCT', 'TTKC']);
    expect(placement.subtreeOf(null)).toEqual([]);
  });

  it('knows the centre and the units under it', () => {
    expect(placement.inCentre('PTV')).toBe(true);
    expect(placement.inCentre('TTKC')).toBe(true);
    expect(placement.inCentre('QLCN')).toBe(false);
    expect(placement.inCentre(null)).toBe(false);
  });
});
