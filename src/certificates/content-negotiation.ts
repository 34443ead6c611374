/**
 * Picks the offered media type the client prefers (RFC 9110 §12.5.1): the most specific
 * matching range decides each offer's quality; ties go to the earlier offer. No Accept
 * header (or nothing acceptable) gives the first offer: we answer rather than 406.
 */
export function negotiate<T extends string>(accept: string | undefined, offers: readonly [T, ...T[]]): T {
  if (!accept?.trim()) return offers[0];
  const ranges = accept.split(',').flatMap((part) => {
    const [range = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const quality = q ? Number(q.slice(2)) : 1;
    const [type, subtype] = range.trim().split('/');
    return type && subtype && !Number.isNaN(quality) ? [{ type, subtype, quality }] : [];
  });
  let best: { offer: T; quality: number } | null = null;
  for (const offer of offers) {
    const [type, subtype] = offer.toLowerCase().split('/');
    let match: { specificity: number; quality: number } | null = null;
    for (const range of ranges) {
      const specificity = range.type === type && range.subtype === subtype ? 2 : range.type === type && range.subtype === '*' ? 1 : range.type === '*' && range.subtype === '*' ? 0 : -1;
      if (specificity >= 0 && (!match || specificity > match.specificity)) match = { specificity, quality: range.quality };
    }
    if (match && match.quality > 0 && (!best || match.quality > best.quality)) best = { offer, quality: match.quality };
  }
  return best?.offer ?? offers[0];
}
