import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { AdminUnitsFile, adminUnitsProblems, parseAdminUnitsFile } from './admin-units.rules';

/**
 * The national list of administrative units in force since 1 July 2025, as shipped: a
 * tab-separated file whose header records its source, legal basis, date, licence and counts. A
 * later list is a new file (and a new migration loading it); the migration that loaded this one
 * names it itself.
 */
export const ADMIN_UNITS_FILE_NAME = 'admin-units-2025-07-01.tsv';

/**
 * Where the file is: `shared/data/<name>`, found by walking up from this file, so the same code
 * finds it from the TypeScript source and from `dist/`. The list is public data taken from
 * outside the project, kept in shared/ beside the repository (CI lays a copy of shared/ there).
 */
export function adminUnitsFilePath(fileName = ADMIN_UNITS_FILE_NAME): string {
  for (let dir = __dirname; ; dir = dirname(dir)) {
    const candidate = join(dir, 'shared', 'data', fileName);
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) throw new Error(`the list of administrative units, shared/data/${fileName}, was not found above ${__dirname}`);
  }
}

/** The shipped list, read and checked: a list with a duplicate code or an orphan commune is refused whole. */
export function readAdminUnitsFile(path = adminUnitsFilePath()): AdminUnitsFile {
  const file = parseAdminUnitsFile(readFileSync(path, 'utf8'));
  const problems = adminUnitsProblems(file.units);
  if (problems.length) throw new Error(`${path}: ${problems.length} problems, first: ${problems.slice(0, 5).join('; ')}`);
  return file;
}
