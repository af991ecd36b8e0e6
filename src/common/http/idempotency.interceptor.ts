import { applyDecorators, CallHandler, ExecutionContext, HttpStatus, Injectable, NestInterceptor, SetMetadata, UseInterceptors } from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import { ApiHeader } from '@nestjs/swagger';
import type { Request } from 'express';
import { defer, lastValueFrom, Observable } from 'rxjs';
import { ActorSource, AuthenticatedRequest } from '../auth/actor';
import { CONFIRMS_ACTOR_KEY } from '../auth/decorators';
import { ValidationFailed } from './domain-error';
import { IdempotencyService, isIdempotencyKey, requestHash } from './idempotency.service';
import { ReplayedResponse } from './problem.filter';

/**
 * The API's caller of IdempotencyService.runOnce: the Idempotency-Key header, the route's status,
 * the actor confirmed in the money's transaction, and a replay answered with
 * `Idempotent-Replayed: true` (ReplayedResponse).
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly keys: IdempotencyService,
    private readonly actors: ActorSource,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<Request & AuthenticatedRequest>();
    const key = request.headers['idempotency-key'];
    if (!isIdempotencyKey(key)) {
      throw ValidationFailed.field('Idempotency-Key', 'bắt buộc với yêu cầu chuyển tiền: 1–64 ký tự ASCII nhìn thấy được');
    }
    const status = Reflect.getMetadata(HTTP_CODE_METADATA, context.getHandler()) ?? HttpStatus.CREATED;
    return defer(async () => {
      const answer = await this.keys.runOnce({
        userId: request.actor.id,
        key,
        hash: requestHash(request.method, request.originalUrl, request.body),
        status,
        request,
        work: async () => {
          if (request.actorToConfirm) await this.actors.confirmInTransaction(request.actor, request.sessionId);
          return lastValueFrom(next.handle(), { defaultValue: null });
        },
      });
      if (answer.replayed) throw new ReplayedResponse(answer.status, answer.body);
      return answer.body;
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
