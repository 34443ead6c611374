import { createHmac, randomBytes } from 'node:crypto';

/**
 * Standard Webhooks (https://www.standardwebhooks.com): `webhook-signature` holds
 * space-separated `v1,<base64 HMAC-SHA256(key, "<webhook-id>.<webhook-timestamp>.<body>")>`,
 * one per secret valid at sending time, so a receiver keeps verifying across a rotation.
 */
export const SECRET_PREFIX = 'whsec_';

/**
 * How a stored secret turns into HMAC key bytes. `base64`: a Standard Webhooks secret,
 * `whsec_` + base64 of the key. `raw`: a secret issued before we followed the standard,
 * whose UTF-8 bytes (prefix included) were the key; it stays valid, see `LEGACY_SIGNATURE_HEADER`.
 */
export type SecretFormat = 'base64' | 'raw';

const SECRET_BYTES = 32;

export function newWebhookSecret(): string {
  return `${SECRET_PREFIX}${randomBytes(SECRET_BYTES).toString('base64')}`;
}

export function signingKey(secret: string, format: SecretFormat): Buffer {
  return format === 'raw' ? Buffer.from(secret, 'utf8') : Buffer.from(secret.slice(SECRET_PREFIX.length), 'base64');
}

export function standardSignature(key: Buffer, messageId: string, timestamp: number, body: string): string {
  return `v1,${createHmac('sha256', key).update(`${messageId}.${timestamp}.${body}`).digest('base64')}`;
}

export interface StandardWebhookHeaders {
  'webhook-id': string;
  'webhook-timestamp': string;
  'webhook-signature': string;
}

/** `keys`: the current secret's first, then one still inside its rotation overlap. */
export function standardWebhookHeaders(keys: Buffer[], messageId: string, timestamp: number, body: string): StandardWebhookHeaders {
  return {
    'webhook-id': messageId,
    'webhook-timestamp': String(timestamp),
    'webhook-signature': keys.map((key) => standardSignature(key, messageId, timestamp, body)).join(' '),
  };
}

/**
 * The scheme before Standard Webhooks: `t=<unix>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>`.
 * Still sent, beside the standard headers, while an endpoint has a secret from that time,
 * so receivers written for it keep working until the endpoint rotates its secret.
 */
export const LEGACY_SIGNATURE_HEADER = 'kubequiz-signature';

export function legacySignature(secret: string, timestamp: number, body: string): string {
  return `t=${timestamp},v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}
