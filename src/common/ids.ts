import { randomFillSync } from 'node:crypto';
import { monotonicFactory } from 'ulid';

/**
 * ulid's default PRNG asks the OS for one random byte per character (16 calls per id); on the
 * ledger's hot path that showed in profiles. Draw the same cryptographic bytes from a pool.
 */
const pool = new Uint8Array(4096);
let offset = pool.length;
function pooledRandom(): number {
  if (offset >= pool.length) {
    randomFillSync(pool);
    offset = 0;
  }
  return pool[offset++] / 256;
}

const next = monotonicFactory(pooledRandom);

/** Ids made by the application: ULIDs, 26 characters, sorting by creation time. */
export function newId(): string {
  return next();
}

export const ID_PATTERN = /^[0-9A-HJKMNP-TV-Z]{26}$/;

export function isId(value: unknown): value is string {
  return typeof value === 'string' && ID_PATTERN.test(value);
}
