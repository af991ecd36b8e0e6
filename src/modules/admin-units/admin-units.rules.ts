import type { FieldError } from '../../common/http/domain-error';
import { ADMIN_UNIT_KINDS, AdminUnitKind, COMMUNE_KINDS, PROVINCE_KINDS } from './admin-unit.entity';

/** One data line of a list: `code <TAB> kind <TAB> name <TAB> province_code`. */
export interface AdminUnitRecord {
  code: string;
  name: string;
  kind: AdminUnitKind;
  provinceCode: string | null;
}

/** A list as read: its `# key: value` header (source, date, legal basis, …) and its units, in file order. */
export interface AdminUnitsFile {
  header: Record<string, string>;
  units: AdminUnitRecord[];
}

/** A list read whole: sound (`problems` empty, every unit kept) or refused with every problem by line. */
export type AdminUnitsReading = { ok: true; file: AdminUnitsFile } | { ok: false; problems: FieldError[] };

/** Largest list taken: about 3,400 lines today; room for a list several times that. */
export const MAX_ADMIN_UNIT_LINES = 20_000;
/** Problems listed in a refusal; the count says how many more there were. */
export const MAX_LISTED_PROBLEMS = 100;
const MAX_NAME_LENGTH = 100;

export const isProvinceKind = (kind: AdminUnitKind): boolean => (PROVINCE_KINDS as readonly string[]).includes(kind);
export const isCommuneKind = (kind: AdminUnitKind): boolean => (COMMUNE_KINDS as readonly string[]).includes(kind);

const KINDS_IN_WORDS = 'province, city, ward, commune, special_zone';
const place = (line: number) => `dòng ${line}`;

/**
 * Reads and checks a list of administrative units as the Cục Thống kê register
 * (danhmuchanhchinh.nso.gov.vn) gives it once put in the documented layout: UTF-8, one unit a line,
 * `code<TAB>kind<TAB>name<TAB>province_code` (province_code empty for a province or city); lines
 * starting with `#` are comments, `# key: value` ones the header (`source`, `date`, …); blank lines
 * are skipped. Every line is checked, and the list as a whole: a known kind; a province or city
 * has a 2-digit code and no province; a commune, ward or special zone a 5-digit code and the code of
 * a province or city of the same list; codes unique; a name of at most 100 characters. Any problem
 * refuses the whole list, with every problem by line number (in Vietnamese, for the person loading it).
 */
export function readAdminUnitsList(text: string): AdminUnitsReading {
  const header: Record<string, string> = {};
  const units: Array<AdminUnitRecord & { line: number }> = [];
  const problems: FieldError[] = [];
  const lines = text.replace(/^\uFEFF/, '').split('\n');
  if (lines.length > MAX_ADMIN_UNIT_LINES) {
    return { ok: false, problems: [{ field: 'file', message: `tệp có ${lines.length} dòng, tối đa ${MAX_ADMIN_UNIT_LINES} dòng` }] };
  }
  lines.forEach((raw, index) => {
    const line = index + 1;
    const text = raw.replace(/\r$/, '');
    if (text.trim() === '') return;
    if (text.startsWith('#')) {
      const m = /^#\s*([A-Za-z][A-Za-z-]*)\s*:\s*(.*)$/.exec(text);
      if (m) header[m[1].toLowerCase()] = m[2].trim();
      return;
    }
    const fields = text.split('\t').map((f) => f.trim());
    if (fields.length !== 4) {
      problems.push({ field: place(line), message: `cần 4 cột phân cách bằng dấu tab (mã, loại, tên, mã tỉnh), có ${fields.length}` });
      return;
    }
    const [code, kind, name, provinceCode] = fields;
    if (!(ADMIN_UNIT_KINDS as readonly string[]).includes(kind)) {
      problems.push({ field: place(line), message: `loại "${kind}" không hợp lệ; chỉ nhận: ${KINDS_IN_WORDS}` });
      return;
    }
    const unit = { line, code, kind: kind as AdminUnitKind, name, provinceCode: provinceCode === '' ? null : provinceCode };
    if (isProvinceKind(unit.kind)) {
      if (!/^\d{2}$/.test(code)) problems.push({ field: place(line), message: `mã tỉnh, thành phố "${code}" phải gồm 2 chữ số` });
      if (unit.provinceCode !== null) problems.push({ field: place(line), message: `tỉnh, thành phố ${code} không thuộc tỉnh nào: cột mã tỉnh phải để trống` });
    } else {
      if (!/^\d{5}$/.test(code)) problems.push({ field: place(line), message: `mã xã, phường, đặc khu "${code}" phải gồm 5 chữ số` });
      if (unit.provinceCode === null) problems.push({ field: place(line), message: `xã, phường, đặc khu ${code} thiếu mã tỉnh, thành phố` });
    }
    if (name === '') problems.push({ field: place(line), message: `đơn vị ${code} thiếu tên` });
    else if (name.length > MAX_NAME_LENGTH) problems.push({ field: place(line), message: `tên đơn vị ${code} dài quá ${MAX_NAME_LENGTH} ký tự` });
    units.push(unit);
  });

  const firstLine = new Map<string, number>();
  for (const u of units) {
    const seen = firstLine.get(u.code);
    if (seen !== undefined) problems.push({ field: place(u.line), message: `mã ${u.code} trùng với dòng ${seen}` });
    else firstLine.set(u.code, u.line);
  }
  const provinces = new Set(units.filter((u) => isProvinceKind(u.kind)).map((u) => u.code));
  for (const u of units) {
    if (!isProvinceKind(u.kind) && u.provinceCode !== null && !provinces.has(u.provinceCode)) {
      problems.push({ field: place(u.line), message: `xã, phường, đặc khu ${u.code} thuộc tỉnh mã ${u.provinceCode}, nhưng danh mục không có tỉnh, thành phố mã đó` });
    }
  }
  if (units.length === 0 && problems.length === 0) problems.push({ field: 'file', message: 'tệp không có dòng đơn vị hành chính nào' });

  if (problems.length) return { ok: false, problems: problems.sort((a, b) => lineOf(a) - lineOf(b)) };
  return { ok: true, file: { header, units: units.map(({ line: _line, ...u }) => u) } };
}

const lineOf = (p: FieldError): number => Number(/^dòng (\d+)/.exec(p.field)?.[1] ?? 0);

/** The units counted by kind and by level: what the legal basis says there are (34 = 6 + 28; 3,321 = 2,621 + 687 + 13 in 2025). */
export function adminUnitCounts(units: AdminUnitRecord[]): Record<AdminUnitKind, number> & { provinces: number; communes: number } {
  const counts = { city: 0, province: 0, ward: 0, commune: 0, special_zone: 0, provinces: 0, communes: 0 };
  for (const u of units) {
    counts[u.kind] += 1;
    if (isProvinceKind(u.kind)) counts.provinces += 1;
    else counts.communes += 1;
  }
  return counts;
}
