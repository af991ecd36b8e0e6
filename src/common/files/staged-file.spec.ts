import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { discardStagedFile, placeStagedFile, replaceFileSync, stagedTarget, stageFile } from './staged-file';

describe('staged files', () => {
  const dir = () => mkdtempSync(join(tmpdir(), 'kcfund-staged-'));

  it('keeps the bytes under a temporary name until placed, then under the final one only', async () => {
    const d = dir();
    const path = join(d, '01JDOC');
    const staged = await stageFile(path, Buffer.from('%PDF-1.4 bytes'));
    expect(existsSync(path)).toBe(false);
    expect(stagedTarget(staged.tempPath.slice(d.length + 1))).toBe('01JDOC');
    expect(readFileSync(staged.tempPath, 'utf8')).toBe('%PDF-1.4 bytes');
    await placeStagedFile(staged);
    expect(readdirSync(d)).toEqual(['01JDOC']);
    expect(readFileSync(path, 'utf8')).toBe('%PDF-1.4 bytes');
  });

  it('discards staged bytes that will not be placed', async () => {
    const d = dir();
    const staged = await stageFile(join(d, 'x'), Buffer.from('x'));
    await discardStagedFile(staged);
    expect(readdirSync(d)).toEqual([]);
  });

  it('tells a temporary name from a final one', () => {
    expect(stagedTarget('01JDOC.tmp-0123456789ab')).toBe('01JDOC');
    expect(stagedTarget('01JDOC')).toBeNull();
    expect(stagedTarget('01JDOC.tmp-xyz')).toBeNull();
  });

  it('replaces a file in one step, leaving no temporary file and the mode asked', () => {
    const d = dir();
    const path = join(d, 'logins.txt');
    writeFileSync(path, 'old', { mode: 0o644 });
    replaceFileSync(path, 'new', 0o600);
    expect(readFileSync(path, 'utf8')).toBe('new');
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readdirSync(d)).toEqual(['logins.txt']);
  });
});
