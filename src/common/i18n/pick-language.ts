export type ContentLanguage = 'zh' | 'en';

/**
 * The content language: an explicit `lang` wins, then the first zh/en entry of
 * Accept-Language by quality, then the fallback.
 */
export function pickLanguage(lang: string | undefined, acceptLanguage: string | undefined, fallback: ContentLanguage = 'en'): ContentLanguage {
  if (lang === 'zh' || lang === 'en') return lang;
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { tag: tag.toLowerCase(), q: q ? Number(q.slice(2)) : 1, index };
    })
    .filter((entry) => entry.tag && !Number.isNaN(entry.q) && entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranked) {
    if (tag === 'zh' || tag.startsWith('zh-')) return 'zh';
    if (tag === 'en' || tag.startsWith('en-')) return 'en';
  }
  return fallback;
}
