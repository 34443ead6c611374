import { createHmac } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { legacySignature, newWebhookSecret, signingKey, standardSignature, standardWebhookHeaders } from './webhook-signature.js';

const body = '{"id":"d1","type":"attempt.graded","data":{"passed":true}}';
const now = () => Math.floor(Date.now() / 1000);

describe('Standard Webhooks signatures', () => {
  it('match the test vector of the Standard Webhooks specification', () => {
    const key = signingKey('whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', 'base64');
    expect(standardSignature(key, 'msg_p5jXN8AQM9LWM0D4loKWxJek', 1614265330, '{"test": 2432232314}')).toBe('v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=');
  });

  it('verify with the standardwebhooks library, and fail for another secret or a changed body', () => {
    const secret = newWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(signingKey(secret, 'base64')).toHaveLength(32);
    const headers = standardWebhookHeaders([signingKey(secret, 'base64')], 'd1', now(), body);
    expect(new Webhook(secret).verify(body, { ...headers })).toEqual(JSON.parse(body));
    expect(() => new Webhook(newWebhookSecret()).verify(body, { ...headers })).toThrow('No matching signature found');
    expect(() => new Webhook(secret).verify(body.replace('true', 'false'), { ...headers })).toThrow('No matching signature found');
  });

  it('carry one signature per secret during a rotation, each verifiable on its own', () => {
    const [current, previous] = [newWebhookSecret(), newWebhookSecret()];
    const headers = standardWebhookHeaders([signingKey(current, 'base64'), signingKey(previous, 'base64')], 'd2', now(), body);
    expect(headers['webhook-signature'].split(' ')).toHaveLength(2);
    expect(headers['webhook-signature'].split(' ').every((part) => part.startsWith('v1,'))).toBe(true);
    expect(new Webhook(current).verify(body, { ...headers })).toBeTruthy();
    expect(new Webhook(previous).verify(body, { ...headers })).toBeTruthy();
  });

  it('keep secrets issued before the standard valid: their bytes are the key, as the library raw option reads them', () => {
    const old = 'whsec_3q2-7wAbCdEfGhIjKlMnOpQrStUvWxYz0123';
    const headers = standardWebhookHeaders([signingKey(old, 'raw')], 'd3', now(), body);
    expect(new Webhook(old, { format: 'raw' }).verify(body, { ...headers })).toBeTruthy();
    expect(new Webhook(`whsec_${Buffer.from(old).toString('base64')}`).verify(body, { ...headers })).toBeTruthy();
    expect(() => new Webhook(old).verify(body, { ...headers })).toThrow();
  });

  it('still produce the old Kubequiz-Signature header for such secrets', () => {
    const expected = createHmac('sha256', 'whsec_old').update(`1700000000.${body}`).digest('hex');
    expect(legacySignature('whsec_old', 1700000000, body)).toBe(`t=1700000000,v1=${expected}`);
  });
});
