/**
 * GIFT escaping. Moodle reads `\~ \= \# \{ \} \:` as literal characters, `\\` as a backslash and
 * `\n` as a line break; everything else after a backslash stays as typed.
 */

const SPECIAL = new Set(['~', '=', '#', '{', '}', ':', '\\']);
const FORMAT_TAG = /^\[(moodle|html|plain|markdown)\]/;

/**
 * Escapes a text for any place in a GIFT question (name, text, answer, feedback). `atStart` is
 * false for text continuing after an embedded answer block, where no format marker is read.
 */
export function escapeGift(text: string, atStart = true): string {
  let out = '';
  for (const ch of text.replace(/\r\n?/g, '\n')) {
    if (SPECIAL.has(ch)) out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else out += ch;
  }
  // A text that itself starts with "[html]" would be read as a format marker; an explicit marker shields it.
  return atStart && FORMAT_TAG.test(out.trimStart()) ? `[moodle]${out}` : out;
}

/*
 * While a question is parsed, escaped characters are swapped for private-use placeholders so
 * structure (braces, `=`, `~`, `#`, `->`) can be found with plain string searches; they are
 * restored only in the texts that come out.
 */
const PLACEHOLDER: Record<string, string> = {
  '\\': '\uE000',
  ':': '\uE001',
  '#': '\uE002',
  '=': '\uE003',
  '{': '\uE004',
  '}': '\uE005',
  '~': '\uE006',
  n: '\uE007',
};
const RESTORE: Record<string, string> = Object.fromEntries(
  Object.entries(PLACEHOLDER).map(([ch, ph]) => [ph, ch === 'n' ? '\n' : ch]),
);

/** Replaces escape sequences by placeholders; real line breaks are kept so line numbers still count. */
export function protectEscapes(raw: string): string {
  return raw.replace(/\\([\\:#={}~n])/g, (_, ch: string) => PLACEHOLDER[ch]);
}

/** Turns placeholders back into the characters they stand for. */
export function restoreEscapes(text: string): string {
  return text.replace(/[\uE000-\uE007]/g, (ph) => RESTORE[ph]);
}

/** Drops a leading `[html]`/`[moodle]`/`[plain]`/`[markdown]` marker (at most one, as Moodle does). */
export function stripFormatTag(text: string): string {
  return text.replace(FORMAT_TAG, '');
}

/** A protected fragment as final text: marker removed, trimmed, escapes restored. */
export function giftText(fragment: string): string {
  return restoreEscapes(stripFormatTag(fragment.trim()).trim());
}
