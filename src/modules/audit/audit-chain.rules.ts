import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json';

export const GENESIS_HASH = '0'.repeat(64);

export interface ChainedFields {
  id: string;
  at: string;
  actorId: string | null;
  capacity: string;
  onBehalfOf: string | null;
  action: string;
  entity: string;
  entityId: string;
  before: unknown;
  after: unknown;
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** SHA-256 of the entry's canonical JSON. */
export function contentHash(entry: ChainedFields): string {
  return sha256(canonicalJson(entry));
}

/**
 * contentHash of an entry whose `before` and `after` are canonical values already
 * (canonicalValue): the same text, without walking them again. Keys in canonical (sorted) order.
 */
export function contentHashOfCanonical(e: ChainedFields): string {
  const { action, actorId, after, at, before, capacity, entity, entityId, id, onBehalfOf } = e;
  return sha256(JSON.stringify({ action, actorId, after, at, before, capacity, entity, entityId, id, onBehalfOf }));
}

/** An entry's link: SHA-256 over the previous hash and the entry's content hash (the database trigger computes the same). */
export function linkHash(prevHash: string, entryContentHash: string): string {
  return sha256(prevHash + entryContentHash);
}

function chainedFields({ id, at, actorId, capacity, onBehalfOf, action, entity, entityId, before, after }: ChainedFields): ChainedFields {
  return { id, at, actorId, capacity, onBehalfOf, action, entity, entityId, before, after };
}

export interface StoredLink extends ChainedFields {
  contentHash: string;
  prevHash: string;
  hash: string;
}

/** Walks entries in chain order; returns the id of the first one that does not fit, or null. */
export function firstBrokenLink(entries: Iterable<StoredLink>, previousHash: string): { brokenId: string | null; lastHash: string } {
  let prev = previousHash;
  for (const entry of entries) {
    // Only the chained fields: the stored hashes themselves are not part of the entry's content.
    const content = contentHash(chainedFields(entry));
    if (entry.prevHash !== prev || entry.contentHash !== content || entry.hash !== linkHash(prev, content)) {
      return { brokenId: entry.id, lastHash: prev };
    }
    prev = entry.hash;
  }
  return { brokenId: null, lastHash: prev };
}

/**
 * Whether the chain walked ends where the stored head says it does. The head only moves forward
 * (its trigger refuses anything else), so a head beyond the last entry, or naming another hash,
 * means entries were removed from the end.
 */
export function chainEndProblem({
  headSeq,
  headHash,
  lastSeq,
  lastHash,
}: {
  headSeq: string;
  headHash: string;
  lastSeq: string;
  lastHash: string;
}): 'truncated' | null {
  return BigInt(headSeq) !== BigInt(lastSeq) || headHash !== lastHash ? 'truncated' : null;
}
