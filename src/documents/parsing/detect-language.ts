import type { DocumentLanguage } from './types.js';

const CJK = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/u;
const CJK_ALL = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/gu;
const LATIN_ALL = /[A-Za-z]/g;

/**
 * `zh` when CJK characters make up a fair share of the letters. One Han character carries
 * about as much as a short English word, and Chinese technical prose is full of Latin
 * identifiers (kube-apiserver), so the threshold is well below one half.
 */
export function detectLanguage(text: string): DocumentLanguage {
  const cjk = text.match(CJK_ALL)?.length ?? 0;
  const latin = text.match(LATIN_ALL)?.length ?? 0;
  if (cjk === 0) return 'en';
  return cjk / (cjk + latin) >= 0.2 ? 'zh' : 'en';
}

/** True for a Han character; used by the title and term heuristics. */
export function isCjk(ch: string | undefined): boolean {
  return ch !== undefined && CJK.test(ch);
}
