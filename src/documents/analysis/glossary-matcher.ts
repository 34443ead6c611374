import type { Glossary, GlossaryEntry } from './glossary.js';

/** A glossary term found in text. */
export interface TermMatch {
  entry: GlossaryEntry;
  /** The text as written ("控制器管理器", "Pods"). */
  surface: string;
  start: number;
  end: number;
}

interface CompiledForm {
  entry: GlossaryEntry;
  /** Sticky regex for this form at one offset. */
  re: RegExp;
}

/** Forms indexed by their first character, longest first, for a scan without one huge regex. */
interface CompiledGlossary {
  byFirstChar: Map<string, CompiledForm[]>;
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
  const { byFirstChar } = compile(glossary);
  const out: TermMatch[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    // Latin forms only start at a word boundary; skipping mid-word offsets saves most lookups.
    const midWord = LATIN.test(ch) && i > 0 && /[A-Za-z0-9_-]/.test(text[i - 1]!);
    const forms = midWord ? undefined : byFirstChar.get(ch.toLowerCase());
    let best: TermMatch | null = null;
    if (forms) {
      for (const form of forms) {
        form.re.lastIndex = i;
        const m = form.re.exec(text);
        if (m && (!best || m[0].length > best.surface.length)) {
          best = { entry: form.entry, surface: m[0], start: i, end: i + m[0].length };
        }
      }
    }
    if (best) {
      out.push(best);
      i = best.end;
    } else {
      i++;
    }
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
  const byFirstChar = new Map<string, CompiledForm[]>();
  const seen = new Set<string>();
  for (const entry of glossary.entries) {
    for (const raw of new Set([entry.en, entry.zh, ...entry.aliases])) {
      const form = raw.trim();
      const exact = entry.caseSensitive && LATIN.test(form);
      const key = `${exact ? '=' : '~'}${exact ? form : form.toLowerCase()}`;
      if (seen.has(key)) continue; // the first entry to claim a form keeps it
      seen.add(key);
      const re = new RegExp(formPattern(form), exact ? 'uy' : 'iuy');
      const first = form[0]!.toLowerCase();
      byFirstChar.set(first, [...(byFirstChar.get(first) ?? []), { entry, re }]);
    }
  }
  const compiled = { byFirstChar };
  cache.set(glossary, compiled);
  return compiled;
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
