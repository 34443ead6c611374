import { DocumentParseError } from './document-parse-error.js';

const SNIFF_BYTES = 8192;

/**
 * Turns raw input into text, refusing what cannot be a course document. Size is checked
 * first so that a huge upload is rejected before any decoding work.
 */
export function decodeInput(input: string | Uint8Array, maxBytes?: number): string {
  const bytes = typeof input === 'string' ? Buffer.byteLength(input, 'utf8') : input.byteLength;
  if (maxBytes !== undefined && bytes > maxBytes) {
    throw new DocumentParseError('TOO_LARGE', `Document is ${bytes} bytes, the limit is ${maxBytes}.`, {
      maxBytes,
      actualBytes: bytes,
    });
  }
  const text = typeof input === 'string' ? checkString(input) : decodeBytes(input);
  if (text.trim().length === 0) {
    throw new DocumentParseError('EMPTY', 'Document contains no text.');
  }
  return text;
}

function decodeBytes(bytes: Uint8Array): string {
  if (looksBinary(bytes)) {
    throw new DocumentParseError('BINARY', 'Document looks like binary data, not text.');
  }
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new DocumentParseError('NOT_UTF8', 'Document is not valid UTF-8 text.');
  }
}

/** NUL bytes or many control characters in the first block mean binary (zip, pdf, image…). */
function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.byteLength, SNIFF_BYTES);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if (b < 32 && b !== 9 && b !== 10 && b !== 13 && b !== 12) control++;
  }
  return n > 0 && control / n > 0.05;
}

/** A string already decoded by the caller can still carry binary or mis-decoded content. */
function checkString(text: string): string {
  const sample = text.slice(0, SNIFF_BYTES);
  let control = 0;
  let replacement = 0;
  for (const ch of sample) {
    const c = ch.codePointAt(0)!;
    if (c === 0) throw new DocumentParseError('BINARY', 'Document looks like binary data, not text.');
    if (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) control++;
    if (c === 0xfffd) replacement++;
  }
  if (sample.length > 0 && control / sample.length > 0.05) {
    throw new DocumentParseError('BINARY', 'Document looks like binary data, not text.');
  }
  // A few U+FFFD can be genuine; many mean the bytes were decoded with the wrong charset.
  if (replacement > 8 && replacement / sample.length > 0.01) {
    throw new DocumentParseError('NOT_UTF8', 'Document text was decoded with the wrong character set.');
  }
  return text;
}
