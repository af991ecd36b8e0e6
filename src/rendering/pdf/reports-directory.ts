import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

let found: string | null = null;

/**
 * The repository's `reports/` folder (layouts, fonts, the PDF worker), found by walking up from
 * this file: it sits four levels up from the TypeScript source and five from the compiled
 * `dist/`, and the same code runs from both.
 */
export function reportsDirectory(): string {
  if (found) return found;
  for (let dir = __dirname; ; dir = dirname(dir)) {
    const candidate = join(dir, 'reports');
    if (existsSync(join(candidate, 'layouts', 'official-document.json'))) {
      found = candidate;
      return candidate;
    }
    if (dirname(dir) === dir) throw new Error('the reports/ folder (layouts and fonts) was not found above ' + __dirname);
  }
}

export interface OfficialLayout {
  pageSize: string;
  pageMargins: { portrait: number[]; landscape: number[] };
  defaultStyle: Record<string, unknown>;
  styles: Record<string, Record<string, unknown>>;
  chart: { width: number; barHeight: number; gap: number; colors: [string, string] };
  footer: { template: string; fontSize: number; margin: number[] };
  docx: { font: string; marginsMm: { top: number; bottom: number; left: number; right: number } };
}

let layout: OfficialLayout | null = null;

/** reports/layouts/official-document.json: page, styles, table rules of every PDF. */
export function officialLayout(): OfficialLayout {
  layout ??= JSON.parse(readFileSync(join(reportsDirectory(), 'layouts', 'official-document.json'), 'utf8')) as OfficialLayout;
  return layout;
}
