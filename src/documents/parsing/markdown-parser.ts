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

export function parseMarkdown(source: string): MarkdownResult {
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

  const positional = positionalPaths(headings.map((h) => h.depth));
  const numbered = headings.map((h) => splitNumber(inlineText(h)));
  const explicit =
    numbered.every((n) => n.path !== null) &&
    isConsistentOutline(numbered.map((n) => n.path!), { anyStart: true }) &&
    numbered.every((n, i) => n.path!.length === positional[i]!.length);

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
    case 'heading':
      lines.push(indent + inlineText(node));
      return;
    case 'list':
      pushList(node, lines, indent);
      return;
    case 'code':
      lines.push(...node.value.split('\n').map((l) => indent + l));
      return;
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
