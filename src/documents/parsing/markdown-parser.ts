import type { Heading, List, Nodes, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { isConsistentOutline, type NumberPath, parseNumberPath } from './heading-numbers.js';
import { positionalPaths, type SectionDraft } from './section-tree.js';
import type { KeySource } from './types.js';

/** Headings deeper than this stay inside their section's body. */
const MAX_SECTION_DEPTH = 4;

const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml', 'toml']);

const NUMBERED_TITLE =
  /^(?:第([一二三四五六七八九十\d]{1,3})[章节篇][\s、：:]*|([一二三四五六七八九十]{1,3})[、．.]\s*|(\d{1,2}(?:\.\d{1,2}){0,3})(?:[.、．:：]\s*|\s+))(\S.*)$/u;

export interface MarkdownResult {
  title: string | null;
  preamble: string;
  keySource: KeySource;
  drafts: SectionDraft[];
  /** Whole document as plain text, for the no-heading case. */
  plain: string;
}

/**
 * @param source Markdown without site markup (see `stripSiteMarkup`)
 * @param leadTitle title for a lead section made of the text before the first heading,
 *   when the headings are not numbered: on a documentation page that text is the page's
 *   definition of its subject, the most quizzable sentence it has
 */
export function parseMarkdown(source: string, leadTitle: string | null = null): MarkdownResult {
  const tree = processor.parse(source) as Root;
  const blocks = tree.children.filter((n) => n.type !== 'yaml' && (n.type as string) !== 'toml');
  let headings = blocks.filter((n): n is Heading => n.type === 'heading' && n.depth <= MAX_SECTION_DEPTH);

  // A lone leading "# Title" names the document; the sections are below it. A numbered
  // one ("# 3 Architecture") is a chapter of its own, not a title.
  let title: string | null = null;
  const first = headings[0];
  if (
    first &&
    first.depth === 1 &&
    headings.length > 1 &&
    headings.filter((h) => h.depth === 1).length === 1 &&
    splitNumber(inlineText(first)).path === null
  ) {
    title = inlineText(first);
    headings = headings.slice(1);
  }
  const startOf = (n: Nodes): number => n.position?.start.offset ?? 0;
  const endOf = (n: Nodes): number => n.position?.end.offset ?? 0;
  const titleEnd = first && title !== null ? endOf(first) : 0;
  const before = blocks.filter((b) => startOf(b) >= titleEnd && (!headings[0] || startOf(b) < startOf(headings[0])));
  const preamble = before.length > 0 ? source.slice(startOf(before[0]!), endOf(before[before.length - 1]!)).trim() : '';
  const plain = blocksText(blocks.filter((b) => title === null || b !== first));

  let positional = positionalPaths(headings.map((h) => h.depth));
  const numbered = headings.map((h) => splitNumber(inlineText(h)));
  const explicit =
    numbered.every((n) => n.path !== null) &&
    isConsistentOutline(numbered.map((n) => n.path!), { anyStart: true }) &&
    numbered.every((n, i) => n.path!.length === positional[i]!.length);

  // A lead section shifts the positional keys of the sections after it by one.
  const leadText = blocksText(before);
  const lead = !explicit && headings.length > 0 && /\p{L}{2}/u.test(leadText) ? (title ?? leadTitle) : null;
  if (lead !== null) {
    const top = Math.min(...headings.map((h) => h.depth));
    positional = positionalPaths([top, ...headings.map((h) => h.depth)]).slice(1);
  }

  const drafts = headings.map((h, i): SectionDraft => {
    const next = headings[i + 1];
    const own = blocks.filter((b) => startOf(b) > startOf(h) && (!next || startOf(b) < startOf(next)));
    const bodyEnd = next ? startOf(next) : source.length;
    return {
      path: explicit ? numbered[i]!.path! : positional[i]!,
      title: explicit ? numbered[i]!.title : inlineText(h),
      body: source.slice(endOf(h), bodyEnd).trim(),
      text: blocksText(own),
    };
  });
  if (lead !== null) drafts.unshift({ path: [1], title: lead, body: preamble, text: leadText });
  return { title, preamble, keySource: explicit ? 'explicit' : 'positional', drafts, plain };
}

function splitNumber(heading: string): { path: NumberPath | null; title: string } {
  const m = NUMBERED_TITLE.exec(heading);
  if (!m) return { path: null, title: heading };
  return { path: parseNumberPath(m[1] ?? m[2] ?? m[3]!), title: m[4]!.trim() };
}

function inlineText(node: Nodes): string {
  return toString(node).replace(/\s+/g, ' ').trim();
}

/** One line per block; list items keep a marker so the analysis can see the list. */
function blocksText(nodes: readonly RootContent[]): string {
  const lines: string[] = [];
  for (const node of nodes) pushBlock(node, lines, '');
  return lines.join('\n');
}

function pushBlock(node: RootContent, lines: string[], indent: string): void {
  switch (node.type) {
    case 'paragraph':
      // Without the GFM extension a pipe table arrives as a paragraph; its cells are no prose.
      if (isPipeTable(toString(node))) return;
      lines.push(indent + inlineText(node));
      return;
    case 'heading':
      lines.push(indent + inlineText(node));
      return;
    case 'list':
      pushList(node, lines, indent);
      return;
    case 'code':
      return; // code stays in the body, as code; the prose analysis must not read it as sentences
    case 'blockquote':
      for (const child of node.children) pushBlock(child, lines, indent);
      return;
    case 'table':
      for (const row of node.children) lines.push(indent + row.children.map((c) => inlineText(c)).join(' | '));
      return;
    default:
      return; // html, thematic breaks, definitions carry no prose
  }
}

function isPipeTable(raw: string): boolean {
  const rows = raw.split('\n').map((l) => l.trim()).filter(Boolean);
  return rows.length >= 2 && rows.every((r) => r.startsWith('|') || r.endsWith('|')) && rows.some((r) => /^\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?$/.test(r));
}

function pushList(list: List, lines: string[], indent: string): void {
  list.children.forEach((item, i) => {
    const marker = list.ordered ? `${(list.start ?? 1) + i}. ` : '- ';
    let first = true;
    for (const child of item.children) {
      if (child.type === 'list') {
        pushList(child, lines, `${indent}  `);
      } else if (first) {
        const sub: string[] = [];
        pushBlock(child, sub, '');
        lines.push(`${indent}${marker}${sub.join(' ')}`);
        first = false;
      } else {
        pushBlock(child, lines, `${indent}  `);
      }
    }
  });
}
