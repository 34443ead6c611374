import { Injectable } from '@nestjs/common';
import { clientAddressKey } from '../../common/rate-limit/client-address.js';
import { RateLimiter } from '../../common/rate-limit/rate-limiter.js';
import { Clock } from '../../common/time/clock.js';
import { AppConfig } from '../../config/app-config.js';

const HOUR_MS = 3_600_000;

export type NameCheckAllowance = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Each name check is one guess at a hidden name, so it has a budget of its own beside the
 * shared public one: per client address (over all certificates) and per certificate (over
 * all addresses, against guessing from many addresses at once).
 */
@Injectable()
export class NameCheckRateLimit {
  constructor(
    private readonly limiter: RateLimiter,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async consume(clientAddress: string | undefined, certificateId: string): Promise<NameCheckAllowance> {
    const decisions = [
      await this.limiter.consume(`name-check:address:${clientAddressKey(clientAddress)}`, this.config.NAME_CHECKS_PER_ADDRESS_PER_HOUR, HOUR_MS),
      await this.limiter.consume(`name-check:certificate:${certificateId}`, this.config.NAME_CHECKS_PER_CERTIFICATE_PER_HOUR, HOUR_MS),
    ];
    const refused = decisions.filter((decision) => !decision.allowed);
    if (refused.length === 0) return { allowed: true };
    const resetsAt = Math.max(...refused.map((decision) => decision.resetsAt));
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((resetsAt - this.clock.now().getTime()) / 1000)) };
  }
}
