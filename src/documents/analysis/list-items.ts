import type { DocumentLanguage } from '../parsing/types.js';
import type { Glossary } from './glossary.js';
import { matchTerms } from './glossary-matcher.js';
import { type ListMarkerKind, splitMarker, stripInlineMarks } from './text-lines.js';

/** A list found in a section: marked lines, or an enumeration inside a sentence. */
export interface ListBlock {
  kind: ListMarkerKind | 'inline';
  /** The line or clause that introduces the list ("这些控制器主要包括："), if any. */
  intro: string | null;
  /** Item texts without markers, in order. */
  items: string[];
}

/** Lists made of lines that start with 1. / 1、 / ① / - / •, grouped while consecutive. */
export function findMarkedLists(text: string): ListBlock[] {
  const blocks: ListBlock[] = [];
  let current: ListBlock | null = null;
  let previous: string | null = null;
  for (const rawLine of text.split('\n')) {
    if (rawLine.trim() === '') continue;
    const { kind, content } = splitMarker(rawLine);
    if (kind === null) {
      current = null;
      previous = stripInlineMarks(content);
      continue;
    }
    const item = stripInlineMarks(content);
    if (current && (current.kind === kind || /^\s{2,}/.test(rawLine))) {
      current.items.push(item);
    } else {
      current = { kind, intro: previous, items: [item] };
      blocks.push(current);
    }
  }
  return blocks;
}

// Words after which the items begin: "包括 A、B 和 C", "such as A, B and C".
const ZH_INTRO = /(?:包括|包含|主要有|分别是|分为|例如|比如|用于|如|有|是|为|即|：|:)\s*/gu;
const ZH_TAIL = /(?:等等|等)$/u;
const ZH_LAST_SPLIT = /\s*(?:以及|和|及|与|或者|或)\s*/u;
const EN_INTRO = /\b(?:include|includes|including|are|is|such as|namely|like|of|with|into)\s+/gi;
const EN_STOP = /\s(?:is|are|was|were|run|runs|that|which|who|to|in|on|for|by|all|each|make|makes|provide|provides|work|works|can|must|will)\b/;
/** Items of a real enumeration are noun phrases, not clauses. */
const EN_NOT_ITEM = /^(?:when|if|to|that|which|it|they|them|we|you|there|so|as|because|while|then)\b|\b(?:is|are|was|were|has|have|can|will|must|should)\b/i;
const PLACEHOLDER = '\u0000';

/**
 * Enumerations inside sentences: "A、B、C 和 D" or "A, B, C and D". Glossary terms
 * are protected first, so "服务发现和负载均衡" stays one item.
 */
export function findInlineLists(sentences: readonly string[], language: DocumentLanguage, glossary: Glossary): ListBlock[] {
  const out: ListBlock[] = [];
  for (const sentence of sentences) {
    if (!(language === 'zh' ? sentence.includes('、') : /,\s/.test(sentence))) continue;
    const { masked, restore } = protectTerms(sentence, glossary);
    const clauses = masked.split(language === 'zh' ? /[，,；;：:。！？!?（）()“”]/u : /[;:!?()]|\.(?:\s|$)/u);
    for (const clause of clauses) {
      const items = language === 'zh' ? zhItems(clause) : enItems(clause);
      if (items && items.length >= 2) {
        out.push({ kind: 'inline', intro: sentence, items: trimEdges(items.map(restore), glossary) });
      }
    }
  }
  return out;
}

function zhItems(clause: string): string[] | null {
  if (!clause.includes('、')) return null;
  const parts = clause.split('、').map((p) => p.trim());
  const lastSplit = parts[parts.length - 1]!.split(ZH_LAST_SPLIT);
  if (lastSplit.length >= 2) parts.splice(parts.length - 1, 1, lastSplit[0]!, lastSplit.slice(1).join(''));
  parts[0] = afterLast(parts[0]!, ZH_INTRO);
  // "Job 等对象还支持……": the list ends at 等.
  parts[parts.length - 1] = parts[parts.length - 1]!.split(/\s*等/u)[0]!.replace(ZH_TAIL, '').trim();
  const items = parts.map((p) => p.trim()).filter((p) => p.length > 0);
  if (items.length < 2 || items.some((p) => p.length > 30)) return null;
  return items;
}

function enItems(fullClause: string): string[] | null {
  // "objects, such as Pod, Label and Service": the list starts after the introducer.
  const intro = /\b(?:such as|including|includes|include|namely|are|is)\s+(?=[^,]+,\s)/i.exec(fullClause);
  const clause = intro ? fullClause.slice(intro.index + intro[0].length) : fullClause;
  if (!/,\s/.test(clause) || !/\s(?:and|or)\s/.test(clause)) return null;
  const parts = clause.split(/,\s+/).map((p) => p.trim());
  let last = parts.pop()!;
  const joined = /^(?:and|or)\s+(.*)$/s.exec(last);
  if (joined) {
    last = joined[1]!;
  } else {
    const split = /^(.*?)\s+(?:and|or)\s+(.*)$/s.exec(last);
    if (!split) return null;
    parts.push(split[1]!);
    last = split[2]!;
  }
  const stop = EN_STOP.exec(` ${last}`);
  parts.push(stop && stop.index > 0 ? last.slice(0, stop.index - 1) : last);
  parts[0] = afterLast(parts[0]!, EN_INTRO).split(/\s+/).slice(-4).join(' ');
  const items = parts.map((p) => p.replace(/^(?:the|a|an)\s+/i, '').trim()).filter((p) => p.length > 0);
  if (items.length < 3 || items.some((p) => p.split(/\s+/).length > 6 || EN_NOT_ITEM.test(p))) return null;
  return items;
}

/**
 * The first and last items often carry the words around the list ("资源对象Pod",
 * "kube-proxy run on every node"); when they are much longer than the others, keep
 * only the glossary term at their inner edge.
 */
function trimEdges(items: string[], glossary: Glossary): string[] {
  const inner = items.slice(1, -1).map((i) => i.length).sort((a, b) => a - b);
  const typical = inner.length > 0 ? inner[Math.floor(inner.length / 2)]! : Math.min(items[0]!.length, items[items.length - 1]!.length);
  const out = [...items];
  const first = out[0]!;
  if (first.length > 2 * typical) {
    const m = matchTerms(first, glossary).at(-1);
    if (m && m.end === first.length) out[0] = m.surface;
  }
  const last = out[out.length - 1]!;
  if (last.length > 2 * typical) {
    const m = matchTerms(last, glossary)[0];
    if (m && m.start === 0) out[out.length - 1] = m.surface;
  }
  return out;
}

function afterLast(text: string, re: RegExp): string {
  let cut = 0;
  for (const m of text.matchAll(re)) cut = m.index + m[0].length;
  return text.slice(cut).trim();
}

/** Replaces glossary terms by placeholders so separators inside them are not split on. */
function protectTerms(sentence: string, glossary: Glossary): { masked: string; restore: (s: string) => string } {
  const matches = matchTerms(sentence, glossary).filter((m) => /[、,和与及或]|\sand\s|\sor\s/u.test(m.surface));
  if (matches.length === 0) return { masked: sentence, restore: (s) => s };
  let masked = '';
  let at = 0;
  matches.forEach((m, i) => {
    masked += `${sentence.slice(at, m.start)}${PLACEHOLDER}${i}${PLACEHOLDER}`;
    at = m.end;
  });
  masked += sentence.slice(at);
  const restore = (s: string): string => s.replace(/\u0000(\d+)\u0000/g, (_, i: string) => matches[Number(i)]!.surface);
  return { masked, restore };
}
