import type { INestApplication } from '@nestjs/common';
import { AppConfig } from './config/app-config';
import { isDuplicateKeyError } from './database/duplicate-key';
import { DemoLogin, DemoSeed } from './demo/demo-seed';
import { AdminUnitsService } from './modules/admin-units/admin-units.service';
import { IdentityStartup } from './modules/identity/identity-startup';

export interface StartupReport {
  /** What to print (no password is ever among them). */
  lines: string[];
  /** The demo logins just created, with their one-time passwords; empty unless the demo was seeded now. */
  demoLogins: DemoLogin[];
}

/**
 * Work done once at start after migrations: the bootstrap admin, the list of administrative units
 * (ADMIN_UNITS_FILE, when none is loaded yet) and then, on a database that had no users and when
 * asked (SEED_DEMO, or development), the demo province.
 */
export async function runStartupTasks(app: INestApplication): Promise<StartupReport> {
  const identity = app.get(IdentityStartup);
  const empty = !(await identity.hasUsers());
  const lines = [...(await identity.ensureBootstrapAdmin()), ...(await loadAdminUnits(app))];
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

/** Loads ADMIN_UNITS_FILE into an empty list of administrative units; says what it did (with the counts). */
async function loadAdminUnits(app: INestApplication): Promise<string[]> {
  const path = app.get(AppConfig).ADMIN_UNITS_FILE;
  if (!path) return [];
  const { loaded, counts } = await app.get(AdminUnitsService).loadFileIfEmpty(path);
  const described = `${counts.provinces} tỉnh, thành phố (${counts.city} thành phố, ${counts.province} tỉnh); ${counts.communes} xã, phường, đặc khu (${counts.commune} xã, ${counts.ward} phường, ${counts.special_zone} đặc khu)`;
  return [loaded ? `Đã nạp danh mục đơn vị hành chính từ ${path}: ${described}.` : `Danh mục đơn vị hành chính đã có (${described}); ADMIN_UNITS_FILE không được nạp lại (nạp danh mục mới qua POST /api/v1/admin-units/import).`];
}
