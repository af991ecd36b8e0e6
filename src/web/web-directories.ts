import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

const found = new Map<string, string>();

/**
 * The repository's `views/` (templates) or `public/` (CSS, JS) folder, found by walking up from
 * this file: the same code runs from the TypeScript source and from the compiled `dist/`.
 */
export function webDirectory(name: 'views' | 'public'): string {
  const cached = found.get(name);
  if (cached) return cached;
  const marker = name === 'views' ? 'layout.njk' : 'app.css';
  for (let dir = __dirname; ; dir = dirname(dir)) {
    const candidate = join(dir, name);
    if (existsSync(join(candidate, marker))) {
      found.set(name, candidate);
      return candidate;
    }
    if (dirname(dir) === dir) throw new Error(`the ${name}/ folder of the web pages was not found above ${__dirname}`);
  }
}
