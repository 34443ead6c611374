import { META_PREFIX } from './gift-metadata.js';

/** One question's lines as found in a GIFT file, before its body is parsed. */
export interface RawQuestion {
  /** 1-based line of the question's first line. */
  line: number;
  /** The question's lines joined with "\n"; comment lines are blanked so offsets still map to lines. */
  text: string;
  /** The nearest `// kubequiz:` comment before the question, not yet taken by an earlier one. */
  meta?: { line: number; text: string };
  /** The `$CATEGORY:` in force, if any. */
  category?: string;
}

/**
 * Splits a GIFT file into questions the way Moodle does: blank lines separate questions, `//`
 * lines are comments, a `$CATEGORY:` line switches the category. Unlike Moodle, a question may
 * follow its `$CATEGORY:` line without a blank line in between.
 */
export function readGiftQuestions(source: string): RawQuestion[] {
  const lines = source.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const questions: RawQuestion[] = [];
  let current: { line: number; lines: string[]; meta?: RawQuestion['meta']; category?: string } | undefined;
  let pendingMeta: RawQuestion['meta'];
  let category: string | undefined;

  const flush = (): void => {
    if (current) questions.push({ line: current.line, text: current.lines.join('\n'), meta: current.meta, category: current.category });
    current = undefined;
  };

  lines.forEach((raw, index) => {
    const trimmed = raw.trim();
    if (!trimmed) {
      flush();
    } else if (trimmed.startsWith('//')) {
      // A metadata comment belongs to the next question that starts after it.
      if (trimmed.startsWith(META_PREFIX)) pendingMeta = { line: index + 1, text: trimmed };
      current?.lines.push('');
    } else if (!current && trimmed.startsWith('$CATEGORY:')) {
      category = trimmed.slice('$CATEGORY:'.length).trim();
    } else {
      if (!current) {
        current = { line: index + 1, lines: [], meta: pendingMeta, category };
        pendingMeta = undefined;
      }
      current.lines.push(raw);
    }
  });
  flush();
  return questions;
}
