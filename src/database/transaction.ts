import { AsyncLocalStorage } from 'node:async_hooks';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager, QueryFailedError, QueryRunner } from 'typeorm';
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

/**
 * A write whose result the caller does not read (it returns no rows). It may refuse with
 * `SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = '<code> <tag>'`, the tag naming the statement
 * (unique in its transaction); `refusals.errors[code]` is the error the use case answers with.
 */
export interface DeferredStatement extends Statement {
  refusals?: { tag: string; errors: Record<string, () => Error> };
}

/** ER_SIGNAL_EXCEPTION: a SIGNAL raised by a statement. */
const SIGNAL_ERRNO = 1644;
/** Deferred writes held at most; the next one sends them (a bound on the size of one packet). */
const DEFERRED_LIMIT = 64;

interface TransactionContext {
  manager: EntityManager;
  /** Work to run just before COMMIT, in order. */
  beforeCommit: Array<() => Promise<void>>;
  /** Work to run once COMMIT has succeeded, in order (files put in place for the rows just committed). */
  afterCommit: Array<() => Promise<void>>;
  /**
   * Statements sent together in one round trip right before COMMIT (Idempotency-Key row, audit
   * entries): rows every request touches are then held only for that round trip and the commit.
   */
  finalBatch: Statement[];
  /** Session set-up and START TRANSACTION, until they ride in front of the first statement. */
  setup: Statement[];
  /** Writes that ride in front of the transaction's next statement (or the final batch). */
  deferred: DeferredStatement[];
  /** Tag → what the SIGNALs of that deferred write mean (this attempt's). */
  refusals: Map<string, Record<string, () => Error>>;
  /** START TRANSACTION has gone to the server (so a failure needs a ROLLBACK). */
  started: boolean;
  /** A failure of statements sent ahead of a streamed read, raised before COMMIT. */
  failure?: unknown;
}

/** Connections already set to READ COMMITTED for the session (sent once per connection, not per transaction). */
const sessionsReady = new WeakSet<object>();

type QueryCallback = (error: Error | null, results?: unknown, fields?: unknown) => void;

interface RawConnection {
  query(sql: unknown, values?: unknown, callback?: QueryCallback): unknown;
}

/**
 * Runs a use case in one database transaction (READ COMMITTED). A nested call joins the
 * transaction already open, so an HTTP-level concern (the Idempotency-Key row) and the use case
 * commit together. A deadlock or lock-wait timeout rolls back and runs the whole work again, a
 * bounded number of times.
 *
 * Round trips are what a transaction costs here (and what a hot row is held for), so nothing is
 * sent before it is needed: START TRANSACTION and the deferred writes (ledger transfers) travel
 * in front of the transaction's next statement, and whatever is left goes with the final batch
 * and COMMIT. A money movement whose checks are all cached is then one round trip, START to
 * COMMIT, and its locks are held only while the server runs it.
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

  /**
   * Registers work to run once the current transaction has committed (never when it rolls back).
   * Nothing after COMMIT can undo it, so the work settles its own failures: a rejection is ignored.
   */
  afterCommit(work: () => Promise<void>): void {
    this.context('afterCommit').afterCommit.push(work);
  }

  /** Queues a statement for the final round trip before COMMIT. */
  atCommit(statement: Statement): void {
    this.context('atCommit').finalBatch.push(statement);
  }

  /**
   * Queues a write to go in front of the transaction's next statement, in order. Its refusal
   * (a SIGNAL) fails that statement, and the transaction answers with the mapped error.
   */
  async defer(statement: DeferredStatement): Promise<void> {
    const context = this.context('defer');
    if (context.deferred.length >= DEFERRED_LIMIT) await context.manager.query('DO 0');
    context.deferred.push(statement);
    if (statement.refusals) context.refusals.set(statement.refusals.tag, statement.refusals.errors);
  }

  async run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const current = this.storage.getStore();
    if (current) return work(current.manager);
    const attempts = this.config.TRANSACTION_RETRIES + 1;
    for (let attempt = 1; ; attempt++) {
      const runner = this.dataSource.createQueryRunner();
      await runner.connect();
      const connection = rawConnection(runner);
      const context: TransactionContext = {
        manager: runner.manager,
        beforeCommit: [],
        afterCommit: [],
        finalBatch: [],
        setup: sessionsReady.has(connection) ? [] : [{ sql: 'SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED', params: [] }],
        deferred: [],
        refusals: new Map(),
        started: false,
      };
      context.setup.push({ sql: 'START TRANSACTION', params: [] });
      const detach = attach(connection, context);
      setTransactionOpen(runner, true);
      try {
        const result = await this.storage.run(context, async () => {
          const value = await work(runner.manager);
          for (const hook of context.beforeCommit) await hook();
          return value;
        });
        if (context.failure) throw context.failure;
        await this.commit(runner, context);
        for (const hook of context.afterCommit) await hook().catch(() => undefined);
        return result;
      } catch (failure) {
        context.deferred.length = 0;
        if (context.started && runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
        setTransactionOpen(runner, false);
        const error = refusalOf(failure, context) ?? failure;
        if (attempt < attempts && isRetryableDbError(error)) {
          await new Promise((resolve) => setTimeout(resolve, Math.floor(Math.random() * 10 * attempt)));
          continue;
        }
        throw error;
      } finally {
        detach();
        await runner.release();
      }
    }
  }

  /**
   * Sends what is still queued (START TRANSACTION, deferred writes, the final batch) and COMMIT
   * in one round trip: the rows every request touches (the audit chain head) are then held for
   * no more than that trip. MariaDB stops a multi-statement batch at its first error, so a failed
   * statement never reaches the COMMIT, and the caller rolls back.
   */
  private async commit(runner: QueryRunner, context: TransactionContext): Promise<void> {
    const batch = context.finalBatch;
    if (context.started || context.deferred.length || batch.length) {
      // Straight to the driver (through the wrapper that adds what is queued): the ORM's query
      // bookkeeping is of no use for a batch whose results nobody reads.
      const sql = [...batch.map((s) => s.sql), 'COMMIT'].join(';\n');
      const params = batch.flatMap((s) => s.params);
      await new Promise<void>((resolve, reject) =>
        rawConnection(runner).query(sql, params, (error) => (error ? reject(new QueryFailedError(sql, params, error)) : resolve())),
      );
    }
    // The COMMIT went out with the batch (or nothing was ever sent): the query runner's
    // transaction is over (what its own commitTransaction() sets; we use no transaction subscribers).
    setTransactionOpen(runner, false);
  }

  private context(what: string): TransactionContext {
    const context = this.storage.getStore();
    if (!context) throw new Error(`${what} outside a transaction`);
    return context;
  }
}

function rawConnection(runner: QueryRunner): RawConnection {
  return (runner as unknown as { databaseConnection: RawConnection }).databaseConnection;
}

/** Tells TypeORM's query runner that a transaction is (or is no longer) open on its connection. */
function setTransactionOpen(runner: QueryRunner, open: boolean): void {
  const state = runner as unknown as { isTransactionActive: boolean; transactionDepth: number };
  state.isTransactionActive = open;
  state.transactionDepth = open ? 1 : 0;
}

/** The use case's error for a SIGNAL raised by one of its deferred writes, if that is what failed. */
function refusalOf(error: unknown, context: TransactionContext): Error | undefined {
  const e = error as { errno?: number; sqlMessage?: string; driverError?: { errno?: number; sqlMessage?: string } };
  const driver = e?.driverError ?? e;
  if (driver?.errno !== SIGNAL_ERRNO || !driver.sqlMessage) return undefined;
  const space = driver.sqlMessage.indexOf(' ');
  return context.refusals.get(driver.sqlMessage.slice(space + 1))?.[driver.sqlMessage.slice(0, space)]?.();
}

/**
 * Puts what the transaction has queued (set-up, START TRANSACTION, deferred writes) in front of
 * the next statement sent on this connection, in the same packet, and hands the caller only the
 * results of its own statement(s). Returns the function that detaches it.
 */
function attach(connection: RawConnection, context: TransactionContext): () => void {
  const own = Object.getOwnPropertyDescriptor(connection, 'query');
  const send = connection.query;
  connection.query = function (this: RawConnection, ...args: [unknown, unknown?, QueryCallback?]) {
    const queued = [...context.setup, ...context.deferred];
    if (queued.length === 0) return send.apply(this, args);
    context.setup = [];
    context.deferred = [];
    context.started = true;
    sessionsReady.add(connection);
    const headSql = queued.map((s) => s.sql).join(';\n');
    const headParams = queued.flatMap((s) => s.params);
    // query(sql, values, callback) or query(sql, callback)
    const [sql, values, callback] = typeof args[1] === 'function' ? [args[0], undefined, args[1] as QueryCallback] : args;
    if (typeof sql !== 'string' || typeof callback !== 'function' || !(values === undefined || Array.isArray(values))) {
      // A streamed read (or another form of call): what is queued goes first as its own command
      // (a connection runs its commands in order); a failure there is raised before COMMIT.
      send.call(this, headSql, headParams, (error) => {
        if (error) context.failure ??= error;
      });
      return send.apply(this, args);
    }
    // One text, one list of values: the driver fills placeholders in order and skips quoted
    // text, so a value never lands in another statement's placeholder.
    return send.call(this, `${headSql};\n${sql}`, [...headParams, ...(values ?? [])], (error, results, fields) => {
      if (error) return callback(error);
      const mine = (results as unknown[]).slice(queued.length);
      const myFields = Array.isArray(fields) ? fields.slice(queued.length) : fields;
      callback(null, mine.length === 1 ? mine[0] : mine, Array.isArray(myFields) && mine.length === 1 ? myFields[0] : myFields);
    });
  };
  return () => {
    if (own) Object.defineProperty(connection, 'query', own);
    else delete (connection as Partial<RawConnection>).query;
  };
}
