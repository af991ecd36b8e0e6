import { adminUnitCounts, readAdminUnitsList } from './admin-units.rules';

const LIST = [
  '# Danh mục cho phép thử',
  '# source: https://danhmuchanhchinh.nso.gov.vn/',
  '# date: 2025-07-01',
  '',
  '01\tcity\tThành phố Hà Nội\t',
  '86\tprovince\tTỉnh Vĩnh Long\t',
  '00004\tward\tPhường Ba Đình\t01',
  '29263\tward\tPhường Long Đức\t86\r',
  '29999\tcommune\tXã Thử\t86',
  '31078\tspecial_zone\tĐặc khu Thử\t86',
].join('\n');

const problemsOf = (text: string) => {
  const reading = readAdminUnitsList(text);
  if (reading.ok) throw new Error('expected the list to be refused');
  return reading.problems;
};

describe('readAdminUnitsList', () => {
  it('reads the header and the units (a province with no province of its own, CRLF or LF, a BOM)', () => {
    const reading = readAdminUnitsList(`\uFEFF${LIST}`);
    expect(reading.ok).toBe(true);
    if (!reading.ok) return;
    expect(reading.file.header).toEqual({ source: 'https://danhmuchanhchinh.nso.gov.vn/', date: '2025-07-01' });
    expect(reading.file.units).toHaveLength(6);
    expect(reading.file.units[0]).toEqual({ code: '01', kind: 'city', name: 'Thành phố Hà Nội', provinceCode: null });
    expect(reading.file.units[3]).toEqual({ code: '29263', kind: 'ward', name: 'Phường Long Đức', provinceCode: '86' });
  });

  it('takes a commune listed before its province', () => {
    expect(readAdminUnitsList('29263\tward\tPhường Long Đức\t86\n86\tprovince\tTỉnh Vĩnh Long\t').ok).toBe(true);
  });

  it('refuses a line that is not four fields, or of an unknown kind, naming the line', () => {
    expect(problemsOf('01\tcity\tThành phố Hà Nội')).toEqual([{ field: 'dòng 1', message: 'cần 4 cột phân cách bằng dấu tab (mã, loại, tên, mã tỉnh), có 3' }]);
    expect(problemsOf(`${LIST}\n001\tdistrict\tQuận Ba Đình\t01`)).toEqual([
      { field: 'dòng 11', message: 'loại "district" không hợp lệ; chỉ nhận: province, city, ward, commune, special_zone' },
    ]);
  });

  it('refuses codes of the wrong length, a province under a province, a commune with no province', () => {
    expect(problemsOf(`${LIST}\n8\tprovince\tTỉnh Tám\t\n96\tprovince\tTỉnh Cà Mau\t86\n2926\tward\tPhường Bốn\t86\n30000\tcommune\tXã Không Tỉnh\t`)).toEqual([
      { field: 'dòng 11', message: 'mã tỉnh, thành phố "8" phải gồm 2 chữ số' },
      { field: 'dòng 12', message: 'tỉnh, thành phố 96 không thuộc tỉnh nào: cột mã tỉnh phải để trống' },
      { field: 'dòng 13', message: 'mã xã, phường, đặc khu "2926" phải gồm 5 chữ số' },
      { field: 'dòng 14', message: 'xã, phường, đặc khu 30000 thiếu mã tỉnh, thành phố' },
    ]);
  });

  it('refuses a duplicate code and a commune whose province is not in the list, every problem in line order', () => {
    expect(problemsOf(`${LIST}\n30112\tcommune\tXã Mỹ Hiệp\t82\n29263\tcommune\tXã Long Đức\t86\n30226\tcommune\t\t86`)).toEqual([
      { field: 'dòng 11', message: 'xã, phường, đặc khu 30112 thuộc tỉnh mã 82, nhưng danh mục không có tỉnh, thành phố mã đó' },
      { field: 'dòng 12', message: 'mã 29263 trùng với dòng 8' },
      { field: 'dòng 13', message: 'đơn vị 30226 thiếu tên' },
    ]);
  });

  it('refuses a list with no unit at all, and one too long to be a list', () => {
    expect(problemsOf('# source: x\n\n')).toEqual([{ field: 'file', message: 'tệp không có dòng đơn vị hành chính nào' }]);
    expect(problemsOf('\n'.repeat(20_000))[0].message).toMatch(/^tệp có 20001 dòng, tối đa 20000 dòng$/);
  });
});

describe('adminUnitCounts', () => {
  it('counts each kind and the two levels', () => {
    const reading = readAdminUnitsList(LIST);
    if (!reading.ok) throw new Error('sound list refused');
    expect(adminUnitCounts(reading.file.units)).toEqual({ city: 1, province: 1, ward: 2, commune: 1, special_zone: 1, provinces: 2, communes: 4 });
  });
});
