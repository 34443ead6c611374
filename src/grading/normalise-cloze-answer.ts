// Scripts written without spaces between words. A space next to one of these is
// typographic (e.g. "使用 kubectl 命令"), never meaningful, so it is dropped. Hangul is
// left out on purpose: Korean separates words with spaces.
const CJK = String.raw`\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f\uff01-\uff60`;
const SPACE_BEFORE_CJK = new RegExp(String.raw`\s+(?=[${CJK}])`, 'gu');
const SPACE_AFTER_CJK = new RegExp(String.raw`(?<=[${CJK}])\s+`, 'gu');
// After NFKC the full-width comma and full stop are already ASCII; the ideographic full
// stop and comma have no compatibility mapping and are listed themselves.
const TRAILING_PUNCTUATION = /[\s.,。，、]+$/u;

/**
 * The form in which cloze answers are compared: Unicode NFKC (full-width letters, digits
 * and punctuation become ASCII, e.g. `ｋｕｂｅ－ｐｒｏｘｙ` → `kube-proxy`), lower case,
 * whitespace runs collapsed to one space and trimmed, whitespace next to a CJK character
 * removed, and trailing `.` `,` `。` `，` `、` dropped.
 */
export function normaliseClozeAnswer(answer: string): string {
  return answer
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\s+/gu, ' ')
    .trim()
    .replace(SPACE_BEFORE_CJK, '')
    .replace(SPACE_AFTER_CJK, '')
    .replace(TRAILING_PUNCTUATION, '');
}
