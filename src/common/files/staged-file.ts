import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * Bytes on disk under a temporary name beside their final place, written and fsynced: nothing
 * named as a final file is ever half written, and the bytes survive a crash once staged.
 */
export interface StagedFile {
  /** Where the bytes go once placed. */
  path: string;
  /** Where they are until then. */
  tempPath: string;
}

const TEMP_SUFFIX = /\.tmp-[0-9a-f]{12}$/;

/** The final name a temporary file stands for, or null when `name` is not a temporary file's. */
export function stagedTarget(name: string): string | null {
  return TEMP_SUFFIX.test(name) ? name.replace(TEMP_SUFFIX, '') : null;
}

function tempPathFor(path: string): string {
  return `${path}.tmp-${randomBytes(6).toString('hex')}`;
}

/** Writes `bytes` to a new temporary name beside `path` and fsyncs them. */
export async function stageFile(path: string, bytes: Uint8Array, mode = 0o640): Promise<StagedFile> {
  const tempPath = tempPathFor(path);
  const handle = await open(tempPath, 'wx', mode);
  try {
    await handle.writeFile(bytes);
    await handle.sync();
    await handle.close();
  } catch (error) {
    await handle.close().catch(() => undefined);
    await rm(tempPath, { force: true });
    throw error;
  }
  return { path, tempPath };
}

/** Renames the staged bytes to their final name and makes the rename itself durable (fsync of the directory). */
export async function placeStagedFile(staged: StagedFile): Promise<void> {
  await rename(staged.tempPath, staged.path);
  await syncDirectory(dirname(staged.path));
}

/** Removes staged bytes that will not be placed. */
export async function discardStagedFile(staged: StagedFile): Promise<void> {
  await rm(staged.tempPath, { force: true });
}

async function syncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Replaces `path` with `bytes` in one step (temporary name, fsync, rename): a reader finds the
 * old file or the new one, never a part of one. Synchronous, for start-up.
 */
export function replaceFileSync(path: string, bytes: string | Uint8Array, mode = 0o600): void {
  const tempPath = tempPathFor(path);
  try {
    writeFileSync(tempPath, bytes, { flag: 'wx', mode });
    const fd = openSync(tempPath, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tempPath, path);
  } catch (error) {
    rmSync(tempPath, { force: true });
    throw error;
  }
  const dirFd = openSync(dirname(path), 'r');
  try {
    fsyncSync(dirFd);
  } finally {
    closeSync(dirFd);
  }
}
