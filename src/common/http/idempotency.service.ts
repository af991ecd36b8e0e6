import { createHash } from 'node:crypto';
import { HttpStatus, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { Clock } from '../clock';
import { TransactionRunner } from '../../database/transaction';
import { DomainError } from './domain-error';
import type { ProblemDetails } from './problem';
import { clientProblem } from './problem.filter';

export interface StoredResponse {
  status: number;
  body: unknown;
}

const DUPLICATE_KEY = 1062;

function isDuplicateKey(error: unknown): boolean {
  const e = error as { errno?: number; driverError?: { errno?: number } };
  return (e?.driverError?.errno ?? e?.errno) === DUPLICATE_KEY;
}

const KEY_PATTERN = /^[\x21-\x7e]{1,64}$/;

/** An Idempotency-Key as the contract allows it: 1–64 visible ASCII characters. */
export function isIdempotencyKey(key: unknown): key is string {
  return typeof key === 'string' && KEY_PATTERN.test(key);
}

export function requestHash(method: string, path: string, body: unknown): string {
  return createHash('sha256').update(`${method} ${path}\n${JSON.stringify(body ?? null)}`).digest('hex');
}

/** One money-moving request under its key: what runOnce needs from a caller (the API or a form). */
export interface IdempotentRequest<T> {
  userId: string;
  key: string;
  /** requestHash of what was asked: the same key with another hash is a 422. */
  hash: string;
  /** The status the first answer is kept with. */
  status: number;
  /** The HTTP request, to map a refusal to the problem the client is answered with. */
  request: Request;
  /** Look the answer up before trying: where a repeat is common (a form sent twice), it spares a rolled-back try. */
  lookUpFirst?: boolean;
  /** The use case, run inside the transaction the key row commits in. */
  work: () => Promise<T>;
}

/** The first answer to a key: given now, or replayed (a refusal included) and nothing moved. */
export type IdempotentAnswer<T> = { replayed: false; status: number; body: T } | { replayed: true; status: number; body: unknown };

/** A refusal of the caller (401, or a password to change first) is not the request's answer: the key may be sent again. */
function keepsRefusal(refusal: ProblemDetails): boolean {
  return refusal.status !== HttpStatus.UNAUTHORIZED && refusal.code !== 'PASSWORD_CHANGE_REQUIRED';
}

/**
 * Idempotency-Key records. The key row is inserted, with its answer, in the same transaction as
 * the money it guards, so a key never outlives its money and a crash leaves nothing in flight.
 * Of two concurrent requests with one key, the second's INSERT waits for the first and, once
 * the first commits, fails as a duplicate: its transaction rolls back and it answers the first's
 * response. Only one movement ever commits.
 */
@Injectable()
export class IdempotencyService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  /**
   * Runs a use case once per (user, key, request): the work and the key row with its answer commit
   * in one transaction. No look-up is needed before the work (unless asked): a repeated request
   * does its work, meets the first row at commit, rolls back and replays the first answer. A
   * refusal (4xx) is kept as the key's answer; a 5xx is not, so the same key may be retried.
   */
  async runOnce<T>(run: IdempotentRequest<T>): Promise<IdempotentAnswer<T>> {
    const { userId, key, hash } = run;
    const replay = async (): Promise<IdempotentAnswer<T> | null> => {
      const stored = await this.find(userId, key, hash);
      return stored && { replayed: true, ...stored };
    };
    if (run.lookUpFirst) {
      const earlier = await replay();
      if (earlier) return earlier;
    }
    try {
      const body = await this.tx.run(async () => {
        const value = await run.work();
        this.recordAtCommit(userId, key, hash, { status: run.status, body: value });
        return value;
      });
      return { replayed: false, status: run.status, body };
    } catch (error) {
      // A concurrent request with this key may have committed first: answer with its response.
      const concurrent = await replay();
      if (concurrent) return concurrent;
      const refusal = clientProblem(error, run.request);
      if (refusal && keepsRefusal(refusal)) {
        const earlier = await this.storeRefusal(userId, key, hash, { status: refusal.status, body: refusal });
        if (earlier) return { replayed: true, ...earlier };
      }
      throw error;
    }
  }

  /**
   * The answer already given for this key, or null. The same key with another request is a 422.
   */
  async find(userId: string, key: string, hash: string): Promise<StoredResponse | null> {
    const rows: Array<{ request_hash: string; status_code: number; response_body: string }> = await this.tx.manager.query(
      'SELECT request_hash, status_code, response_body FROM idempotency_keys WHERE user_id = ? AND idem_key = ?',
      [userId, key],
    );
    const row = rows[0];
    if (!row) return null;
    if (row.request_hash !== hash) {
      throw new DomainError('IDEMPOTENCY_KEY_REUSED', 'Idempotency-Key này đã được dùng cho một yêu cầu có nội dung khác.');
    }
    return { status: Number(row.status_code), body: JSON.parse(row.response_body) };
  }

  /**
   * Writes the key with its answer in the final round trip of the current transaction, so it
   * commits with the money or not at all. A concurrent request with the same key that committed
   * first makes this INSERT fail as a duplicate, and that whole transaction rolls back.
   */
  recordAtCommit(userId: string, key: string, hash: string, response: StoredResponse): void {
    this.tx.atCommit({
      sql: 'INSERT INTO idempotency_keys (user_id, idem_key, request_hash, status_code, response_body, created_at) VALUES (?,?,?,?,?,?)',
      params: [userId, key, hash, response.status, JSON.stringify(response.body), this.clock.now()],
    });
  }

  /**
   * Keeps a refusal (4xx) as the key's answer, in its own transaction after the money's was
   * rolled back. If another request with the key got there first, its answer wins.
   */
  async storeRefusal(userId: string, key: string, hash: string, response: StoredResponse): Promise<StoredResponse | null> {
    return this.tx.run(async (manager) => {
      try {
        await manager.query(
          'INSERT INTO idempotency_keys (user_id, idem_key, request_hash, status_code, response_body, created_at) VALUES (?,?,?,?,?,?)',
          [userId, key, hash, response.status, JSON.stringify(response.body), this.clock.now()],
        );
        return null;
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
        return this.find(userId, key, hash);
      }
    });
  }

  /** Forgets keys older than `hours` (the contract keeps them at least 24 hours). */
  async purgeOlderThan(hours: number): Promise<number> {
    const cutoff = new Date(this.clock.now().getTime() - hours * 3600_000);
    const result = await this.tx.manager.query('DELETE FROM idempotency_keys WHERE created_at < ?', [cutoff]);
    return (result as { affectedRows?: number }).affectedRows ?? 0;
  }
}
