import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONFIG_VARIABLES, ConfigError, loadConfig } from './app-config';

const ROOT = join(__dirname, '..', '..');

describe('configuration', () => {
  it('reads every variable documented in .env.example and README, optional ones included', () => {
    const documented = readFileSync(join(ROOT, '.env.example'), 'utf8')
      .split('\n')
      .map((line) => /^([A-Z_]+)=/.exec(line)?.[1])
      .filter((name): name is string => Boolean(name));
    expect([...CONFIG_VARIABLES].sort()).toEqual([...documented].sort());
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    for (const name of CONFIG_VARIABLES) expect(readme).toContain(`\`${name}\``);
    expect(CONFIG_VARIABLES).toEqual(expect.arrayContaining(['BOOTSTRAP_ADMIN_EMAIL', 'BOOTSTRAP_ADMIN_PASSWORD', 'JWT_SECRET', 'REDIS_URL', 'DATABASE_MIGRATION_URL', 'SEED_DEMO']));
  });

  it('takes the optional variables from the environment', () => {
    const config = loadConfig({
      BOOTSTRAP_ADMIN_EMAIL: 'admin@so.test',
      BOOTSTRAP_ADMIN_PASSWORD: 'mot-mat-khau-dai',
      JWT_SECRET: 'x'.repeat(32),
      REDIS_URL: 'redis://127.0.0.1:6379',
      DATABASE_MIGRATION_URL: 'mysql://owner:pw@127.0.0.1:3306/kcfund',
      SUPPORT_CONTACT: 'Văn phòng Sở Công Thương, điện thoại 0277 3851 234',
    });
    expect(config).toMatchObject({
      BOOTSTRAP_ADMIN_EMAIL: 'admin@so.test',
      BOOTSTRAP_ADMIN_PASSWORD: 'mot-mat-khau-dai',
      JWT_SECRET: 'x'.repeat(32),
      REDIS_URL: 'redis://127.0.0.1:6379',
      SUPPORT_CONTACT: 'Văn phòng Sở Công Thương, điện thoại 0277 3851 234',
    });
    expect(loadConfig({}).SUPPORT_CONTACT).toBeUndefined();
    expect(CONFIG_VARIABLES).toContain('SUPPORT_CONTACT');
    expect(config.migrationUrl).toBe('mysql://owner:pw@127.0.0.1:3306/kcfund');
    expect(loadConfig({}).migrationUrl).toBe(loadConfig({}).DATABASE_URL);
  });

  it('seeds the demo only in development unless told', () => {
    expect(loadConfig({}).seedDemo).toBe(true);
    expect(loadConfig({ NODE_ENV: 'production' }).seedDemo).toBe(false);
    expect(loadConfig({ NODE_ENV: 'test' }).seedDemo).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', SEED_DEMO: 'true' }).seedDemo).toBe(true);
    expect(loadConfig({ NODE_ENV: 'development', SEED_DEMO: 'false' }).seedDemo).toBe(false);
  });

  it('asks for conflict-of-interest declarations only when told', () => {
    expect(loadConfig({}).REQUIRE_CONFLICT_DECLARATION).toBe(false);
    expect(loadConfig({ REQUIRE_CONFLICT_DECLARATION: 'true' }).REQUIRE_CONFLICT_DECLARATION).toBe(true);
    expect(loadConfig({ REQUIRE_CONFLICT_DECLARATION: 'false' }).REQUIRE_CONFLICT_DECLARATION).toBe(false);
    expect(() => loadConfig({ REQUIRE_CONFLICT_DECLARATION: 'maybe' })).toThrow(/REQUIRE_CONFLICT_DECLARATION:/);
  });

  it('proposes due dates in working days, 1 to 90, 5/10/15 unless told', () => {
    expect(loadConfig({})).toMatchObject({ CONSULTATION_WORKING_DAYS: 5, SUPPLEMENT_WORKING_DAYS: 10, PROCESSING_WORKING_DAYS: 15 });
    expect(loadConfig({ SUPPLEMENT_WORKING_DAYS: '7' }).SUPPLEMENT_WORKING_DAYS).toBe(7);
    expect(() => loadConfig({ CONSULTATION_WORKING_DAYS: '0' })).toThrow(/CONSULTATION_WORKING_DAYS:/);
    expect(() => loadConfig({ PROCESSING_WORKING_DAYS: '91' })).toThrow(/PROCESSING_WORKING_DAYS:/);
    expect(() => loadConfig({ SUPPLEMENT_WORKING_DAYS: 'mười' })).toThrow(/SUPPLEMENT_WORKING_DAYS:/);
  });

  it('builds no signing secret into the code', () => {
    expect(loadConfig({}).JWT_SECRET).toBeUndefined();
    expect(loadConfig({ NODE_ENV: 'production' }).JWT_SECRET).toBeUndefined();
  });

  it('names each bad variable on one line and hides secret values', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: '99999', JWT_SECRET: 'too-short', BOOTSTRAP_ADMIN_EMAIL: 'a@b.test' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message.split('\n')).toHaveLength(1);
    expect(message).toContain('PORT:');
    expect(message).toContain('(got 99999)');
    expect(message).toContain('JWT_SECRET: must be at least 32 characters (hidden)');
    expect(message).not.toContain('too-short');
    expect(message).toContain('BOOTSTRAP_ADMIN_PASSWORD: must be set with BOOTSTRAP_ADMIN_EMAIL');
  });
});
