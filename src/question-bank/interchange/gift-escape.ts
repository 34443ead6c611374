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

export type GiftFormat = 'moodle' | 'html' | 'plain' | 'markdown';

/** Splits off a leading `[html]`/`[moodle]`/`[plain]`/`[markdown]` marker (at most one, as Moodle does). */
export function splitFormatTag(text: string, inherited: GiftFormat = 'moodle'): { format: GiftFormat; text: string } {
  const m = FORMAT_TAG.exec(text);
  return m ? { format: m[1] as GiftFormat, text: text.slice(m[0].length) } : { format: inherited, text };
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/**
 * Moodle exports questions written in its editor as `[html]<p>…</p>`; the bank holds plain
 * text, so paragraphs and <br> become line breaks, other tags go and entities are decoded.
 */
export function htmlToText(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/p>\s*<p(\s[^>]*)?>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, name: string) => {
      if (name[0] === '#') return String.fromCodePoint(name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1)));
      return NAMED[name.toLowerCase()] ?? entity;
    });
}

/**
 * A protected fragment as final text: marker removed, trimmed, escapes restored, HTML turned
 * into text when the fragment (or, without its own marker, its question) is `[html]`.
 */
export function giftText(fragment: string, inherited: GiftFormat = 'moodle'): string {
  const { format, text } = splitFormatTag(fragment.trim(), inherited);
  const restored = restoreEscapes(text.trim());
  return format === 'html' ? htmlToText(restored).trim() : restored;
}
