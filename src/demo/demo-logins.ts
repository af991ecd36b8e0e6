import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { replaceFileSync } from '../common/files/staged-file';
import type { DemoLogin } from './demo-seed';

/** The demo logins as lines for a person: role, e-mail, password, name. */
export function demoLoginLines(logins: DemoLogin[]): string[] {
  const width = Math.max(...logins.map((l) => l.email.length));
  return logins.map((l) => `  ${l.role.padEnd(9)} ${l.email.padEnd(width)}  ${l.password}  (${l.fullName})`);
}

/**
 * Where the demo's one-time passwords go when they may not be printed (no terminal, or not in
 * development, where standard output is a log): a file only the service's user can read, in
 * DATA_DIR. Returns its absolute path.
 */
export function writeDemoLoginsFile(dataDir: string, logins: DemoLogin[]): string {
  const dir = resolve(dataDir);
  mkdirSync(dir, { recursive: true });
  const path = join(dir, 'demo-logins.txt');
  replaceFileSync(path, ['Tài khoản mẫu của KCFund (mật khẩu dùng một lần; hãy xóa tệp này sau khi đọc):', ...demoLoginLines(logins), ''].join('\n'), 0o600);
  return path;
}
