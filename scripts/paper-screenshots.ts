import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DataSource } from 'typeorm';
import { createApp, migrateDatabase } from '../src/bootstrap';
import type { Actor, Role } from '../src/common/auth/actor';
import { FixedClock } from '../src/common/clock';
import { loadConfig } from '../src/config/app-config';
import { withDatabase } from '../src/database/database-url';
import { dropDatabase, ensureDatabase } from '../src/database/ensure-database';
import { DemoSeed } from '../src/demo/demo-seed';
import { OfficialPapersService } from '../src/modules/official-documents/official-papers.service';
import { officialPaperPdf } from '../src/rendering/pdf/official-paper.pdf';
import { PdfService } from '../src/rendering/pdf/pdf.service';

/**
 * `npm run screenshots:papers`: regenerates the two pictures of papers in README
 * (docs/screenshots/van-ban-quyet-dinh.png, van-ban-bien-ban-quyet-toan.png). It seeds the demo
 * province into a database of its own (DATABASE_URL's server, a fresh database dropped after),
 * renders the settled demo file's decision and settlement record through the same service and
 * layout the API uses, and converts page 1 of each PDF with `pdftoppm -png -r 80` (poppler-utils).
 * The clock stands on a fixed day so the pictures change only when the papers do.
 */
const DAY = '2026-12-03T03:00:00Z';
const PICTURES = [
  { type: 'decision', file: 'van-ban-quyet-dinh.png' },
  { type: 'settlement', file: 'van-ban-bien-ban-quyet-toan.png' },
] as const;

async function main(): Promise<void> {
  const outDir = resolve(__dirname, '../../docs/screenshots');
  const base = loadConfig(process.env).DATABASE_URL;
  const url = withDatabase(base, `kcfund_papers_${Date.now().toString(36)}`);
  const config = loadConfig({
    NODE_ENV: 'development',
    LOG_LEVEL: 'warn',
    SEED_DEMO: 'false',
    DATABASE_URL: url,
    DATABASE_POOL_SIZE: '5',
    DATA_DIR: join(tmpdir(), 'kcfund-paper-screenshots'),
    HOUSEKEEPING_INTERVAL_MINUTES: '0',
    NOTIFICATIONS_INTERVAL_SECONDS: '0',
    REMINDERS_INTERVAL_MINUTES: '0',
  });
  const work = mkdtempSync(join(tmpdir(), 'kcfund-papers-'));
  await ensureDatabase(url);
  try {
    await migrateDatabase(config);
    const app = await createApp(config, { clock: new FixedClock(new Date(DAY)) });
    await app.init();
    try {
      await app.get(DemoSeed).seed();
      const [row] = await app.get(DataSource).query(
        "SELECT a.id, u.id AS user_id, u.email, u.full_name, u.roles, u.unit_id FROM applications a JOIN users u ON u.id = a.owner_id WHERE a.status = 'settled' ORDER BY a.id LIMIT 1",
      );
      if (!row) throw new Error('the demo has no settled file');
      // the file's owner reads its papers, as on the file page
      const owner: Actor = { id: row.user_id, email: row.email, fullName: row.full_name, roles: String(row.roles).split(',') as Role[], unitId: row.unit_id };
      const papers = app.get(OfficialPapersService);
      const pdf = app.get(PdfService);
      for (const picture of PICTURES) {
        const { paper } = await papers.paper(owner, row.id, picture.type);
        const pdfPath = join(work, `${picture.type}.pdf`);
        writeFileSync(pdfPath, await pdf.renderToBuffer(officialPaperPdf(paper)));
        const stem = join(work, picture.type);
        execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', pdfPath, stem]);
        copyFileSync(`${stem}.png`, join(outDir, picture.file));
        process.stdout.write(`${join(outDir, picture.file)}: ${paper.title}\n`);
      }
    } finally {
      await app.close();
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
    await dropDatabase(url);
  }
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).stack}\n`);
  process.exit(1);
});
