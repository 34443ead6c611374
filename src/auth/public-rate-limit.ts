import { Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppException } from '../common/errors/app.exception.js';
import { clientAddressKey } from '../common/rate-limit/client-address.js';
import { RateLimiter, type RateLimitDecision } from '../common/rate-limit/rate-limiter.js';
import { Clock } from '../common/time/clock.js';
import { AppConfig } from '../config/app-config.js';

const WINDOW_MS = 60_000;

/**
 * One budget per client address shared by every public route, generous enough that honest
 * verification never meets it. The address is the socket's, or the one a trusted proxy
 * reports (TRUST_PROXY), so a client cannot mint new ones with a header.
 */
@Injectable()
export class PublicRateLimit {
  constructor(
    private readonly limiter: RateLimiter,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async enforce(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const decision = await this.limiter.consume(`public:${clientAddressKey(request.ip)}`, this.config.PUBLIC_RATE_LIMIT_PER_MINUTE, WINDOW_MS);
    const headers = this.headersFor(decision);
    if (!decision.allowed) {
      throw new AppException('too-many-requests', 'Too many requests from this address; try again later', {
        headers: { ...headers, 'retry-after': headers['ratelimit-reset']! },
      });
    }
    reply.headers(headers);
  }

  /** The IETF draft's RateLimit fields (as @fastify/rate-limit and most clients read them). */
  private headersFor(decision: RateLimitDecision): Record<string, string> {
    const resetSeconds = Math.max(1, Math.ceil((decision.resetsAt - this.clock.now().getTime()) / 1000));
    return {
      'ratelimit-policy': `${decision.limit};w=${WINDOW_MS / 1000}`,
      'ratelimit-limit': String(decision.limit),
      'ratelimit-remaining': String(decision.remaining),
      'ratelimit-reset': String(resetSeconds),
    };
  }
}
