import type { AdminUnitKind } from './admin-unit.entity';

export type { AdminUnitKind } from './admin-unit.entity';

/** A unit as `GET /admin-units` lists it. */
export interface AdminUnitView {
  code: string;
  name: string;
  kind: AdminUnitKind;
  provinceCode: string | null;
}

/** A commune-level unit by its code, named with its province, for papers and pages that print it. */
export interface CommuneName {
  code: string;
  name: string;
  kind: AdminUnitKind;
  provinceCode: string;
  provinceName: string;
}
