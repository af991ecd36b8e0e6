import type { INestApplication } from '@nestjs/common';
import { AppConfig } from './config/app-config';
import { isDuplicateKeyError } from './database/duplicate-key';
import { DemoLogin, DemoSeed } from './demo/demo-seed';
import { IdentityStartup } from './modules/identity/identity-startup';

export interface StartupReport {
  /** What to print (no password is ever among them). */
  lines: string[];
  /** The demo logins just created, with their one-time passwords; empty unless the demo was seeded now. */
  demoLogins: DemoLogin[];
}

/**
 * Work done once at start after migrations: the bootstrap admin and then, on a database that had
 * no users and when asked (SEED_DEMO, or development), the demo province.
 */
export async function runStartupTasks(app: INestApplication): Promise<StartupReport> {
  const identity = app.get(IdentityStartup);
  const empty = !(await identity.hasUsers());
  const lines = await identity.ensureBootstrapAdmin();
  if (!empty || !app.get(AppConfig).seedDemo) return { lines, demoLogins: [] };
  try {
    const { summary, logins } = await app.get(DemoSeed).seed();
    return { lines: [...lines, ...summary], demoLogins: logins };
  } catch (error) {
    // Two instances starting together: the other one's seed committed first.
    if (!isDuplicateKeyError(error)) throw error;
    return { lines: [...lines, 'Dữ liệu mẫu đã được một tiến trình khác tạo; bỏ qua.'], demoLogins: [] };
  }
}
