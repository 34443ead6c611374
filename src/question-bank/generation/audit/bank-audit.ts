import type { Language } from '../../model/question-types.js';
import { foldLoose } from '../text.js';
import type { GeneratedQuestion } from '../types.js';
import { texts } from '../quality-filter.js';

/** Figures an instructor looks at first when judging a generated bank. */
export interface BankFigures {
  items: number;
  /** Items per question type. */
  types: Record<string, number>;
  trueFalse: { true: number; false: number; trueShare: number | null };
  /** Items per distinct source sentence (or list). */
  perSource: { sources: number; mean: number; max: number };
  /** Items per quality score band ("0.9": scores in [0.9, 1.0), "1.0": perfect). */
  scores: Record<string, number>;
}

/** One structural defect of one item. */
export interface ItemDefect {
  fingerprint: string;
  stem: string;
  defect: string;
}

/**
 * Markup and page chrome that must never reach a candidate: shortcodes, comments, heading
 * anchors, Markdown emphasis, links and URLs, front-matter keys, web-page furniture.
 */
const LEFTOVERS: ReadonlyArray<readonly [string, RegExp]> = [
  ['shortcode', /\{\{[<%]|[%>]\}\}/u],
  ['html', /<!--|-->|<\/?[a-z][a-z0-9-]*(?:\s[^>]*)?>/iu],
  ['heading anchor', /\{#[\w-]+\}/u],
  // "____" is a cloze blank, not emphasis.
  ['markdown', /\*\*|(?<!_)__[^_\s][^_]*__(?!_)|\]\(|^#{1,6}\s|```/mu],
  ['url', /https?:\/\/|www\./iu],
  ['front matter', /^(?:title|content_type|weight|description|card):/mu],
  ['page chrome', /当前位置|首页\s*>|相关文章|发布时间|阅读：\d|You are here|Related articles/iu],
];

const CJK = /[\u3400-\u4dbf\u4e00-\u9fff]/u;

export function bankFigures(items: readonly GeneratedQuestion[]): BankFigures {
  const types: Record<string, number> = {};
  let yes = 0;
  let no = 0;
  const perSource = new Map<string, number>();
  for (const q of items) {
    types[q.content.type] = (types[q.content.type] ?? 0) + 1;
    if (q.answerKey.type === 'true-false') q.answerKey.correct ? yes++ : no++;
    perSource.set(q.sourceSentence, (perSource.get(q.sourceSentence) ?? 0) + 1);
  }
  const counts = [...perSource.values()];
  const scores: Record<string, number> = {};
  for (const q of items) {
    const band = (Math.floor(q.quality.score * 10) / 10).toFixed(1);
    scores[band] = (scores[band] ?? 0) + 1;
  }
  return {
    items: items.length,
    types,
    trueFalse: { true: yes, false: no, trueShare: yes + no > 0 ? Math.round((yes / (yes + no)) * 100) / 100 : null },
    perSource: {
      sources: counts.length,
      mean: counts.length > 0 ? Math.round((items.length / counts.length) * 100) / 100 : 0,
      max: counts.length > 0 ? Math.max(...counts) : 0,
    },
    scores: Object.fromEntries(Object.entries(scores).sort(([a], [b]) => b.localeCompare(a))),
  };
}

/** Every structural defect of every item (empty for a publishable bank). */
export function bankDefects(items: readonly GeneratedQuestion[], language: Language): ItemDefect[] {
  const out: ItemDefect[] = [];
  for (const q of items) {
    const add = (defect: string) => out.push({ fingerprint: q.fingerprint, stem: q.content.stem, defect });
    const options = texts(q.content);
    if (!keyAmongOptions(q)) add('key not among the options');
    const folded = options.map(foldLoose);
    if (new Set(folded).size !== folded.length) add('duplicate options');
    if (q.content.type === 'single-choice' && q.content.options.length < 3) add(`single choice with ${q.content.options.length} options`);
    if (q.language !== language) add(`item language ${q.language}`);
    for (const text of [q.content.stem, ...options, q.explanation]) {
      for (const [name, re] of LEFTOVERS) if (re.test(text)) add(`${name} in "${text.slice(0, 60)}"`);
    }
    for (const text of [q.content.stem, ...options]) {
      // An English item never shows Chinese; a Chinese stem always does.
      if (language === 'en' && CJK.test(text)) add(`Chinese text in an English item: "${text.slice(0, 40)}"`);
    }
    if (language === 'zh' && !CJK.test(q.content.stem)) add('Chinese item with an English stem');
  }
  return out;
}

function keyAmongOptions(q: GeneratedQuestion): boolean {
  const c = q.content;
  const k = q.answerKey;
  if (c.type === 'single-choice' && k.type === 'single-choice') return c.options.some((o) => o.id === k.correct);
  if (c.type === 'multiple-response' && k.type === 'multiple-response') return k.correct.length > 0 && k.correct.every((id) => c.options.some((o) => o.id === id));
  if (c.type === 'matching' && k.type === 'matching') {
    return c.prompts.every((p) => c.choices.some((ch) => ch.id === k.pairs[p.id]));
  }
  if (c.type === 'ordering' && k.type === 'ordering') return k.order.length === c.items.length && c.items.every((i) => k.order.includes(i.id));
  if (c.type === 'cloze' && k.type === 'cloze') return k.accepted.length === c.blanks && k.accepted.every((a) => a.length > 0);
  return c.type === k.type;
}
