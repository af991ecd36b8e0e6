import type { SetupStep } from '../../modules/budget/budget-setup.service';

/** A set-up step as a link to the form that takes it. */
export interface SetupLink {
  href: string;
  title: string;
  detail: string;
}

const query = (fundCode: string | null, fiscalYear: number) => `?${fundCode ? `nguon=${encodeURIComponent(fundCode)}&` : ''}nam=${fiscalYear}`;

/** The budget's next set-up steps as links to finance's forms, in the order to take them. */
export function setupLinks(steps: readonly SetupStep[]): SetupLink[] {
  return steps.map((s): SetupLink => {
    switch (s.step) {
      case 'create_fund':
        return {
          href: '/ngan-sach/nguon-kinh-phi',
          title: 'Tạo nguồn kinh phí',
          detail: 'Chưa có nguồn kinh phí nào: cơ sở chưa chọn được nguồn để lập đề án. Bước tiếp theo: mở năm ngân sách, giao dự toán, phân bổ cho đơn vị.',
        };
      case 'open_year':
        return {
          href: `/ngan-sach/nam?nam=${s.fiscalYear}`,
          title: `Mở năm ngân sách ${s.fiscalYear}`,
          detail: `Năm ${s.fiscalYear} chưa mở: chưa giao dự toán, phân bổ hay phê duyệt hồ sơ nào của năm này được.`,
        };
      case 'appropriate':
        return {
          href: `/ngan-sach/du-toan${query(s.fundCode, s.fiscalYear)}`,
          title: `Giao dự toán năm ${s.fiscalYear}`,
          detail: `Năm ${s.fiscalYear} đã mở nhưng chưa nguồn kinh phí nào được giao dự toán.`,
        };
      case 'allocate':
        return {
          href: `/ngan-sach/phan-bo${query(s.fundCode, s.fiscalYear)}`,
          title: `Phân bổ cho đơn vị: nguồn ${s.fundCode}, năm ${s.fiscalYear}`,
          detail: 'Đã giao dự toán nhưng chưa phân bổ cho đơn vị nào: cơ sở chưa nộp hồ sơ vào nguồn này được, lãnh đạo chưa phê duyệt được.',
        };
    }
  });
}
