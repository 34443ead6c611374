import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { DATABASE_URL } from '../../database/database.module.js';

/**
 * The channel the access-change triggers notify (migration AccessChangeNotifications).
 * Payloads: `user:<id>`, `session:<refresh family id>`, `api-key:<id>`, or `*`.
 */
export const ACCESS_CHANGES_CHANNEL = 'kubequiz_access_changes';
const FENCE_PREFIX = 'fence:';
const FENCE_TIMEOUT_MS = 2000;
const CONNECT_TIMEOUT_MS = 5000;
const RECONNECT_FIRST_MS = 250;
const RECONNECT_MAX_MS = 30_000;

/** Told about every change, and about every time changes may have been missed. */
export interface AccessChangeSubscriber {
  invalidate(key: string): void;
  startRemembering(): void;
  stopRemembering(): void;
}

export interface AccessChangeListenerStatus {
  listening: boolean;
  /** PostgreSQL backend of the listening connection (diagnostics, tests). */
  backendPid: number | null;
  /** How many times a LISTEN was established since start. */
  sessions: number;
}

/**
 * One dedicated PostgreSQL connection (outside the pool, so a pool of one still serves
 * requests) that LISTENs for access changes committed by any process on the database.
 * Losing it stops every subscriber from caching until it is back; nothing depends on a
 * notification arriving, only on knowing when one might have been missed.
 */
@Injectable()
export class AccessChangeListener implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('AccessChanges');
  private readonly subscribers = new Set<AccessChangeSubscriber>();
  private readonly fences = new Map<string, () => void>();
  private client: pg.Client | null = null;
  private backendPid: number | null = null;
  private listening = false;
  private sessions = 0;
  private stopping = false;
  private reconnectDelay = RECONNECT_FIRST_MS;
  private reconnectTimer: NodeJS.Timeout | null = null;

  constructor(@Inject(DATABASE_URL) private readonly databaseUrl: string) {}

  subscribe(subscriber: AccessChangeSubscriber): void {
    this.subscribers.add(subscriber);
    if (this.listening) subscriber.startRemembering();
  }

  get status(): AccessChangeListenerStatus {
    return { listening: this.listening, backendPid: this.listening ? this.backendPid : null, sessions: this.sessions };
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.connect();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    this.reconnectTimer = null;
    const client = this.client;
    this.drop();
    await client?.end().catch(() => undefined);
  }

  /**
   * Resolves once this process has received every access change committed before the
   * call: it notifies a fence through the same channel and waits for it to come back, and
   * notifications arrive in commit order. Routes that change access await it before they
   * answer, so the caller's next request meets the change. A fence that does not come
   * back in time puts the feed in doubt: the connection is dropped (forgetting the cache)
   * and opened again.
   */
  async settled(): Promise<void> {
    const client = this.client;
    if (!this.listening || !client) return;
    const id = randomUUID();
    let release!: (echoed: boolean) => void;
    const echoed = new Promise<boolean>((resolve) => (release = resolve));
    this.fences.set(id, () => release(true));
    const timer = setTimeout(() => release(false), FENCE_TIMEOUT_MS);
    client.query('SELECT pg_notify($1, $2)', [ACCESS_CHANGES_CHANNEL, `${FENCE_PREFIX}${id}`]).catch(() => release(false));
    const ok = await echoed;
    clearTimeout(timer);
    this.fences.delete(id);
    if (!ok) this.lost(client, new Error(`no echo of an access-change fence within ${FENCE_TIMEOUT_MS} ms`));
  }

  private async connect(): Promise<void> {
    this.reconnectTimer = null;
    if (this.stopping) return;
    const client = new pg.Client({
      connectionString: this.databaseUrl,
      application_name: 'kubequiz-access-listener',
      keepAlive: true,
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    });
    client.on('notification', (message) => {
      if (message.channel === ACCESS_CHANGES_CHANNEL && message.payload) this.received(message.payload);
    });
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client));
    this.client = client;
    try {
      await client.connect();
      await client.query(`LISTEN ${ACCESS_CHANGES_CHANNEL}`);
      this.backendPid = (await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid;
    } catch (error) {
      this.lost(client, error);
      return;
    }
    if (this.client !== client || this.stopping) return;
    this.listening = true;
    this.sessions += 1;
    this.reconnectDelay = RECONNECT_FIRST_MS;
    this.forEachSubscriber((s) => s.startRemembering());
  }

  private received(payload: string): void {
    if (payload.startsWith(FENCE_PREFIX)) {
      this.fences.get(payload.slice(FENCE_PREFIX.length))?.();
      return;
    }
    this.forEachSubscriber((s) => s.invalidate(payload));
  }

  private lost(client: pg.Client, error?: unknown): void {
    if (this.client !== client) return;
    this.drop();
    client.end().catch(() => undefined);
    if (this.stopping) return;
    this.logger.warn({ err: error }, `access-change feed lost; reading access from the database until it is back`);
    this.reconnectTimer = setTimeout(() => void this.connect(), this.reconnectDelay);
    this.reconnectTimer.unref();
    this.reconnectDelay = Math.min(this.reconnectDelay * 2, RECONNECT_MAX_MS);
  }

  private drop(): void {
    this.client = null;
    this.listening = false;
    this.forEachSubscriber((s) => s.stopRemembering());
    for (const release of this.fences.values()) release();
  }

  private forEachSubscriber(action: (subscriber: AccessChangeSubscriber) => void): void {
    for (const subscriber of this.subscribers) action(subscriber);
  }
}
