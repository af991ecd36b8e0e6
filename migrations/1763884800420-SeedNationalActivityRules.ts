import { MigrationInterface, QueryRunner } from 'typeorm';

/** From the day TT 28/2018/TT-BTC took effect; amounts as amended by TT 64/2024/TT-BTC. */
const EFFECTIVE_FROM = '2018-05-12';

/**
 * The national defaults of DOMAIN.md, for every fund source. Fairs abroad have no fixed cap (set
 * per decision); vocational training, consultancy, brands and information are set by the
 * province and are added through POST /activity-types.
 */
const RULES: Array<[id: string, code: string, name: string, rate: string, cap: string | null, advanceRate: string]> = [
  ['01KAQ6G4000000000000000001', 'demo_model', 'Xây dựng mô hình trình diễn kỹ thuật để phổ biến công nghệ mới, sản xuất sản phẩm mới', '0.30', '1000000000', '0.70'],
  ['01KAQ6G4000000000000000002', 'machinery', 'Hỗ trợ ứng dụng máy móc thiết bị tiên tiến, chuyển giao công nghệ vào sản xuất', '0.50', '300000000', '0.70'],
  ['01KAQ6G4000000000000000003', 'technology_line', 'Hỗ trợ ứng dụng dây chuyền công nghệ tiên tiến vào sản xuất', '0.50', '450000000', '0.70'],
  ['01KAQ6G4000000000000000004', 'product_selection_regional', 'Tổ chức bình chọn sản phẩm công nghiệp nông thôn tiêu biểu cấp khu vực', '1.00', '200000000', '0.70'],
  ['01KAQ6G4000000000000000005', 'product_selection_national', 'Tổ chức bình chọn sản phẩm công nghiệp nông thôn tiêu biểu cấp quốc gia', '1.00', '400000000', '0.70'],
  ['01KAQ6G4000000000000000006', 'fair_abroad', 'Tổ chức, tham gia hội chợ, triển lãm ở nước ngoài', '1.00', null, '0.70'],
  ['01KAQ6G4000000000000000007', 'cluster_infrastructure', 'Hỗ trợ đầu tư xây dựng hạ tầng kỹ thuật cụm công nghiệp', '1.00', '6000000000', '0.30'],
];

export class SeedNationalActivityRules1763884800420 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    for (const [id, code, name, rate, cap, advanceRate] of RULES) {
      await db.query(
        `INSERT INTO activity_rules (id, code, name, fund_source, support_rate, support_cap, advance_rate, settlement_due_days, effective_from, created_by, created_at)
         VALUES (?, ?, ?, 'all', ?, ?, ?, 15, ?, NULL, UTC_TIMESTAMP(3))`,
        [id, code, name, rate, cap, advanceRate, EFFECTIVE_FROM],
      );
    }
  }

  async down(): Promise<void> {
    // Versions are never deleted (a trigger refuses it); dropping the table in the previous
    // migration's down removes them.
  }
}
