import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { EntityManager, In, IsNull } from 'typeorm';
import { requireRole } from '../../common/auth/access';
import type { Actor } from '../../common/auth/actor';
import { ValidationFailed } from '../../common/http/domain-error';
import { TransactionRunner } from '../../database/transaction';
import { AuditService } from '../audit/audit.service';
import { AdminUnit, COMMUNE_KINDS } from './admin-unit.entity';
import { AdminUnitsError } from './admin-units.error';
import { AdminUnitRecord, adminUnitCounts, AdminUnitsFile, isProvinceKind, readAdminUnitsList } from './admin-units.rules';
import { readAdminUnitsUpload } from './admin-units.upload';
import type { AdminUnitQuery } from './dto/admin-unit-query.dto';
import type { AdminUnitCounts, AdminUnitsImportView, AdminUnitsStatus, AdminUnitView, CommuneName } from './admin-units.types';

const toView = (u: AdminUnit): AdminUnitView => ({ code: u.code, name: u.name, kind: u.kind, provinceCode: u.provinceCode });
const INSERT_BATCH = 500;
/** How an import is audited (see `replace`): the audit log is where a list's source is kept. */
const IMPORT_AUDIT = { entity: 'admin_units', entityId: 'national-list', action: 'admin-units.import' } as const;

/**
 * The national list of administrative units (tỉnh, thành phố; xã, phường, đặc khu). The
 * repository ships no list: the province loads the official one (Cục Thống kê,
 * danhmuchanhchinh.nso.gov.vn) at start (ADMIN_UNITS_FILE) or through the import, and loads a new
 * one when a decree changes it. Every commune code the service takes is checked here, and every
 * paper that prints a commune names it from here; while no list is loaded both degrade (see
 * `requireCommune`, `communeNames`).
 */
@Injectable()
export class AdminUnitsService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
  ) {}

  /** Open to anyone, signed in or not: the provinces and cities, or one province's communes (both empty while no list is loaded). */
  async list(query: AdminUnitQuery): Promise<AdminUnitView[]> {
    const db = this.tx.manager;
    if (!query.provinceCode) return (await db.find(AdminUnit, { where: { provinceCode: IsNull() }, order: { code: 'ASC' } })).map(toView);
    const province = await db.findOne(AdminUnit, { where: { code: query.provinceCode, provinceCode: IsNull() } });
    if (!province) throw ValidationFailed.field('provinceCode', `không có tỉnh, thành phố mã ${query.provinceCode} trong danh mục đơn vị hành chính`);
    return (await db.find(AdminUnit, { where: { provinceCode: province.code }, order: { code: 'ASC' } })).map(toView);
  }

  /**
   * The code is a commune, ward or special zone of the list: 400 VALIDATION_FAILED naming `field`
   * otherwise (a province's code, an old code dropped in 2025, a typo).
   *
   * While no list is loaded (a fresh installation before its staff load the official list), any
   * well-formed 5-digit code is taken: refusing every code would stop producers registering at
   * all, and there is nothing to check a code against. Codes taken then are not re-checked when a
   * list is loaded later; they simply print as their code if the list does not have them.
   */
  async requireCommune(code: string, field = 'communeCode'): Promise<void> {
    const db = this.tx.manager;
    if (/^\d{5}$/.test(code) && (await db.exists(AdminUnit, { where: { code, kind: In([...COMMUNE_KINDS]) } }))) return;
    const listLoaded = await db.exists(AdminUnit, {});
    if (listLoaded) throw ValidationFailed.field(field, `không có xã/phường mã ${code} trong danh mục đơn vị hành chính`);
    if (!/^\d{5}$/.test(code)) throw ValidationFailed.field(field, 'mã xã, phường gồm 5 chữ số (theo danh mục đơn vị hành chính)');
  }

  /**
   * The communes of the given codes with their province, for pages and papers that print them
   * (the caller has checked that the actor may see the record naming them); codes not in the list
   * (or every code, while no list is loaded) are left out, and the caller prints the code instead.
   */
  async communeNames(codes: Array<string | null | undefined>): Promise<Map<string, CommuneName>> {
    const wanted = [...new Set(codes)].filter((code): code is string => typeof code === 'string' && /^\d{5}$/.test(code));
    if (wanted.length === 0) return new Map();
    const communes = await this.tx.manager.find(AdminUnit, { where: { code: In(wanted) } });
    const provinceCodes = [...new Set(communes.map((c) => c.provinceCode).filter((p): p is string => p !== null))];
    const provinces = provinceCodes.length ? await this.tx.manager.find(AdminUnit, { where: { code: In(provinceCodes) } }) : [];
    const provinceName = new Map(provinces.map((p) => [p.code, p.name]));
    return new Map(
      communes
        .filter((c) => c.provinceCode !== null)
        .map((c) => [c.code, { code: c.code, name: c.name, kind: c.kind, provinceCode: c.provinceCode!, provinceName: provinceName.get(c.provinceCode!) ?? '' }]),
    );
  }

  /**
   * Replaces the whole list with an uploaded one (administrators): the file (multipart field
   * `file`, or the TSV as the body) is read and checked whole first; any problem refuses it with
   * 400 listing every problem by line, and the list in force stays. A sound list replaces the old
   * one in one transaction, audited with the file's `source` and `date` header lines and the counts.
   */
  async importList(actor: Actor, upload: IncomingMessage): Promise<AdminUnitsImportView> {
    const capacity = requireRole(actor, 'admin');
    const { text, fileName } = await readAdminUnitsUpload(upload);
    const reading = readAdminUnitsList(text);
    if (!reading.ok) throw AdminUnitsError.malformedList(reading.problems);
    return this.tx.run((em) => this.replace(em, reading.file, { actor, capacity, fileName, sha256: sha256(text) }));
  }

  /**
   * The list in force (administrators): its counts by kind, and where it came from, as the audit
   * entry of the import that loaded it recorded the file's `# source:` and `# date:` lines.
   */
  async status(actor: Actor): Promise<AdminUnitsStatus> {
    requireRole(actor, 'admin');
    const counts = await this.currentCounts(this.tx.manager);
    const { total } = await this.audit.list({ ...IMPORT_AUDIT, page: 1, pageSize: 1 });
    if (total === 0) return { counts, loadedBy: null };
    const [last] = (await this.audit.list({ ...IMPORT_AUDIT, page: total, pageSize: 1 })).items;
    const after = (last.after ?? {}) as Partial<AdminUnitsImportView>;
    return { counts, loadedBy: { at: last.at, source: after.source ?? null, date: after.date ?? null, fileName: after.fileName ?? null } };
  }

  /**
   * At start (ADMIN_UNITS_FILE): loads the list from the file when no list is loaded yet; a loaded
   * list is left alone (a later one goes through the import). A file that cannot be read or fails
   * its checks stops the start with every problem: it was asked for by configuration.
   */
  async loadFileIfEmpty(path: string): Promise<{ loaded: boolean; counts: AdminUnitCounts }> {
    if (await this.tx.manager.exists(AdminUnit, {})) return { loaded: false, counts: await this.currentCounts(this.tx.manager) };
    let text: string;
    try {
      text = readFileSync(path, 'utf8').normalize('NFC');
    } catch (error) {
      throw new Error(`ADMIN_UNITS_FILE ${path} cannot be read: ${(error as Error).message}`);
    }
    const reading = readAdminUnitsList(text);
    if (!reading.ok) {
      const shown = reading.problems.slice(0, 20).map((p) => `${p.field}: ${p.message}`).join('; ');
      throw new Error(`ADMIN_UNITS_FILE ${path}: ${reading.problems.length} problems, nothing loaded: ${shown}`);
    }
    const view = await this.tx.run(async (em) => {
      // Another instance starting together may have loaded it first.
      if (await em.exists(AdminUnit, {})) return null;
      return this.replace(em, reading.file, { actor: null, capacity: 'system', fileName: path, sha256: sha256(text) });
    });
    return view ? { loaded: true, counts: view.counts } : { loaded: false, counts: await this.currentCounts(this.tx.manager) };
  }

  private async replace(
    em: EntityManager,
    file: AdminUnitsFile,
    by: { actor: Actor | null; capacity: string; fileName: string | null; sha256: string },
  ): Promise<AdminUnitsImportView> {
    const previous = await this.currentCounts(em);
    // Communes first: they refer to their province.
    await em.query('DELETE FROM admin_units WHERE province_code IS NOT NULL');
    await em.query('DELETE FROM admin_units');
    const provinces = file.units.filter((u) => isProvinceKind(u.kind));
    const communes = file.units.filter((u) => !isProvinceKind(u.kind));
    for (const rows of [provinces, communes]) await insertAll(em, rows);
    const view: AdminUnitsImportView = {
      source: file.header.source ?? null,
      date: file.header.date ?? null,
      fileName: by.fileName,
      sha256: by.sha256,
      counts: countsOf(file.units),
      previous,
    };
    this.audit.record({ actor: by.actor, capacity: by.capacity, ...IMPORT_AUDIT, before: previous, after: view });
    return view;
  }

  private async currentCounts(em: EntityManager): Promise<AdminUnitCounts> {
    const rows: Array<{ kind: AdminUnitRecord['kind']; n: string | number }> = await em.query('SELECT kind, COUNT(*) AS n FROM admin_units GROUP BY kind');
    const counts = countsOf([]);
    for (const r of rows) {
      const n = Number(r.n);
      counts[r.kind] = n;
      if (isProvinceKind(r.kind)) counts.provinces += n;
      else counts.communes += n;
    }
    return counts;
  }
}

const countsOf = (units: AdminUnitRecord[]): AdminUnitCounts => adminUnitCounts(units);
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

async function insertAll(em: EntityManager, units: AdminUnitRecord[]): Promise<void> {
  for (let i = 0; i < units.length; i += INSERT_BATCH) {
    const batch = units.slice(i, i + INSERT_BATCH);
    await em.query(
      `INSERT INTO admin_units (code, name, kind, province_code) VALUES ${batch.map(() => '(?, ?, ?, ?)').join(', ')}`,
      batch.flatMap((u) => [u.code, u.name, u.kind, u.provinceCode]),
    );
  }
}

/** "Phường Long Đức, Tỉnh Vĩnh Long": a commune as a person reads it, with its province. */
export function communeWithProvince(c: CommuneName): string {
  return `${c.name}, ${c.provinceName}`;
}
