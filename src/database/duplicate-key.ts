/**
 * A unique key refused the row (MariaDB 1062), or a use case found the row already there
 * (`DUPLICATE`): what a second instance meets when two start on one database together.
 */
export function isDuplicateKeyError(error: unknown): boolean {
  const e = error as { errno?: number; driverError?: { errno?: number }; code?: string };
  return (e?.driverError?.errno ?? e?.errno) === 1062 || e?.code === 'DUPLICATE';
}
