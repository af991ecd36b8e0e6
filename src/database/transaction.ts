import { AsyncLocalStorage } from 'node:async_hooks';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { AppConfig } from '../config/app-config';

const RETRYABLE_ERRNOS = new Set([1213 /* ER_LOCK_DEADLOCK */, 1205 /* ER_LOCK_WAIT_TIMEOUT */]);

export function isRetryableDbError(error: unknown): boolean {
  const e = error as { errno?: number; driverError?: { errno?: number } };
  return RETRYABLE_ERRNOS.has(e?.driverError?.errno ?? e?.errno ?? -1);
}

export interface Statement {
  sql: string;
  params: unknown[];
}

interface TransactionContext {
  manager: EntityManager;
  /** Work to run just before COMMIT, in order. */
  beforeCommit: Array<() => Promise<void>>;
  /**
   * Statements sent together in one round trip right before COMMIT (Idempotency-Key row, audit
   * entries): rows every request touches are then held only for that round trip and the commit.
   */
  finalBatch: Statement[];
}

/** Connections already set to READ COMMITTED for the session (one round trip per connection, not per transaction). */
const sessionsReady = new WeakSet<object>();

/**
 * Runs a use case in one database transaction (READ COMMITTED). A nested call joins the
 * transaction already open, so an HTTP-level concern (the Idempotency-Key row) and the use case
 * commit together. A deadlock or lock-wait timeout rolls back and runs the whole work again, a
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
    this.context('beforeCommit').beforeCommit.push(work);
  }

  /** Queues a statement for the final round trip before COMMIT. */
  atCommit(statement: Statement): void {
    this.context('atCommit').finalBatch.push(statement);
  }

  async run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const current = this.storage.getStore();
    if (current) return work(current.manager);
    const attempts = this.config.TRANSACTION_RETRIES + 1;
    for (let attempt = 1; ; attempt++) {
      const runner = this.dataSource.createQueryRunner();
      await runner.connect();
      try {
        await this.begin(runner);
        const context: TransactionContext = { manager: runner.manager, beforeCommit: [], finalBatch: [] };
        const result = await this.storage.run(context, async () => {
          const value = await work(runner.manager);
          for (const hook of context.beforeCommit) await hook();
          return value;
        });
        await this.commit(runner, context.finalBatch);
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

  /**
   * Sends the final batch and COMMIT in one round trip: the rows every request touches (the audit
   * chain head) are then held for no more than that trip. MariaDB stops a multi-statement batch at
   * its first error, so a failed INSERT never reaches the COMMIT, and the caller rolls back.
   */
  private async commit(runner: QueryRunner, batch: Statement[]): Promise<void> {
    if (batch.length === 0) {
      await runner.commitTransaction();
      return;
    }
    await runner.query([...batch.map((s) => s.sql), 'COMMIT'].join(';\n'), batch.flatMap((s) => s.params));
    // The COMMIT went out with the batch; tell the query runner its transaction is over (what
    // its own commitTransaction() sets after sending COMMIT; we use no transaction subscribers).
    const state = runner as unknown as { isTransactionActive: boolean; transactionDepth: number };
    state.isTransactionActive = false;
    state.transactionDepth = 0;
  }

  private async begin(runner: QueryRunner): Promise<void> {
    const connection = (runner as unknown as { databaseConnection: object }).databaseConnection;
    if (!sessionsReady.has(connection)) {
      await runner.query('SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED');
      sessionsReady.add(connection);
    }
    await runner.startTransaction();
  }

  private context(what: string): TransactionContext {
    const context = this.storage.getStore();
    if (!context) throw new Error(`${what} outside a transaction`);
    return context;
  }
}
