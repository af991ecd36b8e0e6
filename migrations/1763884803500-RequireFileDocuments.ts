import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The documents a file of each seeded activity type must carry before it is submitted. The
 * regulation (TT 28/2018/TT-BTC, as amended) asks every đề án for its project plan with the cost
 * estimate (thuyết minh đề án, dự toán kinh phí), and, where the support buys equipment or
 * services (models, machinery, technology lines, fairs abroad), the suppliers' quotations.
 *
 * The seeded versions of 2018-05-12 asked for nothing and a version is never edited, so each
 * seeded type gets a new version for all fund sources from the next day, otherwise the same as
 * the seeded one (rate, cap, advance rate, settlement days, eligibility): a fresh install then
 * refuses a submission without them, whatever date it runs on. A province's own versions (for
 * one fund source, or later dates) are not touched.
 */
const EFFECTIVE_FROM = '2018-05-13';

const VERSIONS: Array<[seededId: string, id: string, kinds: string]> = [
  ['01KAQ6G4000000000000000001', '01KAQ6G5000000000000000001', 'project_plan,quotation'], // demo_model
  ['01KAQ6G4000000000000000002', '01KAQ6G5000000000000000002', 'project_plan,quotation'], // machinery
  ['01KAQ6G4000000000000000003', '01KAQ6G5000000000000000003', 'project_plan,quotation'], // technology_line
  ['01KAQ6G4000000000000000004', '01KAQ6G5000000000000000004', 'project_plan'], // product_selection_regional
  ['01KAQ6G4000000000000000005', '01KAQ6G5000000000000000005', 'project_plan'], // product_selection_national
  ['01KAQ6G4000000000000000006', '01KAQ6G5000000000000000006', 'project_plan,quotation'], // fair_abroad
  ['01KAQ6G4000000000000000007', '01KAQ6G5000000000000000007', 'project_plan'], // cluster_infrastructure
];

export class RequireFileDocuments1763884803500 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    for (const [seededId, id, kinds] of VERSIONS) {
      await db.query(
        `INSERT INTO activity_rules (id, code, name, fund_source, support_rate, support_cap, cap_currency, advance_rate, settlement_due_days, effective_from,
                                     required_document_kinds, eligible_establishment_kinds, max_support_per_establishment_year, requires_commune_code, created_by, created_at)
         SELECT ?, code, name, fund_source, support_rate, support_cap, cap_currency, advance_rate, settlement_due_days, ?,
                ?, eligible_establishment_kinds, max_support_per_establishment_year, requires_commune_code, NULL, UTC_TIMESTAMP(3)
           FROM activity_rules WHERE id = ?`,
        [id, EFFECTIVE_FROM, kinds, seededId],
      );
    }
  }

  async down(): Promise<void> {
    // Versions are never deleted (a trigger refuses it); dropping the table in its migration's
    // down removes them.
  }
}
