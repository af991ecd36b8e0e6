import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadConfig } from '../config/app-config';
import { dataSourceOptions } from './data-source-options';

/** Used by the TypeORM CLI (`npm run migration:*`); the application builds its own from the same options. */
export default new DataSource(dataSourceOptions(loadConfig()));
