import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { isIP } from 'node:net';
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

/**
 * Every secret value this repository has ever shipped (former defaults, the compose example).
 * Anyone can read them, so they are refused in every environment, tests included.
 */
export const PUBLISHED_SECRET_VALUES: readonly string[] = [
  'change-me-jwt-secret',
  'change-me-encryption-key',
  'replace-this-with-a-long-random-secret',
  'replace-this-with-another-long-random-secret',
];

/** Values that announce themselves as placeholders, whatever follows. */
const PLACEHOLDER_PREFIXES = ['change-me', 'changeme', 'replace-this', 'replace-me'];

/** The settings that must never be guessable; generated when not given outside production. */
export const SECRET_SETTINGS = ['JWT_SECRET', 'SECRETS_ENCRYPTION_KEY'] as const;
export type SecretSetting = (typeof SECRET_SETTINGS)[number];

/** 256 bits, URL-safe: 43 characters. */
const GENERATED_SECRET_BYTES = 32;

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

  /**
   * HS256 key of access tokens. Required in production; elsewhere generated when unset and
   * kept in the database (instance-secrets.ts).
   */
  @IsString()
  @MinLength(8)
  JWT_SECRET = '';

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

  /**
   * How long a process may remember what a token may do (membership roles, session and
   * API-key standing) without hearing of a change. Changes are pushed to every process at
   * once through PostgreSQL LISTEN/NOTIFY; this bound only matters if a notification is
   * lost without the connection dropping. 0 reads the database on every request.
   */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(300)
  ACCESS_CACHE_TTL_SECONDS = 30;

  /** Encrypts secrets at rest (cluster kubeconfigs, issuer signing keys). Same rules as JWT_SECRET. */
  @IsString()
  @MinLength(16)
  SECRETS_ENCRYPTION_KEY = '';

  @Type(() => Number)
  @IsInt()
  @Min(1024)
  BODY_LIMIT_BYTES = 1024 * 1024;

  /** Largest course document accepted (UTF-8 bytes); larger uploads get 413. */
  @Type(() => Number)
  @IsInt()
  @Min(1024)
  DOCUMENT_MAX_BYTES = 512 * 1024;

  /**
   * Largest offline practice bundle served (uncompressed JSON bytes). A course larger than
   * this is downloaded a chapter at a time (`?section=`), so a phone never pulls megabytes at once.
   */
  @Type(() => Number)
  @IsInt()
  @Min(1024)
  OFFLINE_BUNDLE_MAX_BYTES = 2 * 1024 * 1024;

  /** How old an answer given offline may be when it is uploaded, in days. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  PRACTICE_RESULT_MAX_AGE_DAYS = 30;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  LOGIN_RATE_LIMIT_PER_MINUTE = 10;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  API_KEY_FAILURES_PER_MINUTE = 20;

  /**
   * Requests per client address per minute to the public routes (verification, certificate
   * pages, JWKS, status lists, login). Health probes are not counted.
   */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  PUBLIC_RATE_LIMIT_PER_MINUTE = 300;

  /**
   * Name checks on a certificate ("was it issued to 王芳?") per client address per hour, over
   * all certificates, on top of the public budget: few honest visitors need more than a
   * handful, and each answer is one guess at a hidden name.
   */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  NAME_CHECKS_PER_ADDRESS_PER_HOUR = 10;

  /** Name checks per certificate per hour from all addresses together: caps guessing from many addresses. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  NAME_CHECKS_PER_CERTIFICATE_PER_HOUR = 60;

  /**
   * Which proxies may say who the client is (X-Forwarded-For): `false` (none: the socket
   * address counts), `true` (any: only behind a proxy that overwrites the header), or a
   * comma-separated list of proxy addresses and CIDR ranges (`loopback`, `uniquelocal` too).
   * Fastify no longer honours hop counts, so they are not offered.
   */
  @IsString()
  TRUST_PROXY = 'false';

  /** Run background jobs (deadline sweeps, webhooks, lab cleanup) in this process. */
  @Transform(toBoolean)
  @IsBoolean()
  JOBS_ENABLED = true;

  @Type(() => Number)
  @IsNumber()
  @Min(0.5)
  JOBS_POLL_SECONDS = 2;

  /**
   * Let every outbound call (webhooks, LTI …) reach loopback and private networks (tests,
   * on-premise LMSs). Cloud metadata, unspecified, multicast and broadcast addresses stay closed.
   */
  @Transform(toBoolean)
  @IsBoolean()
  WEBHOOK_ALLOW_PRIVATE_URLS = false;

  /** First retry delay of a failed webhook delivery; doubles each time. */
  @Type(() => Number)
  @IsNumber()
  @Min(0.05)
  WEBHOOK_RETRY_BASE_SECONDS = 10;

  /**
   * After a webhook secret is rotated, how long the previous one keeps signing beside the
   * new one (both in `webhook-signature`), so receivers can switch without losing events.
   * A rotation request may ask for less (0 for a leaked secret).
   */
  @Type(() => Number)
  @IsNumber()
  @Min(0)
  @Max(24 * 30)
  WEBHOOK_SECRET_OVERLAP_HOURS = 24;

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

  /** TRUST_PROXY in the form Fastify's `trustProxy` takes. */
  get trustProxy(): boolean | string[] {
    const value = this.TRUST_PROXY.trim().toLowerCase();
    if (value === 'true' || value === 'false') return value === 'true';
    return value.split(',').map((entry) => entry.trim());
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

/** Names proxy-addr understands besides addresses and ranges. */
const PROXY_RANGE_NAMES = ['loopback', 'linklocal', 'uniquelocal'];

function trustProxyProblems(value: string): string[] {
  const normalised = value.trim().toLowerCase();
  if (['true', 'false'].includes(normalised)) return [];
  const bad = normalised.split(',').map((entry) => entry.trim()).filter((entry) => {
    if (PROXY_RANGE_NAMES.includes(entry)) return false;
    const [address, prefix, extra] = entry.split('/');
    const family = isIP(address ?? '');
    if (family === 0 || extra !== undefined) return true;
    return prefix !== undefined && !(/^\d+$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128));
  });
  return bad.length
    ? [`TRUST_PROXY: must be true, false or a comma-separated list of proxy addresses/CIDR ranges (not ${bad.join(', ')})`]
    : [];
}

const generatedSecrets = new WeakMap<AppConfig, SecretSetting[]>();

/** The secret settings `loadConfig` generated because the environment gave none. */
export function generatedSecretsOf(config: AppConfig): readonly SecretSetting[] {
  return generatedSecrets.get(config) ?? [];
}

export function isPublishedSecret(value: string): boolean {
  const normalised = value.trim().toLowerCase();
  return PUBLISHED_SECRET_VALUES.includes(normalised) || PLACEHOLDER_PREFIXES.some((prefix) => normalised.startsWith(prefix));
}

/** Generates the secrets left unset outside production; names the unset or published ones. */
function settleSecrets(config: AppConfig): { problems: string[]; generated: SecretSetting[] } {
  const problems: string[] = [];
  const generated: SecretSetting[] = [];
  for (const key of SECRET_SETTINGS) {
    if (config[key] === '') {
      if (config.NODE_ENV === 'production') {
        problems.push(`${key}: must be set to a real secret when NODE_ENV=production`);
      } else {
        config[key] = randomBytes(GENERATED_SECRET_BYTES).toString('base64url');
        generated.push(key);
      }
    } else if (isPublishedSecret(config[key])) {
      problems.push(`${key}: is a placeholder published in the kubequiz source; set a random secret (or unset it outside production)`);
    }
  }
  return { problems, generated };
}

/**
 * Reads and validates the environment; throws naming every bad variable at once. A secret
 * left unset is required in production and generated at random elsewhere, so no value that
 * anyone can read in the source is ever accepted.
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  const known = Object.keys(new AppConfig());
  const raw = Object.fromEntries(
    Object.entries(env).filter(([key, value]) => known.includes(key) && value !== undefined && value !== ''),
  );
  const config = plainToInstance(AppConfig, raw, { exposeDefaultValues: true });
  const { problems, generated } = settleSecrets(config);
  problems.push(...trustProxyProblems(config.TRUST_PROXY));
  problems.unshift(
    ...validateSync(config, { skipMissingProperties: false })
      // settleSecrets names an unset production secret more helpfully than "too short".
      .filter((error) => !(SECRET_SETTINGS as readonly string[]).includes(error.property) || config[error.property as SecretSetting] !== '')
      .map((error) => `${error.property}: ${Object.values(error.constraints ?? {}).join('; ')}`),
  );
  if (problems.length > 0) throw new ConfigValidationError(problems);
  generatedSecrets.set(config, generated);
  return config;
}
