import type { INestApplication } from '@nestjs/common';
import { IdentityStartup } from './modules/identity/identity-startup';

/**
 * Work done once at start after migrations: the bootstrap admin and, on an empty database, the
 * demo province. Returns lines to print.
 */
export async function runStartupTasks(app: INestApplication): Promise<string[]> {
  return app.get(IdentityStartup).run();
}
