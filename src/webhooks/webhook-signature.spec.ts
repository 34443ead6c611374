import { createHmac } from 'node:crypto';
import { signWebhook, verifyWebhookSignature } from './webhook-signature.js';

describe('webhook signatures', () => {
  it('signs timestamp and body with HMAC-SHA256', () => {
    const expected = createHmac('sha256', 'secret').update('1700000000.{"a":1}').digest('hex');
    expect(signWebhook('secret', 1700000000, '{"a":1}')).toBe(`t=1700000000,v1=${expected}`);
  });

  it('verifies, and refuses a changed body, a wrong secret or an old timestamp', () => {
    const header = signWebhook('secret', 1700000000, '{"a":1}');
    expect(verifyWebhookSignature('secret', header, '{"a":1}', 1700000100)).toBe(true);
    expect(verifyWebhookSignature('secret', header, '{"a":2}', 1700000100)).toBe(false);
    expect(verifyWebhookSignature('other', header, '{"a":1}', 1700000100)).toBe(false);
    expect(verifyWebhookSignature('secret', header, '{"a":1}', 1700000400)).toBe(false);
    expect(verifyWebhookSignature('secret', 'garbage', '{"a":1}', 1700000000)).toBe(false);
  });
});
