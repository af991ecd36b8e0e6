import type { EntityManager } from 'typeorm';

/** The name of each activity type, by code: its latest version's (the reports name activity types, never print codes). */
export async function latestActivityNames(db: EntityManager): Promise<Map<string, string>> {
  const rows: Array<{ code: string; name: string }> = await db.query(
    `SELECT r.code, r.name FROM activity_rules r
      JOIN (SELECT code, MAX(effective_from) AS latest FROM activity_rules GROUP BY code) v ON v.code = r.code AND v.latest = r.effective_from
      ORDER BY r.created_at`,
  );
  return new Map(rows.map((r) => [String(r.code), String(r.name)]));
}
