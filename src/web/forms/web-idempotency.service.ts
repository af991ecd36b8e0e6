import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Request } from 'express';
import type { Actor } from '../../common/auth/actor';
import { ValidationFailed } from '../../common/http/domain-error';
import { IdempotencyService, isIdempotencyKey, requestHash } from '../../common/http/idempotency.service';
import type { ProblemDetails } from '../../common/http/problem';
import { StoredRefusal } from './form-pages';

export interface Once<T> {
  result: T;
  /** True when this form was sent before: its first answer, nothing moved now. */
  replayed: boolean;
}

/**
 * The forms' caller of IdempotencyService.runOnce, the API's Idempotency-Key protection: each
 * rendered form carries a fresh key (hidden field), the key row commits in the same transaction as
 * the money, so a form sent twice (a double click, a reload, the back button) moves money once and
 * the second send gets the first answer: a result, or the refusal shown again.
 */
@Injectable()
export class WebIdempotency {
  constructor(private readonly keys: IdempotencyService) {}

  /** A key for a form about to be rendered. */
  newKey(): string {
    return randomUUID();
  }

  async once<T>(actor: Actor, key: unknown, scope: string, input: unknown, request: Request, work: () => Promise<T>): Promise<Once<T>> {
    if (!isIdempotencyKey(key)) {
      throw ValidationFailed.field('idempotencyKey', 'biểu mẫu thiếu mã chống gửi trùng; vui lòng tải lại trang');
    }
    // The stored answer is looked up first: a form sent twice is common here, and the look-up
    // spares that send a rolled-back try. Correctness does not rest on it.
    const answer = await this.keys.runOnce({ userId: actor.id, key, hash: requestHash('POST', scope, input), status: 201, request, lookUpFirst: true, work });
    if (answer.replayed && answer.status >= 400) throw new StoredRefusal(answer.body as ProblemDetails);
    return { result: answer.body as T, replayed: answer.replayed };
  }
}
