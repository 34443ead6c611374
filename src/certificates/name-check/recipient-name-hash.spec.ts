import { hashRecipientName, normaliseRecipientName, recipientNameMatches } from './recipient-name-hash.js';

describe('recipient name check', () => {
  it('normalises NFC, whitespace and case', () => {
    expect(normaliseRecipientName('  Wang\t\u3000 FANG \n')).toBe('wang fang');
    // "é" as e + combining acute and as one code point.
    expect(normaliseRecipientName('Rene\u0301e')).toBe(normaliseRecipientName('Renée'));
    expect(normaliseRecipientName('STRAẞE')).toBe(normaliseRecipientName('strasse'));
    expect(normaliseRecipientName(' 王  芳 ')).toBe('王 芳');
  });

  it('matches the printed name in any spelling the normalisation allows, and nothing else', () => {
    const stored = hashRecipientName('王芳');
    expect(recipientNameMatches('王芳', stored)).toBe(true);
    expect(recipientNameMatches(' 王芳\u3000', stored)).toBe(true);
    expect(recipientNameMatches('王方', stored)).toBe(false);
    expect(recipientNameMatches('王 芳', stored)).toBe(false);
    expect(recipientNameMatches('', stored)).toBe(false);
    const latin = hashRecipientName('Zhang Wei');
    expect(recipientNameMatches('zhang  WEI', latin)).toBe(true);
    expect(recipientNameMatches('Zhang Wei Jr', latin)).toBe(false);
  });

  it('salts each hash, so equal names give different hashes', () => {
    const a = hashRecipientName('Li Na');
    const b = hashRecipientName('Li Na');
    expect(a.salt.equals(b.salt)).toBe(false);
    expect(a.hash.equals(b.hash)).toBe(false);
    expect(a.hash.toString('hex')).not.toContain(Buffer.from('li na').toString('hex'));
  });
});
