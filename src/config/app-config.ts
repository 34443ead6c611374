import 'reflect-metadata';
import { plainToInstance, Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUrl,
  Max,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';
import { IsPublicBaseUrl } from './public-base-url.js';

const PLACEHOLDER_SECRET = 'change-me';

const toBoolean = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? ['1', 'true', 'yes', 'on'].includes(value.toLowerCase()) : value;

/**
 * Every setting the API reads, validated once at start-up. Names are the environment
 * variable names so an error message points straight at what to fix.
 */
export class AppConfig {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @IsString()
  HOST = '0.0.0.0';

  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  /** Public origin used in links (credentials, QR codes): https and required in production, else defaults to http://localhost:PORT. */
  @IsPublicBaseUrl()
  PUBLIC_BASE_URL?: string;

  /** PostgreSQL connection string. Unset: an embedded PostgreSQL is started. */
  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['postgres', 'postgresql'], require_protocol: true })
  DATABASE_URL?: string;

  @IsString()
  EMBEDDED_PG_DATA_DIR = '.data/postgres';

  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(65535)
  EMBEDDED_PG_PORT = 0;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  DATABASE_POOL_SIZE = 10;

  @IsString()
  @MinLength(8)
  JWT_SECRET = PLACEHOLDER_SECRET + '-jwt-secret';

  @Type(() => Number)
  @IsInt()
  @Min(30)
  JWT_ACCESS_TTL_SECONDS = 900;

  @Type(() => Number)
  @IsInt()
  @Min(60)
  REFRESH_TOKEN_TTL_SECONDS = 30 * 24 * 3600;

  @Type(() => Number)
  @IsInt()
  @Min(30)
  CANDIDATE_TOKEN_TTL_SECONDS = 3600;

  /** Encrypts secrets at rest (cluster kubeconfigs, issuer signing keys). */
  @IsString()
  @MinLength(16)
  SECRETS_ENCRYPTION_KEY = PLACEHOLDER_SECRET + '-encryption-key';

  @Type(() => Number)
  @IsInt()
  @Min(1024)
  BODY_LIMIT_BYTES = 1024 * 1024;

  /** Largest course document accepted (UTF-8 bytes); larger uploads get 413. */
  @Type(() => Number)
  @IsInt()
  @Min(1024)
  DOCUMENT_MAX_BYTES = 512 * 1024;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  LOGIN_RATE_LIMIT_PER_MINUTE = 10;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  API_KEY_FAILURES_PER_MINUTE = 20;

  /** Run background jobs (deadline sweeps, webhooks, lab cleanup) in this process. */
  @Transform(toBoolean)
  @IsBoolean()
  JOBS_ENABLED = true;

  @Type(() => Number)
  @IsNumber()
  @Min(0.5)
  JOBS_POLL_SECONDS = 2;

  /** Allow webhook URLs on loopback and private networks (tests, on-premise LMSs). */
  @Transform(toBoolean)
  @IsBoolean()
  WEBHOOK_ALLOW_PRIVATE_URLS = false;

  /** First retry delay of a failed webhook delivery; doubles each time. */
  @Type(() => Number)
  @IsNumber()
  @Min(0.05)
  WEBHOOK_RETRY_BASE_SECONDS = 10;

  /**
   * Certificates per revocation status list before a new list is started. Every list is
   * 131,072 bits (the W3C minimum, for herd privacy); a smaller capacity only leaves bits unused.
   */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(131_072)
  STATUS_LIST_CAPACITY = 131_072;

  /** Start the embedded sandbox cluster in-process and register it for labs. */
  @Transform(toBoolean)
  @IsBoolean()
  SANDBOX_ENABLED = true;

  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(65535)
  SANDBOX_PORT = 0;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  SANDBOX_CAPACITY = 100;

  /** How long a practice lab session lives. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  LAB_SESSION_MINUTES = 60;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  LAB_MAX_SESSIONS_PER_CANDIDATE = 2;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent' = 'info';

  /** Create the demo organisation and accounts on start if they do not exist. */
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  SEED_ON_START?: boolean;

  get publicBaseUrl(): string {
    return (this.PUBLIC_BASE_URL ?? `http://localhost:${this.PORT}`).replace(/\/$/, '');
  }

  get usesEmbeddedDatabase(): boolean {
    return !this.DATABASE_URL;
  }

  get seedOnStart(): boolean {
    return this.SEED_ON_START ?? this.usesEmbeddedDatabase;
  }
}

export class ConfigValidationError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigValidationError';
  }
}

const SECRET_KEYS = ['JWT_SECRET', 'SECRETS_ENCRYPTION_KEY'] as const;

/** Reads and validates the environment; throws naming every bad variable at once. */
export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  const known = Object.keys(new AppConfig());
  const raw = Object.fromEntries(
    Object.entries(env).filter(([key, value]) => known.includes(key) && value !== undefined && value !== ''),
  );
  const config = plainToInstance(AppConfig, raw, { exposeDefaultValues: true });
  const problems = validateSync(config, { skipMissingProperties: false }).map(
    (error) => `${error.property}: ${Object.values(error.constraints ?? {}).join('; ')}`,
  );
  if (config.NODE_ENV === 'production') {
    for (const key of SECRET_KEYS) {
      if (config[key].startsWith(PLACEHOLDER_SECRET)) {
        problems.push(`${key}: must be set to a real secret when NODE_ENV=production`);
      }
    }
  }
  if (problems.length > 0) throw new ConfigValidationError(problems);
  return config;
}
