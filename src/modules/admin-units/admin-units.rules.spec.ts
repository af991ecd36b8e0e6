import { adminUnitCounts, adminUnitsProblems, parseAdminUnitsFile } from './admin-units.rules';

const FILE = [
  '# A list for the test',
  '# source: https://example.invalid/list',
  '# counts: provinces 2; communes 3',
  '',
  '01\tcity\tThành phố Hà Nội\t',
  '86\tprovince\tTỉnh Vĩnh Long\t',
  '00004\tward\tPhường Ba Đình\t01',
  '29263\tward\tPhường Long Đức\t86\r',
  '31078\tspecial_zone\tĐặc khu Phú Quốc\t86',
].join('\n');

describe('parseAdminUnitsFile', () => {
  it('reads the header and the units, a province with no province of its own, CRLF or not', () => {
    const { header, units } = parseAdminUnitsFile(FILE);
    expect(header).toEqual({ source: 'https://example.invalid/list', counts: 'provinces 2; communes 3' });
    expect(units).toHaveLength(5);
    expect(units[0]).toEqual({ code: '01', kind: 'city', name: 'Thành phố Hà Nội', provinceCode: null });
    expect(units[3]).toEqual({ code: '29263', kind: 'ward', name: 'Phường Long Đức', provinceCode: '86' });
  });

  it('refuses a line that is not four fields, or of an unknown kind, naming the line', () => {
    expect(() => parseAdminUnitsFile('01\tcity\tThành phố Hà Nội')).toThrow(/line 1: 4 tab-separated fields/);
    expect(() => parseAdminUnitsFile('# x\n001\tdistrict\tQuận Ba Đình\t01')).toThrow(/line 2: unknown kind "district"/);
  });
});

describe('adminUnitsProblems', () => {
  const units = parseAdminUnitsFile(FILE).units;

  it('finds nothing wrong with a sound list', () => {
    expect(adminUnitsProblems(units)).toEqual([]);
  });

  it('names a duplicate code, a commune of no listed province, a code of the wrong length, a misnamed unit', () => {
    const bad = [
      ...units,
      { code: '29263', kind: 'commune' as const, name: 'Xã Long Đức', provinceCode: '86' },
      { code: '30112', kind: 'commune' as const, name: 'Xã Mỹ Hiệp', provinceCode: '82' },
      { code: '8', kind: 'province' as const, name: 'Tỉnh Tuyên Quang', provinceCode: null },
      { code: '30226', kind: 'commune' as const, name: 'Phường Lai Vung', provinceCode: '86' },
      { code: '96', kind: 'province' as const, name: 'Tỉnh Cà Mau', provinceCode: '86' },
    ];
    expect(adminUnitsProblems(bad)).toEqual([
      '29263: code listed twice',
      '30112: province 82 is not in the list',
      '8: a province-level code has 2 digits',
      `30226: name "Phường Lai Vung" does not read as a commune's`,
      '96: a province-level unit belongs to no province',
    ]);
  });
});

describe('adminUnitCounts', () => {
  it('counts each kind and the two levels', () => {
    expect(adminUnitCounts(parseAdminUnitsFile(FILE).units)).toEqual({ city: 1, province: 1, ward: 2, commune: 0, special_zone: 1, provinces: 2, communes: 3 });
  });
});
