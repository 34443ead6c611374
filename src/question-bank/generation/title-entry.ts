import { type Glossary, type GlossaryEntry, matchTerms } from '../../documents/analysis/index.js';
import { isAmbiguousSurface } from './kinds.js';

/** The entry a phrase names when it is exactly one glossary form (give or take a plural). */
export function exactEntry(term: string, glossary: Glossary): GlossaryEntry | null {
  const t = term.trim();
  const matches = matchTerms(t, glossary);
  const m = matches[0];
  return m && matches.length === 1 && m.surface.length >= t.length - 1 && !isAmbiguousSurface(m.surface) ? m.entry : null;
}

/** The glossary entry a heading names ("弹性伸缩", "etcd 配置存储中心", "Label 标签"), if one. */
export function titleEntry(title: string, glossary: Glossary): GlossaryEntry | null {
  const direct = exactEntry(title, glossary);
  if (direct) return direct;
  const matches = matchTerms(title, glossary).filter((m) => !isAmbiguousSurface(m.surface));
  const ids = new Set(matches.map((m) => m.entry.id));
  const covered = matches.reduce((n, m) => n + m.surface.replace(/\s+/g, '').length, 0);
  return ids.size === 1 && covered >= title.replace(/\s+/g, '').length * 0.7 ? matches[0]!.entry : null;
}
