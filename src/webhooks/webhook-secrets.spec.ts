import { SecretBox } from '../common/crypto/secret-box.js';
import { rotateSecret, signingSecretsAt } from './webhook-secrets.js';

const box = new SecretBox('test-master-secret-of-enough-length', 'webhook-secrets');
const at = (iso: string) => new Date(iso);
const HOUR = 3_600_000;

function endpoint(secret: string, format: 'base64' | 'raw' = 'base64') {
  return { sealedSecret: box.seal(secret), secretFormat: format, previousSealedSecret: null, previousSecretFormat: null, previousSecretExpiresAt: null };
}

describe('webhook secret rotation', () => {
  it('signs with the new and the old secret until the overlap ends, then with the new one only', () => {
    const before = endpoint('whsec_old', 'raw');
    const { secret, changes } = rotateSecret(before, box, at('2026-03-01T00:00:00Z'), 24 * HOUR);
    expect(secret).toMatch(/^whsec_/);
    expect(changes.previousSecretExpiresAt).toEqual(at('2026-03-02T00:00:00Z'));
    expect(signingSecretsAt(changes, box, at('2026-03-01T23:59:59Z'))).toEqual([
      { secret, format: 'base64' },
      { secret: 'whsec_old', format: 'raw' },
    ]);
    expect(signingSecretsAt(changes, box, at('2026-03-02T00:00:00Z'))).toEqual([{ secret, format: 'base64' }]);
  });

  it('drops the oldest secret when rotating again during an overlap, and keeps none with a zero overlap', () => {
    const first = rotateSecret(endpoint('whsec_a'), box, at('2026-03-01T00:00:00Z'), 24 * HOUR);
    const second = rotateSecret(first.changes, box, at('2026-03-01T01:00:00Z'), 24 * HOUR);
    expect(signingSecretsAt(second.changes, box, at('2026-03-01T02:00:00Z')).map((s) => s.secret)).toEqual([second.secret, first.secret]);
    const immediate = rotateSecret(second.changes, box, at('2026-03-01T03:00:00Z'), 0);
    expect(immediate.changes).toMatchObject({ previousSealedSecret: null, previousSecretExpiresAt: null });
    expect(signingSecretsAt(immediate.changes, box, at('2026-03-01T03:00:00Z')).map((s) => s.secret)).toEqual([immediate.secret]);
  });
});
