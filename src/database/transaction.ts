import { AsyncLocalStorage } from 'node:async_hooks';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfig } from '../config/app-config';

const RETRYABLE_ERRNOS = new Set([1213 /* ER_LOCK_DEADLOCK */, 1205 /* ER_LOCK_WAIT_TIMEOUT */]);

export function isRetryableDbError(error: unknown): boolean {
  const e = error as { errno?: number; driverError?: { errno?: number } };
  return RETRYABLE_ERRNOS.has(e?.driverError?.errno ?? e?.errno ?? -1);
}

interface TransactionContext {
  manager: EntityManager;
  /** Work that must be the last thing before COMMIT (the audit append holds the chain head). */
  beforeCommit: Array<() => Promise<void>>;
}

/**
 * Runs a use case in one database transaction. A nested call joins the transaction already
 * open (so an HTTP-level concern, such as the Idempotency-Key row, and the use case commit
 * together). A deadlock or lock-wait timeout rolls back and runs the whole work again, a
 * bounded number of times.
 */
@Injectable()
export class TransactionRunner {
  private readonly storage = new AsyncLocalStorage<TransactionContext>();

  constructor(
    private readonly dataSource: DataSource,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {}

  /** The manager of the transaction in progress, or the plain one outside a transaction. */
  get manager(): EntityManager {
    return this.storage.getStore()?.manager ?? this.dataSource.manager;
  }

  get inTransaction(): boolean {
    return this.storage.getStore() !== undefined;
  }

  /** Registers work to run just before the current transaction commits. */
  beforeCommit(work: () => Promise<void>): void {
    const context = this.storage.getStore();
    if (!context) throw new Error('beforeCommit outside a transaction');
    context.beforeCommit.push(work);
  }

  async run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const current = this.storage.getStore();
    if (current) return work(current.manager);
    const attempts = this.config.TRANSACTION_RETRIES + 1;
    for (let attempt = 1; ; attempt++) {
      const runner = this.dataSource.createQueryRunner();
      await runner.connect();
      try {
        await runner.startTransaction('READ COMMITTED');
        const context: TransactionContext = { manager: runner.manager, beforeCommit: [] };
        const result = await this.storage.run(context, async () => {
          const value = await work(runner.manager);
          for (const hook of context.beforeCommit) await hook();
          return value;
        });
        await runner.commitTransaction();
        return result;
      } catch (error) {
        if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
        if (attempt < attempts && isRetryableDbError(error)) {
          await new Promise((resolve) => setTimeout(resolve, Math.floor(Math.random() * 10 * attempt)));
          continue;
        }
        throw error;
      } finally {
        await runner.release();
      }
    }
  }
}
