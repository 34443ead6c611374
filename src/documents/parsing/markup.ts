import { parse as parseYaml } from 'yaml';
import type { DocumentLanguage } from './types.js';

/** What a page's front matter says about it; everything else in it is site configuration. */
export interface FrontMatter {
  title: string | null;
  language: DocumentLanguage | null;
}

const FRONT_MATTER = /^(?:---\n([\s\S]*?)\n---|\+\+\+\n([\s\S]*?)\n\+\+\+)(?:\n|$)/;

/**
 * Reads `title` and `language` (or `lang`, `locale`: `zh`, `zh-cn`, `en-US` …) from YAML
 * front matter; TOML is only skipped. Broken YAML yields nothing rather than an error: the
 * page is still worth parsing.
 */
export function readFrontMatter(text: string): FrontMatter {
  const m = FRONT_MATTER.exec(text);
  if (!m || m[1] === undefined) return { title: null, language: null };
  let data: unknown;
  try {
    data = parseYaml(m[1]);
  } catch {
    return { title: null, language: null };
  }
  if (typeof data !== 'object' || data === null) return { title: null, language: null };
  const fields = data as Record<string, unknown>;
  const title = typeof fields['title'] === 'string' && fields['title'].trim() ? fields['title'].trim() : null;
  const code = [fields['language'], fields['lang'], fields['locale']].find((v): v is string => typeof v === 'string');
  const language = code ? (/^zh\b/i.test(code) ? 'zh' : /^en\b/i.test(code) ? 'en' : null) : null;
  return { title, language };
}

/** Length of the front matter block at the start, 0 without one. */
export function frontMatterLength(text: string): number {
  return FRONT_MATTER.exec(text)?.[0].length ?? 0;
}

/**
 * Shortcodes whose body is code or a diagram, not prose: dropped with their body. Every
 * other paired shortcode (note, caution, warning, tabs, …) loses its tags and keeps its
 * body as prose; a self-closing one (code_sample, feature-state, param …) is dropped,
 * except that one carrying a `text` attribute (glossary_tooltip) leaves that text.
 */
const DROPPED_WITH_BODY = new Set(['mermaid', 'highlight', 'code', 'codenew', 'comment', 'katex', 'math']);

const SHORTCODE = /\{\{([<%])\s*(\/?)\s*([\w.-]+)((?:[^}]|\}(?!\}))*?)\s*\/?\s*[>%]\}\}/gu;
const HTML_COMMENT = /<!--[\s\S]*?-->/g;
const HEADING_ANCHOR = /^(#{1,6}[ \t].*?)[ \t]*\{#[\w.:-]+\}[ \t]*$/gm;
const FENCE = /^[ \t]{0,3}(`{3,}|~{3,})/;

/**
 * Removes the site markup of Hugo / Docsy pages from Markdown so that only what a reader
 * sees remains: HTML comments (which translated pages use to keep the original text),
 * shortcodes and heading anchors. Fenced code is left untouched. The result is still
 * Markdown, with blank lines where tags stood so paragraphs stay apart.
 */
export function stripSiteMarkup(markdown: string): string {
  // Comments first, over the whole text: a translated page keeps the original's code blocks
  // inside them, and those fences must not be taken for real ones.
  const uncommented = markdown.replace(HTML_COMMENT, (c) => blankLinesOf(c));
  return outsideFences(uncommented, (chunk) => {
    let out = dropShortcodeBodies(chunk);
    out = out.replace(SHORTCODE, (_m, _delim: string, _closing: string, name: string, args: string) => {
      const text = /\btext\s*=\s*"([^"]*)"/u.exec(args)?.[1];
      return text ?? (isInline(name) ? '' : '\n');
    });
    return out.replace(HEADING_ANCHOR, '$1').replace(/^[ \t]+$/gm, '');
  });
}

/**
 * The text a language is judged on: prose only. Comments (a translation keeps the original
 * in them), code, shortcodes, inline code, URLs and front matter say nothing about the
 * language the author writes in.
 */
export function proseForLanguage(text: string): string {
  const body = text.slice(frontMatterLength(text));
  const withoutCode = body.split('\n').reduce<{ out: string[]; fence: string | null }>((acc, line) => {
    const f = FENCE.exec(line)?.[1];
    if (acc.fence !== null) {
      if (f && f[0] === acc.fence[0] && f.length >= acc.fence.length) acc.fence = null;
    } else if (f) {
      acc.fence = f;
    } else {
      acc.out.push(line);
    }
    return acc;
  }, { out: [], fence: null }).out.join('\n');
  return withoutCode
    .replace(HTML_COMMENT, ' ')
    .replace(SHORTCODE, ' ')
    .replace(/`[^`\n]*`/g, ' ')
    .replace(/(?:https?:\/\/|www\.)\S+/g, ' ');
}

/** Inline shortcodes sit inside a sentence; the rest stand on their own lines. */
function isInline(name: string): boolean {
  return /^(?:glossary_tooltip|param|skew|link|ref|relref|latest-version|version-check|api-reference|term|abbr|kbd)$/i.test(name);
}

function dropShortcodeBodies(text: string): string {
  let out = text;
  for (const name of DROPPED_WITH_BODY) {
    const paired = new RegExp(`\\{\\{[<%]\\s*${name}\\b[\\s\\S]*?[>%]\\}\\}[\\s\\S]*?\\{\\{[<%]\\s*/\\s*${name}\\s*[>%]\\}\\}`, 'gu');
    out = out.replace(paired, '\n');
  }
  return out;
}

/** A removed multi-line block leaves its line breaks, so text around it does not merge. */
function blankLinesOf(removed: string): string {
  return removed.includes('\n') ? '\n\n' : '';
}

/** Applies `transform` to the text between fenced code blocks; fences pass through as they are. */
function outsideFences(markdown: string, transform: (chunk: string) => string): string {
  const lines = markdown.split('\n');
  const parts: string[] = [];
  let prose: string[] = [];
  let fence: string | null = null;
  const flush = () => {
    if (prose.length > 0) parts.push(transform(prose.join('\n')));
    prose = [];
  };
  for (const line of lines) {
    const f = FENCE.exec(line)?.[1];
    if (fence === null && f) {
      flush();
      fence = f;
      parts.push(line);
    } else if (fence !== null) {
      parts.push(line);
      if (f && f[0] === fence[0] && f.length >= fence.length) fence = null;
    } else {
      prose.push(line);
    }
  }
  flush();
  return parts.join('\n').replace(/\n{3,}/g, '\n\n');
}
