import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dropDatabase } from '../src/database/ensure-database';
import { Mailbox } from './support/mailbox';
import { scratchDatabaseUrl, ServiceProcess, sql, startService } from './support/service-process';

async function until(what: string, check: () => Promise<boolean>, timeoutMs = 90_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/**
 * Nothing is lost and nothing is sent twice when the service dies, the way an operator's machine
 * does it (kill -9 of the process `npm start` runs, with its real environment): first right after
 * the steps committed and before any notification was made, then in the middle of sending the
 * e-mails. The steps are the demo province's (seeded on the first start through the same use
 * cases the API calls); the e-mails go to a real SMTP server in this process.
 */
describe('notifications survive kill -9', () => {
  const url = scratchDatabaseUrl('notify_crash');
  const dataDir = mkdtempSync(join(tmpdir(), 'kcfund-notify-'));
  const mailbox = new Mailbox();
  let service: ServiceProcess | undefined;
  const env = (extra: Record<string, string>) => ({ DATABASE_URL: url, DATA_DIR: dataDir, LOG_LEVEL: 'warn', SEED_DEMO: 'true', REMINDERS_INTERVAL_MINUTES: '0', HOUSEKEEPING_INTERVAL_MINUTES: '0', ...extra });

  beforeAll(() => mailbox.start());
  afterAll(async () => {
    if (service && service.child.exitCode === null) service.child.kill('SIGKILL');
    await mailbox.stop();
    await dropDatabase(url);
  });

  async function kill(running: ServiceProcess): Promise<void> {
    if (running.child.exitCode === null && running.child.signalCode === null) {
      const gone = new Promise((resolve) => running.child.once('exit', resolve));
      running.child.kill('SIGKILL');
      await gone;
    }
  }

  it('delivers every notification of steps taken before a crash, each e-mail once, after a crash mid-delivery', async () => {
    // 1. The demo's steps commit with their events; the worker is off, and the process dies.
    service = await startService(env({ NOTIFICATIONS_INTERVAL_SECONDS: '0' }));
    await kill(service);
    const [{ pending }] = await sql<{ pending: number }>(url, 'SELECT COUNT(*) AS pending FROM notification_outbox WHERE processed_at IS NULL');
    expect(Number(pending)).toBeGreaterThan(5);
    expect(await sql(url, 'SELECT COUNT(*) AS n FROM notifications')).toEqual([{ n: 0 }]);

    // 2. The worker runs with e-mail; the process is killed while the third e-mail is on the wire.
    let seen = 0;
    const second = await startService(env({ SMTP_URL: mailbox.url, NOTIFICATIONS_INTERVAL_SECONDS: '1', MAIL_CLAIM_SECONDS: '2' }));
    service = second;
    const killed = new Promise<void>((resolve) => {
      mailbox.onMessage = async () => {
        seen++;
        if (seen !== 3) return;
        await kill(second);
        resolve();
        throw new Error('the sender died before the message was accepted');
      };
    });
    await killed;
    mailbox.onMessage = null;
    expect(mailbox.received).toHaveLength(2);
    // The e-mails claimed with the third (a batch of ten) wait for their claim to lapse.
    const stuck = await sql<{ id: string }>(url, "SELECT id FROM notification_deliveries WHERE status = 'sending'");
    expect(stuck).toHaveLength(8);

    // 3. Started again: the events all became notifications, the lapsed claim is sent again, every e-mail arrives once.
    service = await startService(env({ SMTP_URL: mailbox.url, NOTIFICATIONS_INTERVAL_SECONDS: '1', MAIL_CLAIM_SECONDS: '2' }));
    await until('every e-mail sent', async () => {
      const [row] = await sql<{ open: number; events: number }>(
        url,
        "SELECT (SELECT COUNT(*) FROM notification_deliveries WHERE status <> 'sent') AS open, (SELECT COUNT(*) FROM notification_outbox WHERE processed_at IS NULL) AS events",
      );
      return Number(row.open) === 0 && Number(row.events) === 0;
    });
    await service.stop();

    const deliveries = await sql<{ id: string; to_address: string; attempts: number }>(url, 'SELECT id, to_address, attempts FROM notification_deliveries ORDER BY id');
    expect(deliveries.length).toBeGreaterThan(3);
    const ids = mailbox.received.map((m) => m.messageId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.sort()).toEqual(deliveries.map((d) => `<${d.id}@kcfund>`).sort());
    for (const d of deliveries) expect(mailbox.received.find((m) => m.messageId === `<${d.id}@kcfund>`)!.to).toEqual([d.to_address]);
    for (const { id } of stuck) expect(deliveries.find((d) => d.id === id)!.attempts).toBe(2);

    // Every event was turned into notifications once: one per recipient, an e-mail per notification.
    const [counts] = await sql<{ notifications: number; pairs: number; events: number; withNotes: number }>(
      url,
      'SELECT COUNT(*) AS notifications, COUNT(DISTINCT event_id, user_id) AS pairs, (SELECT COUNT(*) FROM notification_outbox) AS events, COUNT(DISTINCT event_id) AS withNotes FROM notifications',
    );
    expect(Number(counts.notifications)).toBe(Number(counts.pairs));
    expect(Number(counts.notifications)).toBe(deliveries.length);
    const silent = await sql<{ kind: string }>(url, 'SELECT kind FROM notification_outbox o WHERE NOT EXISTS (SELECT 1 FROM notifications n WHERE n.event_id = o.id)');
    expect(silent.map((e) => e.kind)).toEqual([]);
    expect(Number(counts.withNotes)).toBe(Number(counts.events));
    for (const m of mailbox.received) expect(m.subject).toMatch(/^\[KCFund\] /);
  }, 240_000);
});
