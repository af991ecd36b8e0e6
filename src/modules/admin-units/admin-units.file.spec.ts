import { readFileSync } from 'node:fs';
import { adminUnitCounts, readAdminUnitsList } from './admin-units.rules';

/**
 * The list an installation loads (ADMIN_UNITS_FILE), against the law: since 1 July 2025 Viet Nam
 * has 34 province-level units (6 cities under the central government, 28 provinces: Nghị quyết
 * 202/2025/QH15) and 3,321 commune-level ones (2,621 communes, 687 wards, 13 special zones), coded
 * by Quyết định 19/2025/QĐ-TTg. The repository ships no list (it is public data the province
 * downloads from danhmuchanhchinh.nso.gov.vn), so this check runs only when ADMIN_UNITS_FILE names
 * a file: `ADMIN_UNITS_FILE=/path/to/list.tsv npx jest src/modules/admin-units/admin-units.file.spec.ts`.
 * A later list (a decree that merges or splits units) changes the counts; then so does this test.
 */
const path = process.env.ADMIN_UNITS_FILE;

if (!path) {
  describe('the list of administrative units named by ADMIN_UNITS_FILE', () => {
    it.skip('SKIPPED: ADMIN_UNITS_FILE is not set, so the counts of the national list (34 = 6 cities + 28 provinces; 3,321 communes) were NOT checked', () => undefined);
  });
} else {
  describe(`the list of administrative units named by ADMIN_UNITS_FILE (${path})`, () => {
    const reading = readAdminUnitsList(readFileSync(path, 'utf8').normalize('NFC'));

    it('passes every check the import makes', () => {
      expect(reading.ok ? [] : reading.problems.slice(0, 20)).toEqual([]);
    });

    it('holds 34 provinces and cities (6 + 28) and 3,321 communes, wards and special zones (2,621 + 687 + 13)', () => {
      if (!reading.ok) throw new Error('the list is refused; see the test above');
      expect(adminUnitCounts(reading.file.units)).toEqual({ provinces: 34, city: 6, province: 28, communes: 3321, commune: 2621, ward: 687, special_zone: 13 });
    });

    it('has the communes the demo and the tests use, under their province', () => {
      if (!reading.ok) throw new Error('the list is refused; see the test above');
      const byCode = new Map(reading.file.units.map((u) => [u.code, u]));
      expect(byCode.get('29263')).toMatchObject({ kind: 'ward', provinceCode: '86' });
      expect(byCode.get('30226')).toMatchObject({ kind: 'commune', provinceCode: '82' });
      expect(byCode.get('30112')).toMatchObject({ kind: 'commune', provinceCode: '82' });
    });

    it('says in its header where it came from', () => {
      if (!reading.ok) throw new Error('the list is refused; see the test above');
      expect(reading.file.header.source).toBeTruthy();
    });
  });
}
