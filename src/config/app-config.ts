import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  getMetadataStorage,
  validateSync,
} from 'class-validator';

const DATABASE_URL_PATTERN = /^(mysql|mariadb):\/\/[^/]+\/[A-Za-z0-9_]+(\?.*)?$/;
const DATABASE_URL_MESSAGE = 'must look like mysql://user:password@host:3306/database';

/** Variables whose value never appears in a message. */
const SECRET_VARIABLES = new Set(['JWT_SECRET', 'BOOTSTRAP_ADMIN_PASSWORD', 'DATABASE_URL', 'DATABASE_MIGRATION_URL', 'REDIS_URL', 'SMTP_URL']);

const toInt = ({ value }: { value: unknown }) =>
  typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number.parseInt(value, 10) : value;
const toBool = ({ value }: { value: unknown }) => {
  if (typeof value !== 'string') return value;
  const v = value.trim().toLowerCase();
  if (['true', '1', 'yes', 'on'].includes(v)) return true;
  if (['false', '0', 'no', 'off'].includes(v)) return false;
  return value;
};

/**
 * The whole configuration of the service, read once from the environment and validated at
 * start. Nothing else in the code reads process.env.
 */
export class AppConfig {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @Matches(DATABASE_URL_PATTERN, { message: DATABASE_URL_MESSAGE })
  DATABASE_URL = 'mysql://root@127.0.0.1:3306/kcfund';

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(200)
  DATABASE_POOL_SIZE = 20;

  /**
   * The schema owner, for migrations only (optional): then DATABASE_URL can be a user with only
   * SELECT, INSERT, UPDATE, DELETE and EXECUTE on the database. Must name the same database.
   */
  @IsOptional()
  @Matches(DATABASE_URL_PATTERN, { message: DATABASE_URL_MESSAGE })
  DATABASE_MIGRATION_URL?: string;

  /**
   * Signs access tokens (optional). Without it the first start generates one and keeps it in the
   * database (`settings`), so every instance on that database shares it. Nothing is built in.
   */
  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'must be at least 32 characters' })
  JWT_SECRET?: string;

  @Transform(toInt)
  @IsInt()
  @Min(30)
  ACCESS_TOKEN_TTL_SECONDS = 900;

  @Transform(toInt)
  @IsInt()
  @Min(60)
  REFRESH_TOKEN_TTL_SECONDS = 30 * 24 * 3600;

  @IsOptional()
  @IsEmail()
  BOOTSTRAP_ADMIN_EMAIL?: string;

  @IsOptional()
  @IsString()
  @MinLength(10, { message: 'must be at least 10 characters' })
  BOOTSTRAP_ADMIN_PASSWORD?: string;

  /** Seed the demo province into an empty database; unset means: only in development. */
  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  SEED_DEMO?: boolean;

  /**
   * Conflicts of interest: appraising, recommending, initialing and deciding a file need the
   * actor's declaration on it first (có hoặc không có xung đột lợi ích), where the province asks so.
   */
  @Transform(toBool)
  @IsBoolean()
  REQUIRE_CONFLICT_DECLARATION = false;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  @Matches(/^\d+(b|kb|mb)$/i, { message: 'must be a size such as 1mb or 512kb' })
  BODY_LIMIT = '1mb';

  /** Login and registration attempts per minute for one account (from any address). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  RATE_LIMIT_AUTH_PER_MINUTE = 10;

  /**
   * Login and registration attempts per minute from one address (any account): high enough that
   * a province office behind one address can sign in at 8 a.m.
   */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  RATE_LIMIT_AUTH_PER_ADDRESS_PER_MINUTE = 300;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  RATE_LIMIT_PER_MINUTE = 100000;

  @IsString()
  DATA_DIR = './data';

  /**
   * The national list of administrative units to load at start when none is loaded yet (a TSV in
   * the format of POST /admin-units/import, e.g. made from danhmuchanhchinh.nso.gov.vn). Unset: no
   * list until an administrator imports one; commune codes are then only checked for their form.
   */
  @IsOptional()
  @IsString()
  ADMIN_UNITS_FILE?: string;

  /**
   * Minutes between housekeeping runs (old Idempotency-Keys, ended sessions, expired refresh
   * tokens, orphan files), one instance at a time; 0 turns the schedule off.
   */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(1440)
  HOUSEKEEPING_INTERVAL_MINUTES = 60;

  @IsString()
  ISSUING_BODY = 'SỞ CÔNG THƯƠNG TỈNH ĐỒNG THÁP';

  @IsString()
  ISSUING_PLACE = 'Đồng Tháp';

  /**
   * Whom people ask for a new password (or other help), as the "Quên mật khẩu?" page shows it: the
   * office, its telephone and e-mail, e.g. "Văn phòng Sở Công Thương, điện thoại 0277 3851 234,
   * email vanphong.sct@dongthap.gov.vn". Without it the page names the office alone.
   */
  @IsOptional()
  @IsString()
  @MaxLength(300)
  SUPPORT_CONTACT?: string;

  @IsString()
  GRANT_ID_PREFIX = '360G-kcfund-dongthap';

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(60)
  TRANSACTION_RETRIES = 5;

  /**
   * Working days the web forms propose for a step's due date (the API takes any date or
   * `workingDays`): a consulted unit's answer, a producer's supplement, the office's processing.
   * Counted with the holiday calendar, weekends and holidays skipped.
   */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(90)
  CONSULTATION_WORKING_DAYS = 5;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(90)
  SUPPLEMENT_WORKING_DAYS = 10;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(90)
  PROCESSING_WORKING_DAYS = 15;

  /**
   * Redis for the rate-limit counters (optional): then limits hold across worker processes and
   * instances; without it each process counts in its own memory.
   */
  @IsOptional()
  @Matches(/^rediss?:\/\/\S+$/, { message: 'must look like redis://host:6379' })
  REDIS_URL?: string;

  /**
   * Where people reach the service, for the links in e-mails (no trailing slash); defaults to
   * this machine on PORT.
   */
  @IsOptional()
  @Matches(/^https?:\/\/[^\s/]+(\/[^\s]*[^\s/])?$/, { message: 'must look like https://kcfund.example.gov.vn' })
  PUBLIC_URL?: string;

  /**
   * The SMTP server e-mails go through (optional), e.g. smtps://user:pass@mail.example.gov.vn:465;
   * without it notifications are in-app only.
   */
  @IsOptional()
  @Matches(/^smtps?:\/\/\S+$/, { message: 'must look like smtp://user:password@host:587' })
  SMTP_URL?: string;

  /** The sender of e-mails. */
  @IsString()
  MAIL_FROM = 'KCFund <no-reply@kcfund.local>';

  /**
   * Seconds between runs of the notification worker (events into notifications, e-mails out);
   * 0 turns it off (tests drive it by hand).
   */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(3600)
  NOTIFICATIONS_INTERVAL_SECONDS = 10;

  /**
   * Seconds an e-mail being sent stays claimed by one worker; after that (the worker died) another
   * sends it again, under the same Message-ID.
   */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(3600)
  MAIL_CLAIM_SECONDS = 300;

  /** Minutes between reminder runs (due soon, due today, overdue; daily digests); 0 turns them off. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(1440)
  REMINDERS_INTERVAL_MINUTES = 60;

  /** Working days before a due date when "sắp đến hạn" reminders go out. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(30)
  REMINDER_DAYS_BEFORE = 2;

  /** HTTP worker processes (Node's cluster); 1 runs the service in a single process. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(64)
  WEB_CONCURRENCY = 1;

  /** The address links in e-mails start with. */
  get publicUrl(): string {
    return this.PUBLIC_URL ?? `http://localhost:${this.PORT}`;
  }

  get isProduction(): boolean {
    return this.NODE_ENV === 'production';
  }

  /** The demo province is seeded when asked, or in development unless refused. */
  get seedDemo(): boolean {
    return this.SEED_DEMO ?? this.NODE_ENV === 'development';
  }

  /** Where migrations run: the schema owner when given, the service's own user otherwise. */
  get migrationUrl(): string {
    return this.DATABASE_MIGRATION_URL ?? this.DATABASE_URL;
  }
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    // One line: a start-up script or a service manager shows the first line of an error.
    super(`invalid configuration: ${problems.join('; ')}`);
  }
}

/**
 * The variables the service reads: every property of AppConfig that carries a validation rule,
 * optional ones included (an optional property without a default is not an own key of an
 * instance, so reading `Object.keys(new AppConfig())` silently dropped them).
 */
export const CONFIG_VARIABLES: readonly string[] = [
  ...new Set(getMetadataStorage().getTargetValidationMetadatas(AppConfig, '', true, false).map((m) => m.propertyName)),
];

function shown(name: string, value: unknown): string {
  return SECRET_VARIABLES.has(name) ? '(hidden)' : `(got ${JSON.stringify(value)})`;
}

function databaseOf(url: string): string {
  return new URL(url.replace(/^mariadb:/, 'mysql:')).pathname.replace(/^\//, '');
}

/** Reads and validates the configuration; throws ConfigError naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const raw: Record<string, string> = {};
  for (const name of CONFIG_VARIABLES) {
    const value = env[name];
    if (value !== undefined && value !== '') raw[name] = value;
  }
  const config = plainToInstance(AppConfig, raw, { exposeDefaultValues: true });
  const errors = validateSync(config, { whitelist: false });
  const problems = errors.map((e) => `${e.property}: ${Object.values(e.constraints ?? {}).join('; ')} ${shown(e.property, e.value)}`);
  if (Boolean(config.BOOTSTRAP_ADMIN_EMAIL) !== Boolean(config.BOOTSTRAP_ADMIN_PASSWORD)) {
    problems.push(
      config.BOOTSTRAP_ADMIN_EMAIL
        ? 'BOOTSTRAP_ADMIN_PASSWORD: must be set with BOOTSTRAP_ADMIN_EMAIL'
        : 'BOOTSTRAP_ADMIN_EMAIL: must be set with BOOTSTRAP_ADMIN_PASSWORD',
    );
  }
  if (
    !errors.some((e) => e.property === 'DATABASE_URL' || e.property === 'DATABASE_MIGRATION_URL') &&
    config.DATABASE_MIGRATION_URL &&
    databaseOf(config.DATABASE_MIGRATION_URL) !== databaseOf(config.DATABASE_URL)
  ) {
    problems.push('DATABASE_MIGRATION_URL: must name the same database as DATABASE_URL');
  }
  if (problems.length) throw new ConfigError(problems);
  return config;
}
