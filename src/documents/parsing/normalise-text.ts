import { createHash } from 'node:crypto';

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', hellip: '…', mdash: '—', ndash: '–',
};

/**
 * Canonical form of a document used for hashing and parsing: BOM and CR removed, NFC,
 * trailing spaces cut, runs of blank lines collapsed. Two uploads that differ only in
 * these respects are the same version.
 */
export function normaliseText(text: string): string {
  return text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .normalize('NFC')
    .replace(/[ \t\u3000]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** sha256 hex of the normalised text: store a new document version only when this changes. */
export function contentHash(text: string): string {
  return createHash('sha256').update(normaliseText(text), 'utf8').digest('hex');
}

/**
 * Web copies keep HTML entities, sometimes with the `&` lost (`#xff08;` for `（`);
 * decode both forms so titles and terms read as the author wrote them.
 */
export function decodeEntities(text: string): string {
  return text
    .replace(/&?#x([0-9a-fA-F]{2,6});/g, (m, hex: string) => fromCodePoint(parseInt(hex, 16), m))
    .replace(/&#(\d{2,7});/g, (m, dec: string) => fromCodePoint(parseInt(dec, 10), m))
    .replace(/&([a-z]+);/g, (m, name: string) => NAMED_ENTITIES[name] ?? m);
}

function fromCodePoint(code: number, original: string): string {
  return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : original;
}
