/** Content language. Detected from the share of CJK characters when not given. */
export type DocumentLanguage = 'zh' | 'en';

/** Source format. `text` covers plain text copied from web pages, flattened or not. */
export type DocumentFormat = 'markdown' | 'text';

/**
 * How section keys were obtained: `explicit` when the headings carry their own consistent
 * numbers ("3.1 Master 组件", "一、…"), `positional` when they were numbered by position.
 */
export type KeySource = 'explicit' | 'positional';

/** Options of {@link parseDocument}. */
export interface ParseOptions {
  /** Forces the format; otherwise Markdown is recognised by ATX headings or front matter. */
  format?: DocumentFormat;
  /** Forces the language; otherwise detected. */
  language?: DocumentLanguage;
  /** Upper bound on the UTF-8 size of the input; exceeding it raises `TOO_LARGE`. */
  maxBytes?: number;
}

/**
 * One node of the section tree, stored flat in document order. Persisted as JSON and read
 * by the question generators, so fields are only ever added, never renamed.
 */
export interface Section {
  /** Stable dotted key: `1`, `1.1`, `3.1.2`. Unique within a document. */
  key: string;
  /** Heading text without its number ("Master 组件"). */
  title: string;
  /** Depth in the tree, 1 for top-level sections. Equals the number of parts in `key`. */
  level: number;
  /** Key of the enclosing section, `null` at the top level. */
  parentKey: string | null;
  /** 1-based position among the siblings under the same parent. */
  order: number;
  /** 0-based position in the whole document (pre-order). */
  index: number;
  /**
   * The section's own content, excluding subsections, in the source format (Markdown
   * source for Markdown, cleaned text for plain text).
   */
  body: string;
  /**
   * `body` as plain text: one block per line (paragraph, list item with its marker kept,
   * table row), inline markup removed. This is what the analysis reads.
   */
  text: string;
}

/** Result of {@link parseDocument}. */
export interface ParsedDocument {
  language: DocumentLanguage;
  format: DocumentFormat;
  /** sha256 (hex) of the normalised input text; equal hashes mean equal content. */
  contentHash: string;
  /** Document title when the source has one (a lone leading `#` heading). */
  title: string | null;
  /** Text before the first heading, if any (intro, or page chrome of a web copy). */
  preamble: string;
  keySource: KeySource;
  sections: Section[];
}
