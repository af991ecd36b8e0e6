import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Request } from 'express';
import type { Actor } from '../../common/auth/actor';
import { ValidationFailed } from '../../common/http/domain-error';
import { IdempotencyService, requestHash } from '../../common/http/idempotency.service';
import type { ProblemDetails } from '../../common/http/problem';
import { clientProblem } from '../../common/http/problem.filter';
import { TransactionRunner } from '../../database/transaction';
import { StoredRefusal } from './form-pages';

const KEY_PATTERN = /^[\x21-\x7e]{1,64}$/;

export interface Once<T> {
  result: T;
  /** True when this form was sent before: its first answer, nothing moved now. */
  replayed: boolean;
}

/**
 * The API's Idempotency-Key protection for the money-moving forms. Each rendered form carries a
 * fresh key (hidden field); the key row commits in the same transaction as the money, exactly as
 * IdempotencyInterceptor does for the API, so a form sent twice (a double click, a reload, the
 * back button) moves money once and the second send gets the first answer.
 */
@Injectable()
export class WebIdempotency {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly keys: IdempotencyService,
  ) {}

  /** A key for a form about to be rendered. */
  newKey(): string {
    return randomUUID();
  }

  async once<T>(actor: Actor, key: unknown, scope: string, input: unknown, request: Request, work: () => Promise<T>): Promise<Once<T>> {
    if (typeof key !== 'string' || !KEY_PATTERN.test(key)) {
      throw ValidationFailed.field('idempotencyKey', 'biểu mẫu thiếu mã chống gửi trùng; vui lòng tải lại trang');
    }
    const hash = requestHash('POST', scope, input);
    const replay = async (): Promise<Once<T> | null> => {
      const stored = await this.keys.find(actor.id, key, hash);
      if (!stored) return null;
      if (stored.status >= 400) throw new StoredRefusal(stored.body as ProblemDetails);
      return { result: stored.body as T, replayed: true };
    };
    // Unlike the API's interceptor, the stored answer is looked up first: a form sent twice (a
    // double tap, a reload) is common here, and the look-up spares that send a rolled-back try.
    // Correctness does not rest on it: the key row commits with the money either way.
    const earlier = await replay();
    if (earlier) return earlier;
    try {
      const result = await this.tx.run(async () => {
        const value = await work();
        this.keys.recordAtCommit(actor.id, key, hash, { status: 201, body: value });
        return value;
      });
      return { result, replayed: false };
    } catch (error) {
      // The same form sent at the same moment may have committed first: its answer, then.
      const concurrent = await replay();
      if (concurrent) return concurrent;
      const refusal = clientProblem(error, request);
      if (refusal) {
        const first = await this.keys.storeRefusal(actor.id, key, hash, { status: refusal.status, body: refusal });
        if (first) {
          if (first.status >= 400) throw new StoredRefusal(first.body as ProblemDetails);
          return { result: first.body as T, replayed: true };
        }
      }
      throw error;
    }
  }
}
