import { budgetChart } from './budget-chart';

describe('budgetChart', () => {
  it('draws each unit to one scale, segments side by side, figures exact in the titles', () => {
    const chart = budgetChart(
      [
        { label: 'Trung tâm', disbursed: '210000000', committed: '90000000', available: '4700000000' },
        { label: 'Xã', disbursed: '0', committed: '0', available: '2500000000' },
      ],
      'VND',
    );
    expect(chart.rows[0].segments.map((s) => [s.kind, s.x, s.width])).toEqual([
      ['disbursed', '0.00', '26.88'],
      ['committed', '26.88', '11.52'],
      ['available', '38.40', '601.60'],
    ]);
    expect(chart.rows[0].total).toBe('5.000.000.000 ₫');
    expect(chart.rows[0].segments[0].title).toBe('Đã giải ngân: 210.000.000 ₫');
    expect(chart.rows[1].segments).toEqual([{ kind: 'available', x: '0.00', width: '320.00', title: 'Còn khả dụng: 2.500.000.000 ₫' }]);
    expect(chart.height).toBe(96);
  });

  it('draws nothing for empty books', () => {
    expect(budgetChart([{ label: 'A', disbursed: '0', committed: '0', available: '0' }], 'VND').rows[0].segments).toEqual([]);
  });
});
