import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * One spelling per name, so "  wang   FANG " matches "Wang Fang": Unicode NFC, whitespace runs
 * (including the ideographic space) collapsed to one space, trimmed, and case-folded.
 * Lower-, upper- then lower-casing folds more than lower-casing alone (ẞ → ß → ss, final ς → σ).
 */
export function normaliseRecipientName(name: string): string {
  const spaced = name.normalize('NFC').replace(/\s+/gu, ' ').trim();
  return spaced.toLowerCase().toUpperCase().toLowerCase().normalize('NFC');
}

export interface SaltedNameHash {
  salt: Buffer;
  hash: Buffer;
}

/** HMAC-SHA-256 of the normalised name under a per-certificate random salt. */
export function hashRecipientName(name: string, salt: Buffer = randomBytes(16)): SaltedNameHash {
  return { salt, hash: createHmac('sha256', salt).update(normaliseRecipientName(name), 'utf8').digest() };
}

/** Whether `candidate` is the name hashed; the comparison takes the same time whatever matches. */
export function recipientNameMatches(candidate: string, stored: SaltedNameHash): boolean {
  const { hash } = hashRecipientName(candidate, stored.salt);
  return hash.length === stored.hash.length && timingSafeEqual(hash, stored.hash);
}
