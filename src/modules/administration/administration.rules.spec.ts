import { deactivationRefusal } from './administration.rules';

describe('deactivationRefusal', () => {
  const none = { total: 0, files: [] };

  it('lets an empty unit close', () => {
    expect(deactivationRefusal({ unitName: 'Phòng A', holdings: [], openFiles: none })).toBeNull();
  });

  it('names every fund and year holding money, in vi-VN figures', () => {
    const detail = deactivationRefusal({
      unitName: 'Phòng A',
      holdings: [
        { fundCode: 'KC-DP', fiscalYear: 2031, currency: 'VND', available: '1250000' },
        { fundCode: 'TT', fiscalYear: 2032, currency: 'USD', available: '12.30' },
      ],
      openFiles: none,
    });
    expect(detail).toContain('"Phòng A"');
    expect(detail).toContain('1.250.000 ₫ (nguồn KC-DP, năm 2031)');
    expect(detail).toContain('(nguồn TT, năm 2032)');
    expect(detail).not.toContain('hồ sơ chưa kết thúc');
  });

  it('names the open files, with their status, and counts those not listed', () => {
    const detail = deactivationRefusal({
      unitName: 'Phòng A',
      holdings: [],
      openFiles: { total: 3, files: [{ id: '1', title: 'Máy sấy nông sản', status: 'under_review' }] },
    });
    expect(detail).toContain('còn 3 hồ sơ chưa kết thúc: "Máy sấy nông sản"');
    expect(detail).toContain('và 2 hồ sơ khác');
    expect(detail).not.toContain('kinh phí khả dụng');
  });
});
