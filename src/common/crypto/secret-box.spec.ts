import { SecretBox } from './secret-box.js';

describe('SecretBox', () => {
  it('opens what it sealed, and nothing sealed under another key or purpose', () => {
    const box = new SecretBox('master-secret-value', 'webhooks');
    const sealed = box.seal('whsec_abc');
    expect(sealed).not.toContain('whsec_abc');
    expect(box.open(sealed)).toBe('whsec_abc');
    expect(() => new SecretBox('other-master-secret', 'webhooks').open(sealed)).toThrow();
    expect(() => new SecretBox('master-secret-value', 'other-purpose').open(sealed)).toThrow();
    const [v, iv, tag, data] = sealed.split('.');
    const flipped = `${v}.${iv}.${tag}.${data!.slice(0, -1)}${data!.endsWith('A') ? 'B' : 'A'}`;
    expect(() => box.open(flipped)).toThrow();
  });
});
