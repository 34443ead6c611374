import type { SecretBox } from '../common/crypto/secret-box.js';
import type { WebhookEndpointEntity } from './entities/webhook-endpoint.entity.js';
import { newWebhookSecret, type SecretFormat } from './webhook-signature.js';

export interface SigningSecret {
  secret: string;
  format: SecretFormat;
}

type EndpointSecrets = Pick<WebhookEndpointEntity, 'sealedSecret' | 'secretFormat' | 'previousSealedSecret' | 'previousSecretFormat' | 'previousSecretExpiresAt'>;

/** The secrets that sign a delivery sent at `now`: the current one, then the previous one while its overlap lasts. */
export function signingSecretsAt(endpoint: EndpointSecrets, box: SecretBox, now: Date): SigningSecret[] {
  const secrets = [{ secret: box.open(endpoint.sealedSecret), format: endpoint.secretFormat }];
  const { previousSealedSecret, previousSecretFormat, previousSecretExpiresAt } = endpoint;
  if (previousSealedSecret && previousSecretFormat && previousSecretExpiresAt && previousSecretExpiresAt > now) {
    secrets.push({ secret: box.open(previousSealedSecret), format: previousSecretFormat });
  }
  return secrets;
}

/**
 * A new current secret; the current one becomes the previous one until `now + overlap`.
 * Only two secrets sign at once: one still overlapping from an earlier rotation is dropped.
 */
export function rotateSecret(endpoint: EndpointSecrets, box: SecretBox, now: Date, overlapMs: number): { secret: string; changes: EndpointSecrets } {
  const secret = newWebhookSecret();
  const keepPrevious = overlapMs > 0;
  return {
    secret,
    changes: {
      sealedSecret: box.seal(secret),
      secretFormat: 'base64',
      previousSealedSecret: keepPrevious ? endpoint.sealedSecret : null,
      previousSecretFormat: keepPrevious ? endpoint.secretFormat : null,
      previousSecretExpiresAt: keepPrevious ? new Date(now.getTime() + overlapMs) : null,
    },
  };
}
