import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadConfig } from '../config/app-config';
import { dataSourceOptions } from './data-source-options';

const config = loadConfig();

/**
 * Used by the TypeORM CLI (`npm run migration:*`), as the schema owner when
 * DATABASE_MIGRATION_URL names one; the application builds its own from the same options.
 */
export default new DataSource(dataSourceOptions({ DATABASE_URL: config.migrationUrl, DATABASE_POOL_SIZE: 2 }));
