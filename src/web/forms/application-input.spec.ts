import { applicationInput, rowRenamer, settlementInput } from './application-input';

describe('application form input', () => {
  it('builds the API body from the form, rows in order, blank rows skipped', () => {
    const { input, formIndexes } = applicationInput({
      establishmentId: '01J',
      activityTypeCode: 'machinery',
      fiscalYear: '2026',
      fundCode: 'KCDP',
      title: 'Máy sấy',
      communeCode: '',
      startDate: '2026-04-01',
      'costLines[0].description': 'Máy sấy lúa',
      'costLines[0].quantity': '1,5',
      'costLines[0].unitPrice': '400.000.000',
      'costLines[0].eligible': 'on',
      'costLines[1].description': '',
      'costLines[1].quantity': '',
      'costLines[2].description': 'Nhà xưởng',
      'costLines[2].quantity': '1',
      'costLines[2].unitPrice': '100000000',
      requestedSupport: '300.000.000',
    });
    expect(input).toEqual({
      establishmentId: '01J',
      activityTypeCode: 'machinery',
      fiscalYear: 2026,
      fundCode: 'KCDP',
      title: 'Máy sấy',
      communeCode: undefined,
      startDate: '2026-04-01',
      endDate: undefined,
      costLines: [
        { description: 'Máy sấy lúa', quantity: '1.5', unitPrice: '400000000', eligible: true },
        { description: 'Nhà xưởng', quantity: '1', unitPrice: '100000000', eligible: false },
      ],
      requestedSupport: '300000000',
    });
    expect(formIndexes).toEqual([0, 2]);
    expect(rowRenamer('costLines', formIndexes)('costLines[1].unitPrice')).toBe('costLines[2].unitPrice');
    expect(rowRenamer('costLines', formIndexes)('title')).toBe('title');
  });

  it('builds the settlement body', () => {
    expect(settlementInput({ 'actualCostLines[0].description': 'Máy', 'actualCostLines[0].amount': '0', 'actualCostLines[0].documentRef': ' HĐ 1 ' }).input).toEqual({
      actualCostLines: [{ description: 'Máy', amount: '0', eligible: false, documentRef: 'HĐ 1' }],
    });
  });
});
