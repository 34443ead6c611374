import type { Glossary, GlossaryEntry } from './glossary.js';

/** A glossary term found in text. */
export interface TermMatch {
  entry: GlossaryEntry;
  /** The text as written ("控制器管理器", "Pods"). */
  surface: string;
  start: number;
  end: number;
}

interface CompiledGlossary {
  insensitive: RegExp | null;
  sensitive: RegExp | null;
  byForm: Map<string, GlossaryEntry>;
  byExactForm: Map<string, GlossaryEntry>;
}

const cache = new WeakMap<Glossary, CompiledGlossary>();
const LATIN = /[A-Za-z0-9]/;
const CJK = /[\u3400-\u9fff]/u;

/**
 * Finds glossary terms, longest first, so "控制器管理器" and "kube-apiserver" come out
 * whole where a word segmenter would cut them. Latin forms need word boundaries and
 * may carry an English plural.
 */
export function matchTerms(text: string, glossary: Glossary): TermMatch[] {
  const c = compile(glossary);
  const found: TermMatch[] = [];
  for (const [re, exact] of [[c.insensitive, false], [c.sensitive, true]] as const) {
    if (!re) continue;
    for (const m of text.matchAll(re)) {
      const entry = lookup(c, m[0], exact);
      if (entry) found.push({ entry, surface: m[0], start: m.index, end: m.index + m[0].length });
    }
  }
  // The two passes may overlap: keep the longer match, then the earlier one.
  found.sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
  const out: TermMatch[] = [];
  for (const m of found) {
    const last = out[out.length - 1];
    if (last && m.start < last.end) {
      if (m.end - m.start > last.end - last.start) out[out.length - 1] = m;
      continue;
    }
    out.push(m);
  }
  return out;
}

/** The entry a term or phrase names, if it is exactly a glossary form. */
export function findEntry(term: string, glossary: Glossary): GlossaryEntry | null {
  const matches = matchTerms(term.trim(), glossary);
  const m = matches[0];
  return m && matches.length === 1 && m.surface.length >= term.trim().length - 1 ? m.entry : null;
}

function compile(glossary: Glossary): CompiledGlossary {
  const hit = cache.get(glossary);
  if (hit) return hit;
  const byForm = new Map<string, GlossaryEntry>();
  const byExactForm = new Map<string, GlossaryEntry>();
  const loose: string[] = [];
  const strict: string[] = [];
  for (const entry of glossary.entries) {
    for (const form of new Set([entry.en, entry.zh, ...entry.aliases])) {
      const exact = entry.caseSensitive && LATIN.test(form);
      const key = formKey(form, exact);
      const map = exact ? byExactForm : byForm;
      if (!map.has(key)) map.set(key, entry);
      (exact ? strict : loose).push(form);
    }
  }
  const build = (forms: string[], flags: string): RegExp | null => {
    if (forms.length === 0) return null;
    const sources = [...new Set(forms)].sort((a, b) => b.length - a.length).map(formPattern);
    return new RegExp(sources.join('|'), flags);
  };
  const compiled = { insensitive: build(loose, 'giu'), sensitive: build(strict, 'gu'), byForm, byExactForm };
  cache.set(glossary, compiled);
  return compiled;
}

function lookup(c: CompiledGlossary, surface: string, exact: boolean): GlossaryEntry | undefined {
  const map = exact ? c.byExactForm : c.byForm;
  const key = formKey(surface, exact);
  return map.get(key) ?? map.get(key.replace(/es$/, '')) ?? map.get(key.replace(/s$/, ''));
}

function formKey(form: string, exact: boolean): string {
  const k = form.replace(/\s+/g, '');
  return exact ? k : k.toLowerCase();
}

/** Regex source for one form: spaces optional, Latin edges bounded, plural allowed. */
function formPattern(form: string): string {
  const chars = [...form.trim()];
  let body = '';
  chars.forEach((ch, i) => {
    const prev = chars[i - 1];
    if (/\s/.test(ch)) {
      if (!/\s/.test(prev ?? '')) body += '\\s*';
      return;
    }
    // "Master节点" and "Master 节点" are the same term.
    if (prev && !/\s/.test(prev) && LATIN.test(prev) !== LATIN.test(ch) && (CJK.test(prev) || CJK.test(ch))) body += '\\s?';
    body += ch.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  });
  const first = chars[0]!;
  const last = chars[chars.length - 1]!;
  const head = LATIN.test(first) ? '(?<![A-Za-z0-9_-])' : '';
  const tail = LATIN.test(last) ? `${/[A-Za-z]/.test(last) ? '(?:e?s)?' : ''}(?![A-Za-z0-9_]|-[A-Za-z])` : '';
  return `${head}${body}${tail}`;
}
