import type { INestApplication } from '@nestjs/common';

/**
 * Work done once at start after migrations: the bootstrap admin and, on an empty database, the
 * demo province. Returns lines to print.
 */
export async function runStartupTasks(_app: INestApplication): Promise<string[]> {
  return [];
}
