import { adminUnitCounts } from './admin-units.rules';
import { ADMIN_UNITS_FILE_NAME, readAdminUnitsFile } from './admin-units.data';

/**
 * The shipped list against the law: since 1 July 2025 Viet Nam has 34 province-level units (6
 * cities under the central government, 28 provinces: Nghị quyết 202/2025/QH15) and 3,321
 * commune-level ones (2,621 communes, 687 wards, 13 special zones), coded by Quyết định
 * 19/2025/QĐ-TTg. The file's checks (unique codes, 2- and 5-digit codes, every commune under a
 * listed province) run as it is read.
 */
describe(`the shipped list of administrative units (${ADMIN_UNITS_FILE_NAME})`, () => {
  const file = readAdminUnitsFile();
  const byCode = new Map(file.units.map((u) => [u.code, u]));

  it('holds 34 provinces and cities and 3,321 communes, wards and special zones', () => {
    expect(adminUnitCounts(file.units)).toEqual({ provinces: 34, city: 6, province: 28, communes: 3321, commune: 2621, ward: 687, special_zone: 13 });
  });

  it('says in its header where it came from, under which law, of what date and licence, and the same counts', () => {
    expect(file.header.source).toMatch(/^https:\/\/github\.com\/\S+, .*commit [0-9a-f]{40}/);
    expect(file.header['legal-basis']).toContain('19/2025/QĐ-TTg');
    expect(file.header['in-force-from']).toBe('2025-07-01');
    expect(file.header['source-licence']).toBeTruthy();
    expect(file.header.counts).toBe('provinces 34 (city 6, province 28); communes 3321 (commune 2621, ward 687, special_zone 13)');
  });

  it('codes every unit uniquely, provinces with 2 digits and communes with 5 under a listed province', () => {
    expect(byCode.size).toBe(file.units.length);
    for (const u of file.units) {
      if (u.provinceCode === null) expect(u.code).toMatch(/^\d{2}$/);
      else {
        expect(u.code).toMatch(/^\d{5}$/);
        expect(byCode.get(u.provinceCode)?.provinceCode).toBeNull();
      }
    }
  });

  it('has the units the decision lists, under their own province', () => {
    const pick = (code: string) => {
      const u = byCode.get(code);
      return u && { name: u.name, kind: u.kind, provinceCode: u.provinceCode };
    };
    expect(pick('01')).toEqual({ name: 'Thành phố Hà Nội', kind: 'city', provinceCode: null });
    expect(pick('08')).toEqual({ name: 'Tỉnh Tuyên Quang', kind: 'province', provinceCode: null });
    expect(pick('96')).toEqual({ name: 'Tỉnh Cà Mau', kind: 'province', provinceCode: null });
    expect(pick('00004')).toEqual({ name: 'Phường Ba Đình', kind: 'ward', provinceCode: '01' });
    expect(pick('29263')).toEqual({ name: 'Phường Long Đức', kind: 'ward', provinceCode: '86' });
    expect(pick('30226')).toEqual({ name: 'Xã Lai Vung', kind: 'commune', provinceCode: '82' });
    expect(pick('31078')).toEqual({ name: 'Đặc khu Phú Quốc', kind: 'special_zone', provinceCode: '91' });
    // Districts are gone: no 3-digit code, and the old provinces merged away are not listed.
    expect(file.units.some((u) => /^\d{3}$/.test(u.code))).toBe(false);
    expect(byCode.has('83')).toBe(false); // Tỉnh Bến Tre, merged into Tỉnh Vĩnh Long
  });
});
