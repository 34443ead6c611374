import type { Localized } from './task-types.js';

export const L = (zh: string, en: string): Localized => ({ zh, en });

/** A value as it appears in a message; long or structured values are cut, never secrets (callers ensure). */
export function show(v: unknown): string {
  if (v === undefined) return '∅';
  const s = typeof v === 'string' ? JSON.stringify(v) : JSON.stringify(v) ?? String(v);
  return s.length > 80 ? `${s.slice(0, 77)}...` : s;
}

export function join(parts: Localized[], sep = { zh: '；', en: '; ' }): Localized {
  return { zh: parts.map((p) => p.zh).join(sep.zh), en: parts.map((p) => p.en).join(sep.en) };
}
