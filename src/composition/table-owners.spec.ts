import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * One owner per table: a module's SQL names only its own tables. Another module's rows are read
 * or changed through what that module exports (a service method, a view), so the boundary check
 * can see every dependency. The owners come from the entities (`@Entity('table')` in a module's
 * folder) and, for tables without an entity, from the list below.
 */
const SRC = join(__dirname, '..');

const OWNED_WITHOUT_ENTITY: Record<string, string> = {
  appropriations: 'budget',
  audit_head: 'audit',
  web_sessions: 'web',
};

/**
 * Read models allowed to read across modules, each with its reason; they only read. Reports
 * aggregate every module's rows in SQL by design (CONVENTIONS: "Reports aggregate in SQL"; the
 * 10,000-file annual review). Reconciliation streams every payment and receipt recorded in a
 * statement's window to match 100,000-line treasury statements.
 */
const READ_MODELS = [/^modules\/reports\//, /^modules\/reconciliation\/recorded-movements\.ts$/];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path);
    return name.endsWith('.ts') && !name.endsWith('.spec.ts') ? [path] : [];
  });
}

function moduleOf(path: string): string | null {
  const rel = relative(SRC, path).replace(/\\/g, '/');
  const m = /^modules\/([a-z-]+)\//.exec(rel) ?? /^(web|demo)\//.exec(rel);
  return m ? m[1] : null;
}

function owners(): Map<string, string> {
  const map = new Map<string, string>(Object.entries(OWNED_WITHOUT_ENTITY));
  for (const file of files(join(SRC, 'modules'))) {
    for (const m of readFileSync(file, 'utf8').matchAll(/@Entity\('([a-z_]+)'\)/g)) map.set(m[1], moduleOf(file)!);
  }
  return map;
}

/** Table names after FROM, JOIN, INTO, UPDATE inside the string literals of a file (comments aside). */
function tablesNamed(source: string): Set<string> {
  const found = new Set<string>();
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  for (const literal of code.matchAll(/(['"`])((?:\\.|(?!\1)[\s\S])*?)\1/g)) {
    for (const m of literal[2].matchAll(/\b(?:FROM|JOIN|INTO|UPDATE)\s+`?([a-z_]+)`?/gi)) found.add(m[1]);
  }
  return found;
}

describe('one owner per table', () => {
  const owner = owners();

  it('knows the owner of every table the migrations create', () => {
    const created = new Set<string>();
    for (const file of files(join(SRC, '..', 'migrations'))) {
      for (const m of readFileSync(file, 'utf8').matchAll(/CREATE TABLE ([a-z_]+)/g)) created.add(m[1]);
    }
    const unowned = [...created].filter((t) => !owner.has(t) && !['idempotency_keys', 'settings', 'scheduled_runs'].includes(t));
    expect(unowned).toEqual([]);
  });

  it("no module's SQL names another module's table (reports, a read model, excepted)", () => {
    const crossings: Record<string, string[]> = {};
    const places = ['modules', 'web', 'demo'].map((d) => join(SRC, d)).filter((d) => existsSync(d));
    for (const file of places.flatMap(files)) {
      const rel = relative(SRC, file).replace(/\\/g, '/');
      if (READ_MODELS.some((re) => re.test(rel))) continue;
      const mine = moduleOf(file);
      const foreign = [...tablesNamed(readFileSync(file, 'utf8'))].filter((t) => owner.has(t) && owner.get(t) !== mine);
      if (foreign.length) crossings[rel] = foreign.sort();
    }
    expect(crossings).toEqual({});
  });
});
