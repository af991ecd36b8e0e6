import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Clock } from '../clock';
import { TransactionRunner } from '../../database/transaction';
import { DomainError } from './domain-error';

export interface StoredResponse {
  status: number;
  body: unknown;
}

const DUPLICATE_KEY = 1062;

function isDuplicateKey(error: unknown): boolean {
  const e = error as { errno?: number; driverError?: { errno?: number } };
  return (e?.driverError?.errno ?? e?.errno) === DUPLICATE_KEY;
}

export function requestHash(method: string, path: string, body: unknown): string {
  return createHash('sha256').update(`${method} ${path}\n${JSON.stringify(body ?? null)}`).digest('hex');
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
