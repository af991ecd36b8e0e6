import { MigrationInterface, QueryRunner } from 'typeorm';
import { adminUnitsFilePath, readAdminUnitsFile } from '../src/modules/admin-units/admin-units.data';

/**
 * Loads the list of administrative units from its file, read when the migration runs
 * (shared/data/admin-units-2025-07-01.tsv: source, legal basis, date, licence and counts in its
 * header). A file that fails its checks (a duplicate code, a commune of no listed province) stops
 * the migration. Provinces come first in the file, so each commune's province is there before it.
 */
export class SeedAdminUnits1763884802910 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    const { units } = readAdminUnitsFile(adminUnitsFilePath('admin-units-2025-07-01.tsv'));
    for (let i = 0; i < units.length; i += 500) {
      const batch = units.slice(i, i + 500);
      await db.query(
        `INSERT INTO admin_units (code, name, kind, province_code) VALUES ${batch.map(() => '(?, ?, ?, ?)').join(', ')}`,
        batch.flatMap((u) => [u.code, u.name, u.kind, u.provinceCode]),
      );
    }
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DELETE FROM admin_units WHERE province_code IS NOT NULL');
    await db.query('DELETE FROM admin_units');
  }
}
