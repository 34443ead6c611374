import { isCjk } from './detect-language.js';
import { pathKey } from './heading-numbers.js';
import { decodeEntities } from './normalise-text.js';
import type { SectionDraft } from './section-tree.js';
import { findCandidates, findTocs, type HeadingCandidate, headingStyles, selectOutline } from './text-headings.js';
import type { DocumentLanguage } from './types.js';
import { stripWebBoilerplate } from './web-boilerplate.js';

export interface PlainTextResult {
  preamble: string;
  /** The text after page chrome and TOC removal. */
  cleaned: string;
  /** Empty when the text has no numbered outline. */
  drafts: SectionDraft[];
}

const MAX_TITLE = 80;

/**
 * Parses plain text copied from the web: numbered headings (一、 1.1、 1.) found even
 * inside one long line, TOC and page chrome removed, bodies re-broken at list markers.
 */
export function parsePlainText(input: string, language: DocumentLanguage): PlainTextResult {
  let text = stripWebBoilerplate(decodeEntities(input)).text;
  let candidates = headingStyles(findCandidates(text));
  const tocTitles = new Map<string, string>();
  const tocs = findTocs(text, candidates);
  if (tocs.length > 0) {
    for (const toc of [...tocs].reverse()) {
      text = `${text.slice(0, toc.start)}\n${text.slice(toc.end)}`;
    }
    for (const toc of tocs) for (const [k, t] of toc.titles) tocTitles.set(k, t);
    candidates = headingStyles(findCandidates(text));
  }
  const outline = selectOutline(text, candidates);
  if (outline.length === 0) return { preamble: '', cleaned: text.trim(), drafts: [] };

  const drafts = outline.map((c, i) => {
    const next = outline[i + 1]?.start ?? text.length;
    const { title, end } = headingTitle(text, c, next, tocTitles.get(pathKey(c.path)), language);
    const body = restoreLineBreaks(text.slice(end, next));
    return { path: c.path, title, body, text: body };
  });
  return { preamble: text.slice(0, outline[0]!.start).trim(), cleaned: text.trim(), drafts };
}

/** Title of a heading and the offset where its body starts. */
function headingTitle(
  text: string, c: HeadingCandidate, next: number, tocTitle: string | undefined, language: DocumentLanguage,
): { title: string; end: number } {
  const rest = text.slice(c.end, next);
  if (tocTitle) {
    const len = matchIgnoringSpace(rest, tocTitle);
    if (len > 0) return { title: clean(rest.slice(0, len)), end: c.end + len };
  }
  const lineEnd = rest.indexOf('\n');
  const line = lineEnd < 0 ? rest : rest.slice(0, lineEnd);
  const fitsLine = line.trim().length <= MAX_TITLE && !/[。！？]./u.test(line.trim());
  if (fitsLine && (lineEnd >= 0 || c.lineStart || rest.trim().length <= MAX_TITLE)) {
    return { title: clean(line), end: c.end + line.length };
  }
  const len = inlineTitleLength(rest, language);
  return { title: clean(rest.slice(0, len)), end: c.end + len };
}

/** Length of `prefix` at the start of `text`, comparing without whitespace or case; 0 if absent. */
function matchIgnoringSpace(text: string, prefix: string): number {
  const want = prefix.replace(/\s+/g, '').toLowerCase();
  let i = 0;
  let j = 0;
  while (i < text.length && j < want.length) {
    if (/\s/.test(text[i]!)) { i++; continue; }
    if (text[i]!.toLowerCase() !== want[j]) return 0;
    i++;
    j++;
  }
  return j === want.length ? i : 0;
}

/**
 * Guesses where a title ends when the line breaks were lost: at punctuation or a list
 * marker, and for Chinese at the first space once the title holds Han characters
 * ("Master 组件 ①…" keeps "Master 组件", "什么是K8s kubernetes是…" stops after "K8s").
 */
function inlineTitleLength(rest: string, language: DocumentLanguage): number {
  const window = rest.slice(0, MAX_TITLE);
  const hard = window.search(/[。！？；：:!?;\n①-⑳•●]/u);
  const seg = hard >= 0 ? window.slice(0, hard) : window;
  const leading = seg.length - seg.trimStart().length;
  let seenCjk = false;
  let words = 0;
  for (let i = leading; i < seg.length; i++) {
    const ch = seg[i]!;
    if (/\s/.test(ch)) {
      words++;
      if (language === 'zh' ? seenCjk : words >= 8) return i;
      while (i + 1 < seg.length && /\s/.test(seg[i + 1]!)) i++;
    } else if (isCjk(ch)) {
      seenCjk = true;
    }
  }
  return language === 'zh' && seg.length > 30 ? leading + 30 : seg.length;
}

function clean(title: string): string {
  return title.replace(/\s+/g, ' ').trim();
}

/**
 * Puts list items back on their own lines in flattened text: before circled numbers and
 * bullets, and before "2、" style items that follow a space or a sentence end.
 */
export function restoreLineBreaks(body: string): string {
  return body
    .replace(/[ \t\u3000]*(?<!^|\n)([①-⑳❶-❿•●▪])/gmu, '\n$1')
    .replace(/(?<=[。；;！？])[ \t\u3000]*(?=\d{1,2}、)|(?<=\S)[ \t\u3000]+(?=\d{1,2}、\S)/gu, '\n')
    .replace(/[ \t\u00a0\u3000]{2,}/g, ' ')
    .replace(/[ \t]+\n/g, '\n')
    .trim();
}
