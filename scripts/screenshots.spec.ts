import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { FROM_WALK, NOT_FROM_WALK, copyScreenshots } = require('./screenshots.js') as {
  FROM_WALK: Record<string, string>;
  NOT_FROM_WALK: string[];
  copyScreenshots(from: string, to: string): { copied: string[]; missing: string[] };
};

const ROOT = join(__dirname, '..');

describe('README screenshots', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const shown = [...readme.matchAll(/\(docs\/screenshots\/([^)]+\.png)\)/g)].map((m) => m[1]);

  it('come from the browser walk, except the papers, and every one is in docs/screenshots', () => {
    expect(shown.length).toBeGreaterThan(0);
    const inDocs = readdirSync(join(ROOT, 'docs', 'screenshots'));
    for (const name of shown) {
      expect(inDocs).toContain(name);
      expect([...Object.keys(FROM_WALK), ...NOT_FROM_WALK]).toContain(name);
    }
  });

  it("are taken from screenshots the walk's tests still save", () => {
    const tests = ['web.e2e-spec.ts', 'web-phone.e2e-spec.ts', 'web-lists.e2e-spec.ts'].map((f) => readFileSync(join(ROOT, 'test', f), 'utf8')).join('\n');
    for (const source of Object.values(FROM_WALK)) expect(tests).toContain(source.replace(/\.png$/, ''));
  });

  it('copies the walk\'s screenshots under the README names and names the missing ones', () => {
    const from = mkdtempSync(join(tmpdir(), 'walk-'));
    const to = join(mkdtempSync(join(tmpdir(), 'docs-')), 'screenshots');
    const [first, ...rest] = Object.entries(FROM_WALK);
    writeFileSync(join(from, first[1]), 'png');
    const result = copyScreenshots(from, to);
    expect(result.copied).toEqual([first[0]]);
    expect(result.missing).toEqual(rest.map(([, source]) => source));
    expect(readFileSync(join(to, first[0]), 'utf8')).toBe('png');
  });
});
