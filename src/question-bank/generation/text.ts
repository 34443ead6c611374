import type { Language } from '../model/question-types.js';

/** Folds case, width and spacing so "API 服务器" and "API服务器" compare equal. */
export function fold(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[\s\u00a0]+/g, '');
}

/** Folds and also drops punctuation, for "are these two options the same?". */
export function foldLoose(text: string): string {
  return fold(text).replace(/[\p{P}\p{S}]/gu, '');
}

/**
 * Whether `form` occurs in `text` as a term: Latin forms need word edges ("Job" is not in
 * "Jobs-based"… but "Jobs" counts), CJK forms match anywhere.
 */
export function containsForm(text: string, form: string): boolean {
  const re = formRegex(form);
  return re !== null && re.test(text);
}

// Forms repeat across thousands of checks; compiling each once keeps generation fast.
const formCache = new Map<string, RegExp | null>();

function formRegex(form: string): RegExp | null {
  const hit = formCache.get(form);
  if (hit !== undefined) return hit;
  const f = form.trim().normalize('NFKC');
  let re: RegExp | null = null;
  if (f.length > 0) {
    const body = [...f].map((ch) => (/\s/.test(ch) ? '\\s*' : ch.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'))).join('');
    const head = /^[A-Za-z0-9]/.test(f) ? '(?<![A-Za-z0-9])' : '';
    const tail = /[A-Za-z0-9]$/.test(f) ? '(?:e?s)?(?![A-Za-z0-9])' : '';
    re = new RegExp(`${head}${body}${tail}`, 'iu');
  }
  formCache.set(form, re);
  return re;
}

/** Character bigrams of the letters and digits of a text (CJK-friendly similarity). */
function bigrams(text: string): Set<string> {
  const s = foldLoose(text);
  const out = new Set<string>();
  for (let i = 0; i < s.length - 1; i++) out.add(s.slice(i, i + 2));
  return out;
}

const EN_STOP = new Set(['the', 'and', 'for', 'with', 'that', 'this', 'from', 'into', 'each', 'every', 'its', 'their', 'are', 'is', 'of', 'to', 'in', 'on', 'by', 'a', 'an', 'it', 'kubernetes', 'as', 'or', 'so', 'all', 'can', 'be']);

/** Content words of English text, crudely singularised. */
function words(text: string): Set<string> {
  return new Set(text.toLowerCase().split(/[^a-z0-9-]+/).filter((w) => w.length > 2 && !EN_STOP.has(w)).map((w) => w.replace(/(?:es|s)$/, '')));
}

/**
 * Share of the smaller text's units found in the other (1 when one contains the other):
 * character bigrams for Chinese, content words for English, whose letters pair up by chance.
 */
export function overlap(a: string, b: string): number {
  const cjk = /[\u3400-\u9fff]/u.test(a + b);
  const x = cjk ? bigrams(a) : words(a);
  const y = cjk ? bigrams(b) : words(b);
  if (x.size === 0 || y.size === 0) return 0;
  let shared = 0;
  for (const g of x) if (y.has(g)) shared++;
  return shared / Math.min(x.size, y.size);
}

/** Length as a reader feels it: CJK characters, or words for English. */
export function textLength(text: string, language: Language): number {
  if (language === 'en') return text.split(/\s+/).filter(Boolean).length;
  // A Latin word inside Chinese reads as one unit, not one per letter.
  return [...text.replace(/[A-Za-z0-9][A-Za-z0-9._/-]*/g, 'W').replace(/\s+/g, '')].length;
}

/** Ends a sentence with the right full stop, replacing a trailing semicolon or colon. */
export function asSentence(text: string, language: Language): string {
  const t = text.trim().replace(/[；;：:，,、]+$/u, '');
  if (language === 'zh') return /[。！？!?]$/u.test(t) ? t : `${t}。`;
  return /[.!?]$/.test(t) ? t : `${t}.`;
}

/** Drops the trailing full stop (for quoting inside a stem). */
export function stripEnd(text: string): string {
  return text.trim().replace(/[。.！!？?；;：:，,]+$/u, '');
}

/** Upper-cases the first letter of an English sentence ("kubelet" stays: it is a name). */
export function capitalise(text: string): string {
  if (/^(?:kube|etcd|kubectl|containerd|cAdvisor|iptables|ipvs|nftables|userspace|rkt|ingress-nginx)/.test(text)) return text;
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Splits a sentence into clauses at commas and semicolons (not inside parentheses). */
export function clauses(text: string, language: Language): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if ('（(“"'.includes(ch) && !(ch === '"' && depth > 0)) depth++;
    else if ('）)”'.includes(ch) || (ch === '"' && depth > 0)) depth = Math.max(0, depth - 1);
    const sep = language === 'zh' ? '，；：,;:' : ',;:';
    if (depth === 0 && sep.includes(ch) && (language === 'zh' || /\s/.test(text[i + 1] ?? ' '))) {
      out.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  out.push(text.slice(start).trim());
  return out.filter((c) => c.length > 0);
}

/** Joins clauses back with the language's comma. */
export function joinClauses(parts: string[], language: Language): string {
  return parts.join(language === 'zh' ? '，' : ', ');
}

/**
 * Pronouns and demonstratives that point outside the sentence: a stem built on them
 * ("this problem", "这些运维工作") cannot be understood on its own.
 */
export function hasDanglingReference(text: string, language: Language): boolean {
  const t = text.trim();
  return language === 'zh'
    ? /^(?:它|其|这|那|此|该|他们|它们)/u.test(t) || /这个问题|这些(?:运维)?工作|上述|前者|后者/u.test(t)
    : /^(?:it|its|this|that|these|those|they|them|their|such)\b/i.test(t) || /\bthis (?:problem|work)\b|\bthe (?:former|latter)\b/i.test(t);
}

/** Instructions ("Scale out the Deployment …") and use-case fragments name no fact to judge. */
const EN_INSTRUCTION = /^(?:do not|don't|never|always|please|make sure|roll|declare|scale|pause|pick|change|use|apply|run|create|set|make|learn|read|see|check|add|remove|delete|edit|write|watch|avoid|ensure|note|choose|install|configure|deploy|expose|update|upgrade|keep|give|try|consider|define|specify|enable|disable|open|start|stop|verify|follow|build|push|pull|tag|log|look|let|find|get|put|move|copy|mount|attach)\b/i;
const ZH_INSTRUCTION = /^(?:不要|请|务必|切勿|先|然后|使用|执行|运行|创建|删除|修改|选择|上线|声明|回滚|扩容|缩容|暂停|恢复)/u;

/** A statement that is true or false as written, not an instruction or a noun phrase with a purpose. */
export function isClaim(sentence: string, language: Language): boolean {
  const s = sentence.trim();
  if (language === 'zh') return !ZH_INSTRUCTION.test(s);
  return !EN_INSTRUCTION.test(s) && !/^[\w.-]+(?:\s+and\s+[\w.-]+)?\s+for\s/i.test(s);
}

