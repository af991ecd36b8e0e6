// Scratch driver (not committed): one ledger cell against the service.
import 'reflect-metadata';
import { startBenchEnv } from './bench-env';
import { benchLedger } from './ledger.bench';
async function main() {
  const env = await startBenchEnv();
  try { process.stdout.write(await benchLedger(env)); } finally { await env.stop(); }
}
main().catch((e) => { console.error(e); process.exit(1); });
