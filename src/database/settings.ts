import type { DataSource } from 'typeorm';

/**
 * The value of a shared setting, made by `create` and stored by whichever instance asks first.
 * Two instances asking at once both read back the one row that won (INSERT IGNORE on the key).
 */
export async function sharedSetting(db: DataSource, name: string, create: () => string): Promise<string> {
  const read = async (): Promise<string | undefined> =>
    ((await db.query('SELECT value FROM settings WHERE name = ?', [name])) as { value: string }[])[0]?.value;
  const existing = await read();
  if (existing !== undefined) return existing;
  await db.query('INSERT IGNORE INTO settings (name, value, created_at) VALUES (?, ?, UTC_TIMESTAMP(3))', [name, create()]);
  const stored = await read();
  if (stored === undefined) throw new Error(`setting ${name} could not be stored`);
  return stored;
}
