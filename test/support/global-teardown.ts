import { dropDatabase } from '../../src/database/ensure-database';

export default async function globalTeardown(): Promise<void> {
  if (process.env.KCFUND_TEST_DATABASE && process.env.DATABASE_URL && !process.env.KEEP_TEST_DATABASE) {
    await dropDatabase(process.env.DATABASE_URL);
  }
}
