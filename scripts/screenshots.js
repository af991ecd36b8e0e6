#!/usr/bin/env node
/**
 * Copies the browser walk's current screenshots (test-output/screenshots, written by
 * test/web.e2e-spec.ts and test/web-phone.e2e-spec.ts) to docs/screenshots under the names the
 * README shows, so the README never shows pages as they used to be. `npm run screenshots` runs
 * the walk first; `node scripts/screenshots.js` copies what the last run left.
 */
const { copyFileSync, existsSync, mkdirSync } = require('node:fs');
const { join } = require('node:path');

const ROOT = join(__dirname, '..');

/** README picture → the walk's screenshot it is. */
const FROM_WALK = {
  'lap-de-an-dien-thoai.png': '02-lap-de-an-dien-thoai.png',
  'danh-sach-ho-so-dien-thoai.png': 'danh-sach-ho-so-dien-thoai.png',
  'ho-so-lanh-dao-quyet-dinh.png': '05-ho-so-lanh-dao-quyet-dinh.png',
};

/** README pictures that are not pages of the walk (official papers rendered from their PDFs). */
const NOT_FROM_WALK = ['van-ban-quyet-dinh.png', 'van-ban-bien-ban-quyet-toan.png'];

/** Copies every mapped screenshot from `from` to `to`; returns what was copied and what is missing. */
function copyScreenshots(from, to) {
  mkdirSync(to, { recursive: true });
  const copied = [];
  const missing = [];
  for (const [target, source] of Object.entries(FROM_WALK)) {
    if (!existsSync(join(from, source))) {
      missing.push(source);
      continue;
    }
    copyFileSync(join(from, source), join(to, target));
    copied.push(target);
  }
  return { copied, missing };
}

module.exports = { FROM_WALK, NOT_FROM_WALK, copyScreenshots };

if (require.main === module) {
  const { copied, missing } = copyScreenshots(join(ROOT, 'test-output', 'screenshots'), join(ROOT, 'docs', 'screenshots'));
  for (const name of copied) console.log(`docs/screenshots/${name}`);
  if (missing.length) {
    console.error(`Missing in test-output/screenshots (run the browser walk first: npm run screenshots): ${missing.join(', ')}`);
    process.exit(1);
  }
}
