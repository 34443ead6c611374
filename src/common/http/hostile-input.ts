import type { FieldError } from '../errors/app.exception.js';

/**
 * Deepest JSON nesting a request body may have. Our deepest schema (a lab task carrying
 * Kubernetes manifests) stays far below it; class-transformer, which recurses once per level,
 * overflows the stack a long way above it.
 */
export const MAX_JSON_DEPTH = 64;

/** Enough to point at the problem; a body of a million bad strings gets the first few. */
const MAX_REPORTED = 20;
// In a `u` regex a surrogate pair reads as one code point, so only an unpaired half matches.
const LONE_SURROGATE = /\p{Cs}/u;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPENERS = new Set([0x5b, 0x7b]);
const CLOSERS = new Set([0x5d, 0x7d]);

/**
 * True when the JSON text nests arrays and objects deeper than `limit`. Reads the text once,
 * without parsing it, so the cost does not depend on how hostile the nesting is; text that
 * is not JSON at all is left for the parser to refuse.
 */
export function jsonNestingExceeds(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (inString) {
      if (code === BACKSLASH) i += 1;
      else if (code === QUOTE) inString = false;
    } else if (code === QUOTE) {
      inString = true;
    } else if (OPENERS.has(code)) {
      depth += 1;
      if (depth > limit) return true;
    } else if (CLOSERS.has(code)) {
      depth -= 1;
    }
  }
  return false;
}

/**
 * Why a piece of client text cannot be stored or encoded, if it cannot: PostgreSQL refuses
 * NUL in `text` and `jsonb`, and an unpaired UTF-16 surrogate is not Unicode at all (it
 * breaks `encodeURIComponent`, UTF-8 encoding and every consumer downstream).
 */
export function unsafeTextReason(text: string): string | undefined {
  if (text.includes('\u0000')) return 'must not contain a NUL character';
  if (LONE_SURROGATE.test(text)) return 'must not contain an unpaired UTF-16 surrogate';
  return undefined;
}

function childPath(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  return parent ? `${parent}.${key}` : key;
}

/**
 * Every string (and object key) in a parsed value that `unsafeTextReason` refuses, with the
 * same paths the validation errors use (`items[2].answer`). Walks with its own stack, so a
 * deep value cannot overflow the call stack here either.
 */
export function findUnsafeText(value: unknown, rootPath: string): FieldError[] {
  const errors: FieldError[] = [];
  const pending: Array<{ value: unknown; path: string }> = [{ value, path: rootPath }];
  while (pending.length > 0 && errors.length < MAX_REPORTED) {
    const { value: current, path } = pending.pop()!;
    if (typeof current === 'string') {
      const reason = unsafeTextReason(current);
      if (reason) errors.push({ path, message: `${path || 'the value'} ${reason}` });
    } else if (Array.isArray(current)) {
      for (let index = current.length - 1; index >= 0; index -= 1) pending.push({ value: current[index], path: childPath(path, index) });
    } else if (current !== null && typeof current === 'object') {
      for (const [key, item] of Object.entries(current).reverse()) {
        const reason = unsafeTextReason(key);
        // The bad name itself stays out of the path we echo back.
        if (reason) errors.push({ path: path || '(body)', message: `a property name ${reason}` });
        else pending.push({ value: item, path: childPath(path, key) });
      }
    }
  }
  return errors;
}
