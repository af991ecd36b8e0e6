import 'reflect-metadata';
import { RequestMethod } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { AppModule, AppOptions } from './app.module';
import { AppConfig } from './config/app-config';
import { dataSourceOptions } from './composition/data-source-options';
import { createValidationPipe } from './common/http/validation.pipe';
import { boundedJsonBody } from './common/http/json-body';
import { WEB_PAGE_ROUTES } from './web/web-routes';
import { configureWebPages } from './web/web-setup';

export interface CreateAppOptions extends AppOptions {
  /** Buffer logs until the pino logger is ready (the real service); tests keep Nest's quiet default. */
  bufferLogs?: boolean;
}

/** Builds the application with every HTTP concern set, without listening. */
export async function createApp(config: AppConfig, options: CreateAppOptions = {}): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, options), {
    bodyParser: false,
    bufferLogs: options.bufferLogs ?? false,
    // Tests keep Nest quiet but for errors, so a 500 shows its cause.
    logger: options.bufferLogs ? undefined : ['error'],
    abortOnError: false,
  });
  if (options.bufferLogs) app.useLogger(app.get(Logger));
  app.useBodyParser('json', { limit: config.BODY_LIMIT, type: ['application/json', 'application/*+json'] });
  app.useBodyParser('urlencoded', { limit: config.BODY_LIMIT, extended: false });
  // Depth, size and shape of a JSON body, before a guard, the Idempotency-Key hash or a DTO sees it.
  app.use(boundedJsonBody);
  app.set('trust proxy', 'loopback');
  app.disable('x-powered-by');
  app.setGlobalPrefix('api/v1', { exclude: [{ path: 'health', method: RequestMethod.GET }, ...WEB_PAGE_ROUTES] });
  configureWebPages(app);
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('KCFund API')
      .setDescription('Quản lý kinh phí khuyến công: đề án, ngân sách, giải ngân, quyết toán, báo cáo.')
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
  return app;
}

/**
 * Applies pending migrations as the schema owner (DATABASE_MIGRATION_URL when given, else the
 * service's own user), on a connection of their own; returns the names applied.
 */
export async function migrateDatabase(config: AppConfig): Promise<string[]> {
  const db = new DataSource({ ...dataSourceOptions({ DATABASE_URL: config.migrationUrl, DATABASE_POOL_SIZE: 2 }) });
  await db.initialize();
  try {
    return (await db.runMigrations({ transaction: 'each' })).map((m) => m.name);
  } finally {
    await db.destroy();
  }
}
