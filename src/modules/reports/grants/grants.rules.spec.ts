import { Money } from '../../../common/money/decimal';
import { grandTotals, grantAmount, grantsCsv, grantTotals, PublishedGrant, recipientId, toGrant, toPublishedGrant } from './grants.rules';

const source = {
  applicationId: '01KAQ6G4000000000000000099',
  title: 'Ứng dụng máy sấy nông sản',
  activityTypeCode: 'machinery',
  activityTypeName: 'Hỗ trợ ứng dụng máy móc thiết bị tiên tiến',
  establishmentId: 'E1',
  establishmentName: 'HTX Mỹ Hiệp',
  establishmentKind: 'cooperative',
  taxCode: '0312345678',
  communeCode: '30001',
  communeName: 'Xã Mỹ Hiệp',
  fundCode: 'KCTT',
  fundName: 'Kinh phí khuyến công quốc gia',
  fundSource: 'sponsor',
  sponsorName: 'Tổ chức ABC',
  currency: 'VND',
  approvedSupport: new Money('300000000'),
  decisionNo: '12/QĐ-SCT',
  decisionDate: '2026-05-04',
  startDate: '2026-06-01',
  endDate: null,
  updatedAt: new Date('2026-05-04T03:00:00Z'),
};

describe('360Giving grant', () => {
  it('carries the required fields, prefixed identifiers and a JSON number amount', () => {
    const grant = toGrant(source, { prefix: '360G-kcfund', issuingBody: 'SỞ CÔNG THƯƠNG' });
    expect(grant).toMatchObject({
      id: '360G-kcfund-01KAQ6G4000000000000000099',
      title: 'Ứng dụng máy sấy nông sản',
      currency: 'VND',
      amountAwarded: 300000000,
      awardDate: '2026-05-04',
      recipientOrganization: [{ id: '360G-kcfund-MST-0312345678', name: 'HTX Mỹ Hiệp' }],
      fundingOrganization: [{ id: '360G-kcfund', name: 'SỞ CÔNG THƯƠNG' }, { id: '360G-kcfund-fund-KCTT', name: 'Tổ chức ABC' }],
      beneficiaryLocation: [{ name: 'Xã Mỹ Hiệp', geoCode: '30001', countryCode: 'VN' }],
      plannedDates: [{ startDate: '2026-06-01' }],
    });
    expect(grant.description).toContain('12/QĐ-SCT');
  });

  it('converts amounts at the edge only, keeping cents for other currencies', () => {
    expect(grantAmount(new Money('2500.50'), 'USD')).toBe(2500.5);
    expect(grantAmount(new Money('1000000000'), 'VND')).toBe(1e9);
  });

  it("names a household business by its establishment, never by its owner's personal tax code", () => {
    const household = { ...source, establishmentKind: 'household_business', establishmentName: 'Hộ kinh doanh Nguyễn Thị Lan', taxCode: '8001234567' };
    const grant = toGrant(household, { prefix: '360G-kcfund', issuingBody: 'SỞ CÔNG THƯƠNG' });
    expect(grant.recipientOrganization).toEqual([{ id: '360G-kcfund-CS-E1', name: 'Hộ kinh doanh Nguyễn Thị Lan' }]);
    expect(JSON.stringify(grant)).not.toContain('8001234567');
    expect(recipientId({ establishmentKind: 'enterprise', establishmentId: 'E2', taxCode: '0312345678-001' }, 'P')).toBe('P-MST-0312345678-001');
  });
});

describe('360Giving spreadsheet (CSV)', () => {
  const options = { prefix: '360G-kcfund', issuingBody: 'SỞ CÔNG THƯƠNG' };

  it("has the standard's column titles and one row per grant, the amount as the JSON's", () => {
    const csv = grantsCsv([toGrant(source, options), toGrant({ ...source, applicationId: 'A2', title: '=HYPERLINK("x")', approvedSupport: new Money('1250000') }, options)]);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0].split(',').slice(0, 6)).toEqual(['Identifier', 'Title', 'Description', 'Currency', 'Amount Awarded', 'Award Date']);
    expect(lines[0]).toContain('Recipient Org:Identifier,Recipient Org:Name,Beneficiary Location:Name,Beneficiary Location:Geographic Code');
    expect(lines).toHaveLength(4); // header, two grants, and the empty string after the last line break
    expect(lines[1].startsWith('360G-kcfund-01KAQ6G4000000000000000099,Ứng dụng máy sấy nông sản,')).toBe(true);
    expect(lines[1]).toContain(',VND,300000000,2026-05-04,2026-06-01,,360G-kcfund-MST-0312345678,HTX Mỹ Hiệp,Xã Mỹ Hiệp,30001,VN,');
    // A title typed like a formula is never run by a spreadsheet.
    expect(lines[2]).toContain(`"'=HYPERLINK(""x"")"`);
    expect(lines[2]).toContain(',VND,1250000,');
  });
});

describe('the public page: grants and their totals', () => {
  const grant = (over: Partial<PublishedGrant>): PublishedGrant => ({ ...toPublishedGrant(source), ...over });

  it('publishes what the decision does, the amount as a money string', () => {
    expect(toPublishedGrant(source)).toEqual({
      title: 'Ứng dụng máy sấy nông sản',
      recipientName: 'HTX Mỹ Hiệp',
      activityTypeCode: 'machinery',
      activityTypeName: 'Hỗ trợ ứng dụng máy móc thiết bị tiên tiến',
      communeCode: '30001',
      communeName: 'Xã Mỹ Hiệp',
      currency: 'VND',
      amount: '300000000',
      decisionNo: '12/QĐ-SCT',
      decisionDate: '2026-05-04',
    });
  });

  it('totals by activity type and by commune, per currency, grants without a commune last', () => {
    const grants = [
      grant({ amount: '300000000' }),
      grant({ activityTypeCode: 'training', activityTypeName: 'Đào tạo nghề', communeCode: '30002', communeName: 'Xã Tân Phú', amount: '50000000' }),
      grant({ amount: '125000000.5', currency: 'USD' }),
      grant({ communeCode: null, communeName: null, amount: '20000000' }),
      grant({ activityTypeCode: 'training', activityTypeName: 'Đào tạo nghề', amount: '10000000' }),
    ];
    expect(grantTotals(grants, 'activity')).toEqual([
      { code: 'machinery', name: 'Hỗ trợ ứng dụng máy móc thiết bị tiên tiến', currency: 'VND', grants: 2, amount: '320000000' },
      { code: 'machinery', name: 'Hỗ trợ ứng dụng máy móc thiết bị tiên tiến', currency: 'USD', grants: 1, amount: '125000000.50' },
      { code: 'training', name: 'Đào tạo nghề', currency: 'VND', grants: 2, amount: '60000000' },
    ]);
    expect(grantTotals(grants, 'commune')).toEqual([
      { code: '30001', name: 'Xã Mỹ Hiệp', currency: 'VND', grants: 2, amount: '310000000' },
      { code: '30001', name: 'Xã Mỹ Hiệp', currency: 'USD', grants: 1, amount: '125000000.50' },
      { code: '30002', name: 'Xã Tân Phú', currency: 'VND', grants: 1, amount: '50000000' },
      { code: null, name: null, currency: 'VND', grants: 1, amount: '20000000' },
    ]);
    expect(grandTotals(grants)).toEqual([
      { code: null, name: null, currency: 'VND', grants: 4, amount: '380000000' },
      { code: null, name: null, currency: 'USD', grants: 1, amount: '125000000.50' },
    ]);
    expect(grandTotals([])).toEqual([]);
  });
});
