import type { DocumentLanguage } from '../parsing/types.js';
import { splitMarker, stripInlineMarks } from './text-lines.js';

const CLOSERS = '”’」』）)"\'';
const ABBREVIATIONS = new Set([
  'e.g', 'i.e', 'etc', 'vs', 'cf', 'approx', 'fig', 'no', 'mr', 'mrs', 'ms', 'dr', 'inc', 'ltd', 'co', 'jr', 'sr', 'st',
]);

/**
 * Splits a section's text into sentences. Each line (paragraph or list item) is split on
 * its own, list markers dropped. Chinese ends at 。！？；, English at . ! ? before a
 * capital, never after "e.g." or inside "1.28" or "kube-proxy".
 */
export function splitSentences(text: string, language: DocumentLanguage): string[] {
  const out: string[] = [];
  for (const rawLine of text.split('\n')) {
    const line = stripInlineMarks(splitMarker(rawLine).content);
    if (line.length === 0) continue;
    for (const s of language === 'zh' ? splitZh(line) : splitEn(line)) {
      const t = s.trim();
      if (t.length > 0) out.push(t);
    }
  }
  return out;
}

function splitZh(line: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    // ASCII ! and ? end a sentence only before a space or the end ("!=" is an operator).
    const hardStop = '。！？；'.includes(ch) || ((ch === '!' || ch === '?') && /^(?:\s|$)/.test(line.slice(i + 1, i + 2)));
    // ASCII full stops end a sentence in Chinese text only before a space and a new clause.
    const asciiStop = ch === '.' && /\s/.test(line[i + 1] ?? '') && isEnglishSentenceEnd(line, i);
    if (!hardStop && !asciiStop) continue;
    let end = i + 1;
    while (end < line.length && CLOSERS.includes(line[end]!)) end++;
    out.push(line.slice(start, end));
    start = end;
    i = end - 1;
  }
  out.push(line.slice(start));
  return out;
}

function splitEn(line: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (ch !== '.' && ch !== '!' && ch !== '?') continue;
    let end = i + 1;
    while (end < line.length && CLOSERS.includes(line[end]!)) end++;
    if (end < line.length && !/\s/.test(line[end]!)) continue;
    // A lowercase start is allowed: Kubernetes prose opens sentences with "kubelet", "etcd".
    const next = line.slice(end).trimStart()[0];
    if (next !== undefined && !/[\p{L}0-9"'“‘(]/u.test(next)) continue;
    if (ch === '.' && !isEnglishSentenceEnd(line, i)) continue;
    out.push(line.slice(start, end));
    start = end;
    i = end - 1;
  }
  out.push(line.slice(start));
  return out;
}

/** False for the dot of an abbreviation or an initial. */
function isEnglishSentenceEnd(line: string, dot: number): boolean {
  const word = /([A-Za-z.]+)$/.exec(line.slice(0, dot))?.[1] ?? '';
  const bare = word.replace(/^\.+/, '').toLowerCase();
  if (ABBREVIATIONS.has(bare)) return bare === 'etc' && /^\s+[A-Z]/.test(line.slice(dot + 1));
  return !/^[A-Z]$/.test(word);
}
