/** Kinds of line-start list markers. */
export type ListMarkerKind = 'numbered' | 'bulleted' | 'circled';

const MARKERS: ReadonlyArray<[ListMarkerKind, RegExp]> = [
  ['numbered', /^\s*(?:\d{1,2}[.)、．](?!\d)|[（(]\d{1,2}[)）])\s*/u],
  ['circled', /^\s*[①-⑳❶-❿]\s*/u],
  ['bulleted', /^\s*[-*+•●▪·]\s*/u],
];

/** The list marker that opens a line, if any, and the line without it. */
export function splitMarker(line: string): { kind: ListMarkerKind | null; content: string } {
  for (const [kind, re] of MARKERS) {
    const m = re.exec(line);
    // "1.5 GB" is a number, not an item: a numbered marker needs something after it.
    if (m && line.length > m[0].length) return { kind, content: line.slice(m[0].length).trim() };
  }
  return { kind: null, content: line.trim() };
}

/** Drops Markdown emphasis and code marks that survive in plain-text bodies. */
export function stripInlineMarks(text: string): string {
  return text.replace(/\*\*|__|`/g, '');
}
