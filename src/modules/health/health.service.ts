import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

const PROBE_TIMEOUT_MS = 2000;

@Injectable()
export class HealthService {
  constructor(private readonly dataSource: DataSource) {}

  /** Asks the database for `SELECT 1`; a pool that lost its server reconnects on the next call. */
  async check(): Promise<{ status: 'ok' | 'error'; db: 'up' | 'down' }> {
    try {
      await Promise.race([
        this.dataSource.query('SELECT 1'),
        new Promise((_, reject) => setTimeout(() => reject(new Error('health probe timed out')), PROBE_TIMEOUT_MS).unref()),
      ]);
      return { status: 'ok', db: 'up' };
    } catch {
      return { status: 'error', db: 'down' };
    }
  }
}
