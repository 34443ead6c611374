/**
 * Page chrome that web copies drag along: breadcrumbs at the top, "related articles"
 * link lists and page URLs at the bottom. It must never become a section.
 */

const BREADCRUMB =
  /(?:当前位置|您的位置|你的位置|您现在的位置|所在位置|You are here)\s*[:：]\s*(?:首页|主页|Home)(?:\s*[>»›/]\s*[^\s>»›/]*)*/giu;

/** A short line that is nothing but a path from the home page: "Home > Blog > Kubernetes". */
const BREADCRUMB_LINE = /^[ \t]*(?:首页|主页|Home)(?:[ \t]*[>»›][ \t]*[^>»›\n]{1,40}){1,6}[ \t]*$/gmu;

/** Headings of the link lists and footers that close a copied article. */
const TRAILER =
  /(?:相关文章|相关推荐|相关阅读|推荐阅读|延伸阅读|猜你喜欢|热门文章|最新文章|热门推荐|上一篇|下一篇|版权声明|本文链接|原文链接|Related (?:articles|posts|reading|stories)|Recommended (?:articles|posts|reading)|Read more|Previous (?:post|article)|Next (?:post|article))\s*[:：]?/giu;

const URL_TOKEN = /(?:https?:\/\/|www\.)\S+$/u;

/** Trailer markers count only in the closing part of the text, where the article has ended. */
const TRAILER_ZONE = 0.6;

export interface BoilerplateCut {
  text: string;
  /** Removed trailing part, kept for diagnostics and tests. */
  trailer: string;
}

export function stripWebBoilerplate(text: string): BoilerplateCut {
  let out = text.replace(BREADCRUMB, ' ').replace(BREADCRUMB_LINE, '');
  let trailer = '';
  const zoneStart = Math.floor(out.length * TRAILER_ZONE);
  for (const m of out.matchAll(TRAILER)) {
    if (m.index >= zoneStart && isAtBlockStart(out, m.index)) {
      trailer = out.slice(m.index);
      out = out.slice(0, m.index);
      break;
    }
  }
  const stripped = stripTrailingUrls(out);
  trailer = out.slice(stripped.length) + trailer;
  return { text: stripped.replace(/^[ \t]+$/gm, '').trim(), trailer: trailer.trim() };
}

/** A trailer heading follows a line break, a sentence end or a URL, not mid-sentence. */
function isAtBlockStart(text: string, index: number): boolean {
  const before = text.slice(Math.max(0, index - 200), index).trimEnd();
  return before.length === 0 || /[\n。！？.!?)）]$/u.test(before) || URL_TOKEN.test(before) ||
    /\n\s*$/.test(text.slice(Math.max(0, index - 4), index));
}

function stripTrailingUrls(text: string): string {
  let out = text.trimEnd();
  for (;;) {
    // Only a URL standing alone (own line, or after a sentence end) is page chrome.
    const m = /(^|\n|[。！？.!?])\s*(?:https?:\/\/|www\.)\S+$/u.exec(out);
    if (!m) return out;
    out = out.slice(0, m.index + m[1]!.length).trimEnd();
  }
}
