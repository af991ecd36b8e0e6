import 'reflect-metadata';
import { startBenchEnv } from './bench-env';
import { benchLedger } from './ledger.bench';

/** `npm run bench [suite…]`: prints figures; asserts nothing (targets are read by people). */
async function main(): Promise<void> {
  const wanted = new Set(process.argv.slice(2));
  const suites: Record<string, (env: Awaited<ReturnType<typeof startBenchEnv>>) => Promise<string>> = {
    ledger: benchLedger,
    reports: (env) => import('./reports.bench').then((m) => m.benchReports(env)),
    reconciliation: (env) => import('./reconciliation.bench').then((m) => m.benchReconciliation(env)),
    notifications: (env) => import('./notifications.bench').then((m) => m.benchNotifications(env)),
  };
  // The service's environment where a suite needs its own (the notifications suite times the schedules' work itself).
  const serviceEnv: Record<string, Record<string, string>> = { notifications: { NOTIFICATIONS_INTERVAL_SECONDS: '0', REMINDERS_INTERVAL_MINUTES: '0' } };
  for (const [name, suite] of Object.entries(suites)) {
    if (wanted.size && !wanted.has(name)) continue;
    const env = await startBenchEnv(serviceEnv[name]);
    try {
      process.stdout.write(`\n${await suite(env)}`);
    } finally {
      await env.stop();
    }
  }
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).stack}\n`);
  process.exit(1);
});
