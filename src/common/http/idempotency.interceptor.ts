import { applyDecorators, CallHandler, ExecutionContext, HttpStatus, Injectable, NestInterceptor, SetMetadata, UseInterceptors } from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import { ApiHeader } from '@nestjs/swagger';
import type { Request } from 'express';
import { defer, lastValueFrom, Observable } from 'rxjs';
import { ActorSource, AuthenticatedRequest } from '../auth/actor';
import { CONFIRMS_ACTOR_KEY } from '../auth/decorators';
import { TransactionRunner } from '../../database/transaction';
import { ValidationFailed } from './domain-error';
import { IdempotencyService, requestHash } from './idempotency.service';
import { clientProblem, ReplayedResponse } from './problem.filter';

const KEY_PATTERN = /^[\x21-\x7e]{1,64}$/;

/**
 * Wraps a money-moving request in one transaction with its Idempotency-Key row: the key, the
 * money and the answer commit together. A replay returns the first answer, refusals included.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly keys: IdempotencyService,
    private readonly actors: ActorSource,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<Request & AuthenticatedRequest>();
    const key = request.headers['idempotency-key'];
    if (typeof key !== 'string' || !KEY_PATTERN.test(key)) {
      throw ValidationFailed.field('Idempotency-Key', 'bắt buộc với yêu cầu chuyển tiền: 1–64 ký tự ASCII nhìn thấy được');
    }
    const userId = request.actor.id;
    const hash = requestHash(request.method, request.originalUrl, request.body);
    const status = Reflect.getMetadata(HTTP_CODE_METADATA, context.getHandler()) ?? HttpStatus.CREATED;

    const replay = async () => {
      const stored = await this.keys.find(userId, key, hash);
      if (stored) throw new ReplayedResponse(stored.status, stored.body);
    };

    // No look-up before the work: the key row goes in with the answer, so a repeated request does
    // its work, meets the first row at commit, rolls back and answers the first response. The
    // common case (a fresh key) saves a round trip; a repeat costs one rolled-back transaction.
    return defer(async () => {
      try {
        return await this.tx.run(async () => {
          if (request.actorToConfirm) await this.actors.confirmInTransaction(request.actor, request.sessionId);
          const body = await lastValueFrom(next.handle(), { defaultValue: null });
          this.keys.recordAtCommit(userId, key, hash, { status, body });
          return body;
        });
      } catch (error) {
        // A concurrent request with this key may have committed first: answer with its response.
        await replay();
        const refusal = clientProblem(error, request);
        // A refusal of the caller (401, or a password to change first) is not the request's
        // answer: the same key may be sent again.
        if (refusal && refusal.status !== HttpStatus.UNAUTHORIZED && refusal.code !== 'PASSWORD_CHANGE_REQUIRED') {
          const earlier = await this.keys.storeRefusal(userId, key, hash, { status: refusal.status, body: refusal });
          if (earlier) throw new ReplayedResponse(earlier.status, earlier.body);
        }
        throw error;
      }
    });
  }
}

/** Marks a route that moves money: it needs an Idempotency-Key (💰 in API.md). */
export function MovesMoney(): MethodDecorator & ClassDecorator {
  return applyDecorators(
    UseInterceptors(IdempotencyInterceptor),
    SetMetadata(CONFIRMS_ACTOR_KEY, true),
    ApiHeader({ name: 'Idempotency-Key', required: true, description: '1–64 ký tự ASCII; gửi lại cùng khóa sẽ nhận lại kết quả đầu tiên' }),
  );
}
