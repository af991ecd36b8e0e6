import { DynamicModule, Global, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
import { LoggerModule } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import type { IncomingMessage } from 'node:http';
import { AppConfig } from './config/app-config';
import { dataSourceOptions } from './composition/data-source-options';
import { Clock } from './common/clock';
import { CommonModule } from './common/common.module';
import { ProblemFilter } from './common/http/problem.filter';
import { SlidingWindowStorage } from './common/http/rate-limit.storage';
import { SharedRateLimitStorage } from './common/http/shared-rate-limit.storage';
import { signingKey } from './common/auth/signing-secret';
import { parseDatabaseUrl } from './database/database-url';
import { AuthGuard } from './common/auth/auth.guard';
import { newId } from './common/ids';
import { HealthModule } from './modules/health/health.module';
import { FEATURE_MODULES } from './feature-modules';
import { DemoModule } from './demo/demo.module';
import { HousekeepingModule } from './housekeeping/housekeeping.module';

export interface AppOptions {
  /** A clock the tests control; the real one otherwise. */
  clock?: Clock;
}

@Global()
@Module({})
class CoreModule {}

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, options: AppOptions = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        {
          module: CoreModule,
          providers: [
            { provide: AppConfig, useValue: config },
            { provide: Clock, useValue: options.clock ?? new Clock() },
          ],
          exports: [AppConfig, Clock],
        },
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.LOG_LEVEL,
            // Human-readable lines for a developer at a terminal; JSON lines everywhere else.
            ...(config.NODE_ENV === 'development' && process.stdout.isTTY
              ? { transport: { target: 'pino-pretty', options: { singleLine: true, translateTime: 'SYS:HH:MM:ss.l' } } }
              : {}),
            genReqId: (req: IncomingMessage) => {
              const given = req.headers['x-request-id'];
              return typeof given === 'string' && /^[\w.-]{1,64}$/.test(given) ? given : newId();
            },
            redact: ['req.headers.authorization', 'req.headers.cookie'],
            customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
          },
        }),
        TypeOrmModule.forRoot({ ...dataSourceOptions(config), retryAttempts: 0 }),
        JwtModule.registerAsync({
          global: true,
          inject: [DataSource],
          useFactory: async (db: DataSource) => ({
            secret: (await signingKey(config.JWT_SECRET, db)) as unknown as string,
            signOptions: { expiresIn: config.ACCESS_TOKEN_TTL_SECONDS },
          }),
        }),
        ThrottlerModule.forRoot({
          throttlers: [{ name: 'default', ttl: 60_000, limit: config.RATE_LIMIT_PER_MINUTE }],
          storage: config.REDIS_URL
            ? new SharedRateLimitStorage(config.REDIS_URL, `kcfund:${parseDatabaseUrl(config.DATABASE_URL).database}:`)
            : new SlidingWindowStorage(),
          // The counter's key in clear (the library hashes it with SHA-256 on every request).
          generateKey: (context, tracker, name) => `${context.getClass().name}-${context.getHandler().name}-${name}-${tracker}`,
        }),
        CommonModule,
        HealthModule,
        ...FEATURE_MODULES,
        // Above the feature modules: it acts through their use cases.
        DemoModule,
        // Above the modules and the pages: it runs their upkeep on a schedule.
        HousekeepingModule,
      ],
      providers: [
        { provide: APP_FILTER, useClass: ProblemFilter },
        { provide: APP_GUARD, useClass: ThrottlerGuard },
        { provide: APP_GUARD, useClass: AuthGuard },
      ],
    };
  }
}
