import { Money } from '../../../common/money/decimal';
import { grantAmount, toGrant } from './grants.rules';

const source = {
  applicationId: '01KAQ6G4000000000000000099',
  title: 'Ứng dụng máy sấy nông sản',
  activityTypeCode: 'machinery',
  activityTypeName: 'Hỗ trợ ứng dụng máy móc thiết bị tiên tiến',
  establishmentId: 'E1',
  establishmentName: 'HTX Mỹ Hiệp',
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
});
