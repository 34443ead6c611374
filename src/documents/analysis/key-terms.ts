import type { DocumentLanguage } from '../parsing/types.js';
import type { Definition } from './definitions.js';
import type { Glossary, GlossaryKind } from './glossary.js';
import { findEntry, matchTerms, type TermMatch } from './glossary-matcher.js';

/** Where a key term was found; a term can have several sources. */
export type TermSource = 'glossary' | 'heading' | 'definition' | 'segmenter';

/** A term that matters in a section, linked to the glossary when it is known there. */
export interface KeyTerm {
  /** Display form: the glossary form in the section's language, else the text as written. */
  term: string;
  glossaryId: string | null;
  kind: GlossaryKind | null;
  /** Occurrences in the section text (title included). */
  count: number;
  sources: TermSource[];
  /** Ranking weight: occurrences, plus a bonus for headings and definitions. */
  score: number;
}

const MAX_FALLBACK_TERMS = 8;
// Building a segmenter loads ICU data; one instance serves every call.
const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
const ZH_STOP = new Set([
  '可以', '一个', '一种', '这些', '那些', '我们', '他们', '它们', '需要', '通过', '进行', '使用', '没有', '因为', '所以',
  '如果', '但是', '以及', '或者', '就是', '所有', '每个', '其他', '不同', '相同', '用户', '同时', '之后', '之前', '然后',
  '这个', '那个', '什么', '怎么', '为了', '并且', '而且', '不会', '不能', '能够', '自己', '一样', '比如', '例如', '负责',
  '用于', '作用', '提供', '保证', '确保', '实现', '运行', '管理', '创建', '一组', '个人', '这样', '其中',
  '对应', '内的', '中的', '之间', '重新', '多个', '同一', '称为', '也可以', '任意', '必须', '方式', '信息', '问题', '一些', '以下',
]);
const EN_STOP = new Set(['The', 'This', 'That', 'These', 'Those', 'It', 'In', 'On', 'For', 'A', 'An', 'If', 'When', 'Each', 'Every']);

/**
 * Key terms of a section: glossary-first longest matches over title and text, then the
 * terms of definition sentences and the title, then words a segmenter finds repeatedly.
 */
export function findKeyTerms(
  title: string, text: string, definitions: readonly Definition[], language: DocumentLanguage, glossary: Glossary,
): KeyTerm[] {
  const terms = new Map<string, KeyTerm>();
  const add = (key: string, make: () => KeyTerm, source: TermSource, count: number): void => {
    const t = terms.get(key) ?? make();
    t.count += count;
    if (!t.sources.includes(source)) t.sources.push(source);
    terms.set(key, t);
  };
  const fromEntry = (m: Pick<TermMatch, 'entry'>) => (): KeyTerm => ({
    term: language === 'zh' ? m.entry.zh : m.entry.en, glossaryId: m.entry.id, kind: m.entry.kind, count: 0, sources: [], score: 0,
  });
  const plain = (term: string) => (): KeyTerm => ({ term, glossaryId: null, kind: null, count: 0, sources: [], score: 0 });

  const titleMatches = matchTerms(title, glossary);
  const textMatches = matchTerms(text, glossary);
  for (const m of [...titleMatches, ...textMatches]) add(m.entry.id, fromEntry(m), 'glossary', 1);
  for (const m of titleMatches) add(m.entry.id, fromEntry(m), 'heading', 0);
  const bareTitle = title.replace(/[—–-]+.*$/u, '').trim();
  if (titleMatches.length === 0 && bareTitle.length > 0 && bareTitle.length <= 24) add(`t:${bareTitle}`, plain(bareTitle), 'heading', 0);

  for (const d of definitions) {
    const entry = d.glossaryId ? glossary.entries.find((e) => e.id === d.glossaryId) : findEntry(d.term, glossary);
    if (entry) add(entry.id, fromEntry({ entry }), 'definition', 0);
    else if (d.term.length <= 30) add(`t:${d.term}`, plain(d.term), 'definition', 1);
  }

  const covered = textMatches.map((m) => [m.start, m.end] as const);
  for (const [word, count] of fallbackWords(text, covered, language)) {
    if (!terms.has(`t:${word}`)) add(`t:${word}`, plain(word), 'segmenter', count);
  }

  for (const t of terms.values()) {
    t.score = t.count + (t.sources.includes('heading') ? 3 : 0) + (t.sources.includes('definition') ? 2 : 0) -
      (t.sources.length === 1 && t.sources[0] === 'segmenter' ? t.count / 2 : 0);
  }
  return [...terms.values()].sort((a, b) => b.score - a.score || a.term.localeCompare(b.term));
}

/**
 * Terms the glossary does not know: technical-looking Latin words (cAdvisor, ReadWriteOnce,
 * CNCF) and, for Chinese, words the segmenter finds at least twice.
 */
function fallbackWords(text: string, covered: ReadonlyArray<readonly [number, number]>, language: DocumentLanguage): Array<[string, number]> {
  const mask = new Uint8Array(text.length + 1);
  for (const [s, e] of covered) mask.fill(1, s, e);
  const inGlossary = (start: number, end: number): boolean => mask.subarray(start, end).includes(1);
  const counts = new Map<string, number>();
  const bump = (w: string): void => { counts.set(w, (counts.get(w) ?? 0) + 1); };
  for (const m of text.matchAll(/[A-Za-z][A-Za-z0-9]*(?:[-_.][A-Za-z0-9]+)*/g)) {
    const w = m[0];
    if (inGlossary(m.index, m.index + w.length) || EN_STOP.has(w)) continue;
    const technical = /[a-z][A-Z]|\d|-|^[A-Z]{2,}$/.test(w) || (language === 'zh' && w.length >= 3);
    if (technical) bump(w);
  }
  if (language === 'zh') {
    const zhCounts = new Map<string, number>();
    for (const s of segmenter.segment(text)) {
      if (!s.isWordLike || s.segment.length < 2 || !/^[\u3400-\u9fff]+$/u.test(s.segment)) continue;
      if (ZH_STOP.has(s.segment) || inGlossary(s.index, s.index + s.segment.length)) continue;
      zhCounts.set(s.segment, (zhCounts.get(s.segment) ?? 0) + 1);
    }
    for (const [w, c] of zhCounts) if (c >= 2) counts.set(w, c);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1]).slice(0, MAX_FALLBACK_TERMS);
}
