import { DocumentParseError } from './document-parse-error.js';
import { detectLanguage } from './detect-language.js';
import { decodeInput } from './input-guard.js';
import { parseMarkdown } from './markdown-parser.js';
import { proseForLanguage, readFrontMatter, stripSiteMarkup } from './markup.js';
import { contentHash, normaliseText } from './normalise-text.js';
import { parsePlainText, restoreLineBreaks } from './plain-text-parser.js';
import { buildSections, type SectionDraft } from './section-tree.js';
import type { DocumentFormat, KeySource, ParsedDocument, ParseOptions } from './types.js';

/**
 * Parses a course document into a flat, ordered section tree with stable keys.
 *
 * @param input text, or raw bytes of an upload (must be UTF-8)
 * @throws DocumentParseError `TOO_LARGE` above `options.maxBytes`; `EMPTY`, `BINARY`,
 *   `NOT_UTF8` for input that is no text document
 */
export function parseDocument(input: string | Uint8Array, options: ParseOptions = {}): ParsedDocument {
  const text = normaliseText(decodeInput(input, options.maxBytes));
  if (text.length === 0) throw new DocumentParseError('EMPTY', 'Document contains no text.');
  const format = options.format ?? detectFormat(text);
  const front = format === 'markdown' ? readFrontMatter(text) : { title: null, language: null };
  // The upload's declared language wins, then the page's own front matter, then the prose.
  const language = options.language ?? front.language ?? detectLanguage(proseForLanguage(text));
  const base = { language, format, contentHash: contentHash(text) };

  if (format === 'markdown') {
    const md = parseMarkdown(stripSiteMarkup(text), front.title ?? (language === 'zh' ? '概述' : 'Introduction'));
    const title = md.title ?? front.title;
    if (md.drafts.length > 0) {
      return { ...base, title, preamble: md.preamble, keySource: md.keySource, sections: buildSections(md.drafts) };
    }
    return { ...base, title, preamble: '', keySource: 'positional', sections: single(md.plain, md.plain, title) };
  }

  const plain = parsePlainText(text, language);
  if (plain.drafts.length > 0) {
    const keySource: KeySource = 'explicit';
    return { ...base, title: null, preamble: plain.preamble, keySource, sections: buildSections(plain.drafts) };
  }
  const body = restoreLineBreaks(plain.cleaned);
  return { ...base, title: null, preamble: '', keySource: 'positional', sections: single(body, body, null) };
}

/** Markdown when it has ATX headings or front matter; web copies rarely start a line with "# ". */
export function detectFormat(text: string): DocumentFormat {
  return /^---\n[\s\S]*?\n---\n/.test(text) || /^#{1,6}[ \t]+\S/m.test(text) ? 'markdown' : 'text';
}

/** A document without headings is one section titled by its first line or sentence. */
function single(body: string, text: string, docTitle: string | null) {
  if (text.trim().length === 0) throw new DocumentParseError('EMPTY', 'Document contains no text.');
  const firstLine = text.split('\n', 1)[0]!.trim();
  const rest = text.slice(text.indexOf('\n') + 1).trim();
  const lineIsTitle = text.includes('\n') && firstLine.length <= 80 && !/[。.!?！？；;:：,，]$/u.test(firstLine) && rest.length > 0;
  const title = docTitle ?? (lineIsTitle ? firstLine : shorten(firstLine));
  const draft: SectionDraft = {
    path: [1],
    title,
    body: lineIsTitle && docTitle === null ? body.slice(body.indexOf('\n') + 1).trim() : body,
    text: lineIsTitle && docTitle === null ? rest : text,
  };
  return buildSections([draft]);
}

function shorten(line: string): string {
  const sentence = line.split(/(?<=[。！？])|(?<=[.!?])\s/u, 1)[0]!.trim();
  return sentence.length <= 40 ? sentence : `${sentence.slice(0, 39)}…`;
}
