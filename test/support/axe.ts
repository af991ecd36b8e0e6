import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

/**
 * Accessibility checks with axe-core (a devDependency) in the browser tests: every page a walk
 * opens is checked once, as it stands when the walk is about to act on it or leave it, and the
 * serious and critical violations are collected for one assertion at the end.
 */

/** What a test fails on; minor and moderate findings are for people to weigh. */
const FAILING_IMPACTS = new Set(['serious', 'critical']);

let axeSource: string | undefined;

function axeScript(): string {
  if (axeSource === undefined) {
    let path: string;
    try {
      path = require.resolve('axe-core/axe.min.js');
    } catch {
      throw new Error('axe-core is not installed: the browser tests check accessibility with it (npm install -D axe-core).');
    }
    axeSource = readFileSync(path, 'utf8');
  }
  return axeSource;
}

export interface AccessibilityViolation {
  /** Path and query of the page, and the viewport width it was checked at. */
  page: string;
  width: number;
  rule: string;
  impact: string;
  help: string;
  /** CSS selectors of the first offending elements, and the first one's HTML. */
  targets: string[];
  html: string;
}

interface AxeNode {
  target: unknown[];
  html: string;
}
interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: AxeNode[];
}

/**
 * Runs axe-core on the page as it is now and returns its serious and critical violations. The
 * script is evaluated through the DevTools protocol, which the pages' Content-Security-Policy
 * (scripts from this site only) does not govern, so the policy stays as users get it.
 */
export async function accessibilityViolations(page: Page): Promise<AccessibilityViolation[]> {
  if (!(await page.evaluate(() => 'axe' in globalThis))) await page.evaluate(axeScript());
  const found = (await page.evaluate(async () => {
    const page = globalThis as unknown as { document: unknown; axe: { run(context: unknown, options: object): Promise<{ violations: unknown[] }> } };
    const result = await page.axe.run(page.document, { resultTypes: ['violations'] });
    return result.violations;
  })) as AxeViolation[];
  const url = new URL(page.url());
  const width = page.viewportSize()?.width ?? 0;
  return found
    .filter((v) => FAILING_IMPACTS.has(v.impact ?? ''))
    .map((v) => ({
      page: `${url.pathname}${url.search}`,
      width,
      rule: v.id,
      impact: v.impact ?? '',
      help: v.help,
      targets: v.nodes.slice(0, 3).map((n) => n.target.map(String).join(' ')),
      html: v.nodes[0]?.html.slice(0, 200) ?? '',
    }));
}

/** One line per violation, for a failure message a person can act on. */
export function describeViolation(v: AccessibilityViolation): string {
  return `${v.page} @${v.width}px: ${v.rule} (${v.impact}) ${v.help} — ${v.targets.join(', ')} — ${v.html}`;
}

export interface PageAudit {
  /** Every violation found so far, one line each. */
  violations(): string[];
  /** Paths of the pages checked, in order (a page opened twice in different states is checked twice). */
  readonly checked: string[];
  /** Checks the page now open if it has not been; call before asserting. */
  settle(): Promise<void>;
}

/**
 * Makes `page` check every document it shows: after `goto` and `waitForLoadState` (the page that
 * came), and before `click`, `goto` and `screenshot` (the page about to be acted on or left). A
 * document is checked once (a mark on its window says so), so a walk needs no call per page and
 * pages added to it later are checked too.
 */
export function auditEveryPage(page: Page): PageAudit {
  const found: AccessibilityViolation[] = [];
  const checked: string[] = [];

  async function checkCurrent(): Promise<void> {
    if (page.isClosed() || !/^https?:/.test(page.url())) return;
    let fresh: boolean;
    try {
      await original.waitForLoadState('load');
      fresh = await page.evaluate(() => {
        const w = globalThis as unknown as { __accessibilityChecked?: boolean };
        if (w.__accessibilityChecked) return false;
        w.__accessibilityChecked = true;
        return true;
      });
    } catch {
      return; // the page is navigating: the document that comes is checked when it has loaded
    }
    if (!fresh) return;
    const url = new URL(page.url());
    try {
      found.push(...(await accessibilityViolations(page)));
    } catch (error) {
      // Only a document that went away while it was checked is let go; it is not counted as checked.
      if (/context was destroyed|navigat|Target closed/i.test((error as Error).message)) return;
      throw error;
    }
    checked.push(`${url.pathname}${url.search}`);
  }

  const original = {
    goto: page.goto.bind(page),
    click: page.click.bind(page),
    screenshot: page.screenshot.bind(page),
    waitForLoadState: page.waitForLoadState.bind(page),
  };
  page.goto = async (...args: Parameters<Page['goto']>) => {
    await checkCurrent();
    const response = await original.goto(...args);
    await checkCurrent();
    return response;
  };
  page.click = async (...args: Parameters<Page['click']>) => {
    await checkCurrent();
    return original.click(...args);
  };
  page.screenshot = async (...args: Parameters<Page['screenshot']>) => {
    await checkCurrent();
    return original.screenshot(...args);
  };
  page.waitForLoadState = async (...args: Parameters<Page['waitForLoadState']>) => {
    await original.waitForLoadState(...args);
    await checkCurrent();
  };

  return {
    violations: () => found.map(describeViolation),
    checked,
    settle: checkCurrent,
  };
}
