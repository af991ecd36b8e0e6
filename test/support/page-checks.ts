import type { Page } from 'playwright-core';
import { accessibilityViolations, describeViolation } from './axe';

/** The checks every page of a browser walk passes, on a phone and on a desktop. */

// The browser's own globals, inside page.evaluate (the tests compile without the DOM library).
declare const document: any;
declare const window: any;
declare const Event: any;

/** An id as the service makes them (ULID): never something a person should have to read. */
export const ULID = /\b[0-9A-HJKMNP-TV-Z]{26}\b/;
export const ISO_DATE = /\b\d{4}-\d{2}-\d{2}\b/;

/**
 * What is wrong with the open page for a reader on a screen `width` px wide, if anything: wider
 * than the screen, a box scrolling sideways with no hint, a serious or critical axe-core
 * violation, an id where a name belongs, a date not in vi-VN form, an amount without the space
 * before ₫, a table hint that lies. Steps folded away are measured open, then folded again.
 */
export async function pageProblems(page: Page, width: number): Promise<string[]> {
  // Forms folded away are measured open: a step opened later must fit too.
  const found = await page.evaluate((viewport) => {
    document.querySelectorAll('details:not([open])').forEach((d: any) => {
      d.setAttribute('open', '');
      d.setAttribute('data-measured-open', '');
    });
    window.dispatchEvent(new Event('resize'));
    const problems: string[] = [];
    const scrollWidth = document.documentElement.scrollWidth;
    if (scrollWidth > viewport) {
      const widest = [...document.querySelectorAll('main *')]
        .filter((el) => el.getBoundingClientRect().right > viewport + 1 && !el.closest('.table-wrap, .code'))
        .map((el) => `${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).replace(/\s+/g, '.')}` : ''}`)
        .slice(-3);
      problems.push(`${scrollWidth} px wide (${widest.join(', ')})`);
    }
    // Nothing scrolls sideways inside the page (a menu, a box) except a table with its swipe hint:
    // a person cannot guess that more is hidden to the right.
    const name = (el: any) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className ? `.${String(el.className).trim().replace(/\s+/g, '.')}` : ''}`;
    for (const el of document.querySelectorAll('body *')) {
      const box = el as any;
      // Form controls scroll their own text; a drawing (SVG) never scrolls.
      if (box.clientWidth === 0 || box.matches('input, select, textarea') || box.namespaceURI !== 'http://www.w3.org/1999/xhtml') continue;
      if (box.scrollWidth <= box.clientWidth + 1) continue;
      const hint = box.previousElementSibling;
      if (box.matches('.table-wrap') && hint?.classList.contains('swipe-hint') && hint.offsetParent !== null) continue;
      const wide = [...box.children].find((child: any) => child.getBoundingClientRect().right > box.getBoundingClientRect().right + 1);
      problems.push(`${name(box.parentElement)} > ${name(box)} scrolls sideways (${box.scrollWidth} px in ${box.clientWidth} px, ${wide ? name(wide) : 'its text'}) with no hint`);
    }
    const text = document.body.innerText;
    return { problems, text };
  }, width);
  const problems = found.problems;
  // axe-core on the page as measured (its forms open): no serious or critical violation.
  for (const violation of await accessibilityViolations(page)) problems.push(`accessibility: ${describeViolation(violation)}`);
  const id = ULID.exec(found.text);
  if (id) problems.push(`an id where a name belongs: …${found.text.slice(Math.max(0, id.index - 60), id.index + 26)}`);
  const iso = ISO_DATE.exec(found.text);
  if (iso) problems.push(`a date not in vi-VN form: …${found.text.slice(Math.max(0, iso.index - 60), iso.index + 10)}`);
  if (/\d₫/.test(found.text)) problems.push('an amount without the space before ₫');
  // A table wider than its box says it scrolls; one that fits says nothing.
  const hints = await page.evaluate(() =>
    [...document.querySelectorAll('.table-wrap')].map((wrap) => {
      const hint = wrap.previousElementSibling;
      const shown = !!hint && hint.classList.contains('swipe-hint') && hint.offsetParent !== null;
      return { overflows: wrap.scrollWidth > wrap.clientWidth + 1, shown };
    }),
  );
  hints.forEach((h, i) => {
    if (h.overflows !== h.shown) problems.push(`table ${i + 1}: ${h.overflows ? 'scrolls sideways with no hint' : 'shows a hint but fits'}`);
  });
  // What was folded is folded again: the page stays as the person left it.
  await page.evaluate(() => {
    document.querySelectorAll('details[data-measured-open]').forEach((d: any) => {
      d.removeAttribute('open');
      d.removeAttribute('data-measured-open');
    });
    window.dispatchEvent(new Event('resize'));
  });
  return problems;
}
