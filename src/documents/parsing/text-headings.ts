import { type NumberPath, parseNumberPath, pathKey, successorWeight } from './heading-numbers.js';

/** Kind of number that opens a heading in plain text. */
export type MarkerStyle = 'cn' | 'chapter' | 'dotted' | 'single';

/** A place in plain text where a numbered heading may start. */
export interface HeadingCandidate {
  /** Offset of the number. */
  start: number;
  /** Offset just after the number and its separator, where the title begins. */
  end: number;
  path: NumberPath;
  style: MarkerStyle;
  /** Nothing but spaces before it on its line. */
  lineStart: boolean;
}

// Order matters: at one offset "1.1" must win over "1.", and 第…章 over the bare numeral.
const MARKER =
  /(?<=^|[\s。！？；：:，,）)\]】>|])(?:第([一二三四五六七八九十\d]{1,3})[章节篇][\s、：:]*|([一二三四五六七八九十]{1,3})[、．][ \t]*|(\d{1,2}(?:[.．]\d{1,2}){1,3})(?:[、．.][ \t]*|[ \t]+)|(\d{1,2})(?:[、．][ \t]*|[.)）][ \t]+|[ \t]+))(?=[^\s\d.．、])/gmu;

export function findCandidates(text: string): HeadingCandidate[] {
  const out: HeadingCandidate[] = [];
  for (const m of text.matchAll(MARKER)) {
    const start = m.index;
    const raw = m[1] ?? m[2] ?? m[3] ?? m[4]!;
    const style: MarkerStyle = m[1] ? 'chapter' : m[2] ? 'cn' : m[3] ? 'dotted' : 'single';
    const path = parseNumberPath(raw);
    if (!path || path.some((n) => n === 0)) continue;
    const lineBegin = text.lastIndexOf('\n', start - 1) + 1;
    const lineStart = text.slice(lineBegin, start).trim() === '';
    // "2 台机器" in running text is a quantity; a bare "N " opens a heading only on its own line.
    if (style === 'single' && /^\d+[ \t]/.test(m[0]) && !lineStart) continue;
    out.push({ start, end: start + m[0].length, path, style, lineStart });
  }
  return out;
}

/**
 * Keeps the marker styles that can be headings in this document: with Chinese top-level
 * numerals (一、二、) a bare "1、" is a list item; otherwise "1" is the top level.
 */
export function headingStyles(candidates: readonly HeadingCandidate[]): HeadingCandidate[] {
  const cn = candidates.filter((c) => c.style === 'cn' || c.style === 'chapter');
  const distinctCn = new Set(cn.map((c) => c.path[0])).size;
  const top: MarkerStyle[] = distinctCn >= 2 ? ['cn', 'chapter'] : ['single'];
  return candidates.filter((c) => c.style === 'dotted' || top.includes(c.style));
}

/**
 * Picks the best-scoring chain of candidates that forms a valid numbered outline
 * (each one the child, sibling or next ancestor of the previous). Numbered list items
 * and stray numbers drop out because they break the chain or score lower.
 */
export function selectOutline(text: string, candidates: readonly HeadingCandidate[]): HeadingCandidate[] {
  const n = candidates.length;
  const best = new Array<number>(n).fill(Number.NEGATIVE_INFINITY);
  const from = new Array<number>(n).fill(-1);
  const scores = candidates.map((c) => headingScore(text, c));
  for (let i = 0; i < n; i++) {
    const ci = candidates[i]!;
    const open = successorWeight(null, ci.path);
    if (open > 0) best[i] = scores[i]! * open;
    for (let j = 0; j < i; j++) {
      if (best[j] === Number.NEGATIVE_INFINITY) continue;
      const w = successorWeight(candidates[j]!.path, ci.path);
      if (w > 0 && best[j]! + scores[i]! * w > best[i]!) {
        best[i] = best[j]! + scores[i]! * w;
        from[i] = j;
      }
    }
  }
  let end = -1;
  for (let i = 0; i < n; i++) if (end < 0 || best[i]! > best[end]!) end = i;
  if (end < 0 || best[end] === Number.NEGATIVE_INFINITY) return [];
  const chain: HeadingCandidate[] = [];
  for (let i = end; i >= 0; i = from[i]!) chain.unshift(candidates[i]!);
  return chain.length >= 2 ? chain : [];
}

/** Heading-likeness: alone on a short line without closing punctuation scores highest. */
function headingScore(text: string, c: HeadingCandidate): number {
  let score = 1;
  if (!c.lineStart) return score;
  score += 0.3;
  const lineEnd = text.indexOf('\n', c.end);
  const line = text.slice(c.end, lineEnd < 0 ? text.length : lineEnd).trim();
  if (line.length <= 60 && !/[。.!?！？；;:：,，]$/u.test(line)) score += 0.4;
  else if (/[。.!?！？；;]$/u.test(line)) score -= 0.5;
  return Math.max(score, 0.1);
}

/** A table of contents found at the top of a text, to be removed before parsing. */
export interface TocRegion {
  start: number;
  end: number;
  /** Titles listed in the TOC by key; they delimit titles in flattened text. */
  titles: Map<string, string>;
}

const TOC_LABEL = /(?:本文目录|文章目录|目录|Table of contents|Contents)\s*[:：]?\s*$/iu;
const MAX_TOC_GAP = 150;

/**
 * A TOC is a run of at least three headings with nothing but short titles between them,
 * whose keys come back later in the text. Its end is where the numbering restarts.
 */
export function findTocs(text: string, candidates: readonly HeadingCandidate[]): TocRegion[] {
  const gaps = candidates.map((c, i) => text.slice(c.end, candidates[i + 1]?.start ?? Math.min(text.length, c.end + MAX_TOC_GAP)));
  const isShort = (i: number): boolean => {
    const gap = gaps[i]!;
    return gap.trim().length <= MAX_TOC_GAP && !/[。！？!?]|\.\s|\n\s*\n/u.test(gap);
  };
  const regions: TocRegion[] = [];
  let i = 0;
  while (i < candidates.length) {
    if (!isShort(i)) { i++; continue; }
    let j = i;
    while (j + 1 < candidates.length && isShort(j + 1)) j++;
    const region = tocFromRun(text, candidates, gaps, i, j);
    if (region) regions.push(region);
    i = j + 1;
  }
  return regions;
}

function tocFromRun(
  text: string, candidates: readonly HeadingCandidate[], gaps: readonly string[], first: number, last: number,
): TocRegion | null {
  if (last - first + 1 < 3) return null;
  const firstKey = pathKey(candidates[first]!.path);
  let restart = -1;
  for (let k = last; k > first; k--) if (pathKey(candidates[k]!.path) === firstKey) { restart = k; break; }
  let tocEnd = restart;
  if (restart < 0) {
    const runKeys = new Set(candidates.slice(first, last + 1).map((c) => pathKey(c.path)));
    const laterKeys = new Set(candidates.slice(last + 1).map((c) => pathKey(c.path)));
    const back = [...runKeys].filter((k) => laterKeys.has(k)).length;
    if (back / runKeys.size < 0.5) return null;
    tocEnd = last + 1;
  }
  if (tocEnd - first < 2) return null;
  const titles = new Map<string, string>();
  for (let k = first; k < tocEnd; k++) {
    const title = tocEntryTitle(gaps[k]!);
    if (title) titles.set(pathKey(candidates[k]!.path), title);
  }
  const label = TOC_LABEL.exec(text.slice(Math.max(0, candidates[first]!.start - 30), candidates[first]!.start));
  const start = candidates[first]!.start - (label ? label[0].length : 0);
  const end = candidates[tocEnd]?.start ?? text.length;
  return { start, end, titles };
}

/** A TOC entry's title: up to the sub-entries (①, •), without a truncated tail. */
function tocEntryTitle(gap: string): string | null {
  const title = gap.split(/[①-⑳❶-❿•●▪]/u)[0]!.replace(TOC_LABEL, '').replace(/\s+/g, ' ').trim();
  if (title.length === 0 || /…|\.\.\./u.test(title)) return null;
  return title;
}
