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

/** The units of a list counted by kind and by level. */
export type AdminUnitCounts = Record<AdminUnitKind, number> & { provinces: number; communes: number };

/** What an import of the list reports (and the audit log keeps). */
export interface AdminUnitsImportView {
  /** The file's `# source:` header line (where the list was downloaded), if it has one. */
  source: string | null;
  /** The file's `# date:` header line (the list's date, e.g. the decree's in-force date), if it has one. */
  date: string | null;
  fileName: string | null;
  sha256: string;
  counts: AdminUnitCounts;
  /** The counts of the list it replaced (all zero when none was loaded). */
  previous: AdminUnitCounts;
}

/** The list in force, for the administrator's page: its counts, and the import that loaded it (none before the first). */
export interface AdminUnitsStatus {
  counts: AdminUnitCounts;
  loadedBy: { at: string; source: string | null; date: string | null; fileName: string | null } | null;
}
