import { Global, Module } from '@nestjs/common';
import { TransactionRunner } from '../database/transaction';
import { IdempotencyInterceptor } from './http/idempotency.interceptor';
import { IdempotencyService } from './http/idempotency.service';

/** Providers every module may inject (Clock and AppConfig come from AppModule). */
@Global()
@Module({
  providers: [TransactionRunner, IdempotencyService, IdempotencyInterceptor],
  exports: [TransactionRunner, IdempotencyService, IdempotencyInterceptor],
})
export class CommonModule {}
