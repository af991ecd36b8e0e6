import { existsSync, mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { TestApp } from './test-app';

/** Debian's Chromium, never a downloaded browser (.ci/run installs it). */
export const CHROMIUM = '/usr/bin/chromium';
export const SCREENSHOTS = join(__dirname, '..', '..', 'test-output', 'screenshots');
export const DESK = { width: 1280, height: 900 };
export const PHONE = { width: 390, height: 844 };

const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--lang=vi-VN'];

export interface BrowserSession {
  /** `http://127.0.0.1:<port>` of the app, now listening. */
  base: string;
  /** Script errors and refused resources (the CSP) on any page: a test expects none. */
  scriptErrors: string[];
  /** A page in a browser context of its own (its own cookies), vi-VN in Hà Nội's time zone. */
  newPage(options?: { viewport?: { width: number; height: number } }): Promise<Page>;
  close(): Promise<void>;
}

/**
 * The app listening on loopback and Chromium headless beside it, the way a person reaches the
 * pages. A refused form is answered with its 4xx status on purpose, so those console lines are
 * not counted as errors; anything else is.
 */
export async function openBrowser(t: TestApp): Promise<BrowserSession> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium is not installed at ${CHROMIUM}: the browser tests need Debian's package (apt-get install -y chromium; .ci/run installs it).`);
  }
  mkdirSync(SCREENSHOTS, { recursive: true });
  await t.app.listen(0, '127.0.0.1');
  const base = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
  const browser: Browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
  const contexts: BrowserContext[] = [];
  const scriptErrors: string[] = [];
  return {
    base,
    scriptErrors,
    async newPage(options = {}) {
      const context = await browser.newContext({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', viewport: options.viewport ?? DESK });
      contexts.push(context);
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      page.on('pageerror', (error) => scriptErrors.push(error.message));
      page.on('console', (message) => {
        if (message.type() === 'error' && !/status of 4\d\d/.test(message.text())) scriptErrors.push(message.text());
      });
      return page;
    },
    async close() {
      for (const context of contexts) await context.close();
      await browser.close();
    },
  };
}
