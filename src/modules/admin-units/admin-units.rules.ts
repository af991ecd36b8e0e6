import { ADMIN_UNIT_KINDS, AdminUnitKind, COMMUNE_KINDS, PROVINCE_KINDS } from './admin-unit.entity';

/** One data line of the shipped file: `code <TAB> kind <TAB> name <TAB> province_code`. */
export interface AdminUnitRecord {
  code: string;
  name: string;
  kind: AdminUnitKind;
  provinceCode: string | null;
}

/** The file as read: its `# key: value` header (source, legal basis, date, licence, counts) and its units. */
export interface AdminUnitsFile {
  header: Record<string, string>;
  units: AdminUnitRecord[];
}

/** How each kind's official name begins ("Tỉnh Vĩnh Long", "Phường Long Đức", "Đặc khu Phú Quốc"). */
const NAME_PREFIX: Record<AdminUnitKind, string> = {
  city: 'Thành phố ',
  province: 'Tỉnh ',
  ward: 'Phường ',
  commune: 'Xã ',
  special_zone: 'Đặc khu ',
};

export const isProvinceKind = (kind: AdminUnitKind): boolean => (PROVINCE_KINDS as readonly string[]).includes(kind);
export const isCommuneKind = (kind: AdminUnitKind): boolean => (COMMUNE_KINDS as readonly string[]).includes(kind);

/**
 * Reads the tab-separated file: `#` lines are comments, `# key: value` ones the header; every other
 * non-blank line is a unit. A line that is not four fields of a known kind is an error naming it.
 */
export function parseAdminUnitsFile(text: string): AdminUnitsFile {
  const header: Record<string, string> = {};
  const units: AdminUnitRecord[] = [];
  text.split('\n').forEach((raw, index) => {
    const line = raw.replace(/\r$/, '');
    if (line.trim() === '') return;
    if (line.startsWith('#')) {
      const m = /^#\s*([a-z][a-z-]*):\s*(.*)$/.exec(line);
      if (m) header[m[1]] = m[2].trim();
      return;
    }
    const fields = line.split('\t');
    if (fields.length !== 4) throw new Error(`admin units, line ${index + 1}: 4 tab-separated fields expected, found ${fields.length}`);
    const [code, kind, name, provinceCode] = fields;
    if (!(ADMIN_UNIT_KINDS as readonly string[]).includes(kind)) throw new Error(`admin units, line ${index + 1}: unknown kind "${kind}"`);
    units.push({ code, kind: kind as AdminUnitKind, name, provinceCode: provinceCode === '' ? null : provinceCode });
  });
  return { header, units };
}

/**
 * What is wrong with a list of units, in words (empty when nothing): a province-level code is two
 * digits with no province, a commune-level code five digits under a province of the list; codes
 * are unique; each name begins as its kind's official name does.
 */
export function adminUnitsProblems(units: AdminUnitRecord[]): string[] {
  const problems: string[] = [];
  const provinces = new Set(units.filter((u) => isProvinceKind(u.kind)).map((u) => u.code));
  const seen = new Set<string>();
  for (const u of units) {
    if (seen.has(u.code)) problems.push(`${u.code}: code listed twice`);
    seen.add(u.code);
    if (isProvinceKind(u.kind)) {
      if (!/^\d{2}$/.test(u.code)) problems.push(`${u.code}: a province-level code has 2 digits`);
      if (u.provinceCode !== null) problems.push(`${u.code}: a province-level unit belongs to no province`);
    } else {
      if (!/^\d{5}$/.test(u.code)) problems.push(`${u.code}: a commune-level code has 5 digits`);
      if (u.provinceCode === null || !provinces.has(u.provinceCode)) problems.push(`${u.code}: province ${u.provinceCode ?? '(none)'} is not in the list`);
    }
    if (!u.name.startsWith(NAME_PREFIX[u.kind]) || u.name.trim() !== u.name || u.name.length > 100) problems.push(`${u.code}: name "${u.name}" does not read as a ${u.kind}'s`);
  }
  return problems;
}

/** The units counted by kind: what the file's header and the legal basis say there are. */
export function adminUnitCounts(units: AdminUnitRecord[]): Record<AdminUnitKind, number> & { provinces: number; communes: number } {
  const counts = { city: 0, province: 0, ward: 0, commune: 0, special_zone: 0, provinces: 0, communes: 0 };
  for (const u of units) {
    counts[u.kind] += 1;
    if (isProvinceKind(u.kind)) counts.provinces += 1;
    else counts.communes += 1;
  }
  return counts;
}
