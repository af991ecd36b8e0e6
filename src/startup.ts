import type { INestApplication } from '@nestjs/common';
import { AppConfig } from './config/app-config';
import { isDuplicateKeyError } from './database/duplicate-key';
import { DemoSeed, DemoSeedResult } from './demo/demo-seed';
import { IdentityStartup } from './modules/identity/identity-startup';

/**
 * Work done once at start after migrations: the bootstrap admin and then, on a database that had
 * no users and when asked (SEED_DEMO), the demo province. Returns lines to print.
 */
export async function runStartupTasks(app: INestApplication): Promise<string[]> {
  const identity = app.get(IdentityStartup);
  const empty = !(await identity.hasUsers());
  const lines = await identity.ensureBootstrapAdmin();
  if (empty && app.get(AppConfig).SEED_DEMO) {
    try {
      lines.push(...demoLines(await app.get(DemoSeed).seed()));
    } catch (error) {
      // Two instances starting together: the other one's seed committed first.
      if (!isDuplicateKeyError(error)) throw error;
      lines.push('Dữ liệu mẫu đã được một tiến trình khác tạo; bỏ qua.');
    }
  }
  return lines;
}

function demoLines({ summary, logins }: DemoSeedResult): string[] {
  const width = Math.max(...logins.map((l) => l.email.length));
  return [
    ...summary,
    'Tài khoản mẫu (mật khẩu chỉ in một lần này):',
    ...logins.map((l) => `  ${l.role.padEnd(9)} ${l.email.padEnd(width)}  ${l.password}  (${l.fullName})`),
  ];
}
