import { newId } from '../../src/common/ids';
import type { BenchEnv } from './bench-env';

/** Bulk INSERTs, `size` rows a statement. */
export async function insertBatches(env: BenchEnv, sql: string, rows: unknown[][], placeholders: string, size = 1000): Promise<void> {
  for (let i = 0; i < rows.length; i += size) {
    const batch = rows.slice(i, i + size);
    await env.pool.query(`${sql} VALUES ${batch.map(() => placeholders).join(',')}`, batch.flat());
  }
}

/** `count` active units of `kind` (codes `<prefix>000`…), by bulk SQL; returns their ids in order. */
export async function seedUnits(env: BenchEnv, count: number, options: { prefix?: string; kind?: string } = {}): Promise<string[]> {
  const ids = Array.from({ length: count }, () => newId());
  await insertBatches(
    env,
    'INSERT INTO units (id, code, name, kind, active, created_at)',
    ids.map((id, i) => [id, `${options.prefix ?? 'DV'}${String(i).padStart(3, '0')}`, `Trung tâm khuyến công số ${i + 1} — đơn vị thực hiện`, options.kind ?? 'centre']),
    '(?,?,?,?,1,NOW(3))',
  );
  return ids;
}

/** `count` active users with `roles`, each in the unit `unitOf(i)` (or none), by bulk SQL; returns their ids in order. */
export async function seedUsers(env: BenchEnv, count: number, roles: string[], unitOf: (i: number) => string | null = () => null): Promise<string[]> {
  const ids = Array.from({ length: count }, () => newId());
  await insertBatches(
    env,
    'INSERT INTO users (id, email, password_hash, full_name, unit_id, roles, active, created_at, updated_at)',
    ids.map((id, i) => [id, `${id.toLowerCase()}@bench.kcfund.vn`, 'x', `Người dùng đo tải ${roles.join('-')} ${i + 1}`, unitOf(i), roles.join(',')]),
    '(?,?,?,?,?,?,1,NOW(3),NOW(3))',
  );
  return ids;
}

/** One file as the benchmarks seed it: an establishment of its own and the application row. */
export interface SeedFile {
  id: string;
  ownerId: string;
  activityTypeCode: string;
  fiscalYear: number;
  fundCode: string;
  title: string;
  communeCode: string;
  status: string;
  approvedSupport?: string | null;
  /** The allocation unit, and the lead unit unless `leadUnitId` says otherwise. */
  unitId: string;
  /** The lead unit when not `unitId` (null: not yet assigned, a submitted file in the intake queue). */
  leadUnitId?: string | null;
  officerId?: string | null;
  dueDate?: string | null;
  supplementDueDate?: string | null;
  decisionNo?: string | null;
  decisionDate?: string | null;
}

/**
 * Files by bulk SQL (the reports' 10,000-file year, the reminders' open files): for each an
 * establishment (a household business whose tax code is `taxBase + i`) and its application,
 * 400.000.000 ₫ total cost, 300.000.000 ₫ eligible, 150.000.000 ₫ at most.
 */
export async function insertFiles(env: BenchEnv, files: SeedFile[], taxBase = 1_000_000_000): Promise<void> {
  const establishments: unknown[][] = [];
  const applications: unknown[][] = [];
  files.forEach((f, i) => {
    const establishmentId = newId();
    establishments.push([establishmentId, f.ownerId, `Cơ sở sản xuất số ${i + 1} — hộ kinh doanh Đồng Tháp`, String(taxBase + i).padStart(10, '0'), f.communeCode]);
    applications.push([
      f.id,
      f.ownerId,
      establishmentId,
      f.activityTypeCode,
      f.fiscalYear,
      f.fundCode,
      f.title,
      f.communeCode,
      f.status,
      f.approvedSupport ?? null,
      f.approvedSupport ?? null,
      f.unitId,
      f.leadUnitId === undefined ? f.unitId : f.leadUnitId,
      f.officerId ?? null,
      f.dueDate ?? null,
      f.supplementDueDate ?? null,
      f.decisionNo ?? null,
      f.decisionDate ?? null,
    ]);
  });
  await insertBatches(env, 'INSERT INTO establishments (id, owner_id, name, kind, tax_code, commune_code, address, representative, phone, employees, created_at)', establishments, "(?,?,?,'household_business',?,?,'Ấp 1','Nguyễn Văn A','0900000000',5,NOW(3))");
  await insertBatches(
    env,
    `INSERT INTO applications (id, owner_id, establishment_id, activity_type_code, fiscal_year, fund_code, fund_source, currency, title, commune_code, status,
       total_cost, eligible_cost, max_support, requested_support, approved_support, allocation_unit_id, lead_unit_id, officer_id, due_date, supplement_due_date,
       decision_no, decision_date, created_at, updated_at)`,
    applications,
    "(?,?,?,?,?,?,'local','VND',?,?,?,'400000000','300000000','150000000',?,?,?,?,?,?,?,?,?,NOW(3),NOW(3))",
  );
}
