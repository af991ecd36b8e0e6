import { Global, Module } from '@nestjs/common';
import { TransactionRunner } from '../database/transaction';
import { IdempotencyInterceptor } from './http/idempotency.interceptor';
import { IdempotencyService } from './http/idempotency.service';
import { NotFoundFallback } from './http/not-found.fallback';

/** Providers every module may inject (Clock and AppConfig come from AppModule). */
@Global()
@Module({
  providers: [TransactionRunner, IdempotencyService, IdempotencyInterceptor, NotFoundFallback],
  exports: [TransactionRunner, IdempotencyService, IdempotencyInterceptor],
})
export class CommonModule {}
