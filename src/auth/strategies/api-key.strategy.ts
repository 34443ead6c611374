import { Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { AppConfig } from '../../config/app-config.js';
import { AppException } from '../../common/errors/app.exception.js';
import { ApiKeysService } from '../../organizations/api-keys.service.js';
import type { AuthContext } from '../auth-context.js';
import { FailureLimiter } from '../failure-limiter.js';

export const API_KEY_HEADER = 'x-api-key';

/** `X-Api-Key: kq_…` for integrations. Wrong keys count against the client's address. */
@Injectable()
export class ApiKeyStrategy {
  constructor(
    private readonly apiKeys: ApiKeysService,
    private readonly limiter: FailureLimiter,
    private readonly config: AppConfig,
  ) {}

  /** Null without the header; 401 for a wrong or revoked key. */
  async validate(request: FastifyRequest): Promise<AuthContext | null> {
    const presented = request.headers[API_KEY_HEADER];
    if (presented === undefined) return null;
    const limiterKey = `api-key:${request.ip}`;
    this.limiter.assertAllowed(limiterKey, this.config.API_KEY_FAILURES_PER_MINUTE);
    const key = typeof presented === 'string' ? await this.apiKeys.authenticate(presented) : null;
    if (!key) {
      this.limiter.recordFailure(limiterKey);
      throw new AppException('invalid-token', 'The API key is unknown or revoked');
    }
    return {
      kind: 'api-key',
      userId: null,
      organizationId: key.organizationId,
      roles: [],
      isPlatformAdmin: false,
      apiKeyId: key.id,
      scopes: key.scopes,
    };
  }
}
