import { giftText, htmlToText, protectEscapes, restoreEscapes, splitFormatTag, type GiftFormat } from './gift-escape.js';

export interface GiftAnswer {
  text: string;
  /** Percent of the mark: 100 for `=`, the `%n%` weight when given, else 0 (choices) or 100 (short answers). */
  weight: number;
  feedback: string;
}

export type GiftBlock =
  | { kind: 'essay' }
  | { kind: 'numerical' }
  | { kind: 'multichoice'; single: boolean; answers: GiftAnswer[] }
  | { kind: 'match'; pairs: { prompt: string; choice: string }[] }
  | { kind: 'truefalse'; value: boolean; feedback: string }
  | { kind: 'shortanswer'; answers: GiftAnswer[] };

export type GiftBlockKind = GiftBlock['kind'];

/** A GIFT question split into its name, its text around the answer blocks, and the blocks. */
export interface GiftBody {
  line: number;
  title?: string;
  /** Text before, between and after the answer blocks (blocks.length + 1 parts), escapes restored. */
  texts: string[];
  blocks: GiftBlock[];
  generalFeedback: string;
}

export class GiftSyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

const WEIGHT = /^%(-?\d+(?:\.\d+)?)%/;

/** Splits `text#feedback` at its first unescaped `#`, as Moodle does. */
function answerOf(raw: string, weight: number, format: GiftFormat): GiftAnswer {
  const hash = raw.indexOf('#');
  const text = hash < 0 ? raw : raw.slice(0, hash);
  return { text: giftText(text, format), weight, feedback: hash < 0 ? '' : giftText(raw.slice(hash + 1), format) };
}

/** Moodle's split: the part before the first separator counts only when it is not blank. */
function splitAnswers(answerText: string, separator: string): string[] {
  const parts = answerText.split(separator).map((p) => p.trim());
  if (parts[0] === '') parts.shift();
  return parts;
}

function readWeight(part: string, fallback: number): { weight: number; rest: string } {
  const m = WEIGHT.exec(part);
  return m ? { weight: Number(m[1]), rest: part.slice(m[0].length) } : { weight: fallback, rest: part };
}

/**
 * The block's type, decided in Moodle's order. `hint` forces a reading where Moodle would guess
 * wrong on our own output (a short answer containing "->").
 */
function kindOf(answerText: string, hint?: GiftBlockKind): GiftBlockKind {
  if (answerText === '') return 'essay';
  if (answerText.startsWith('#')) return 'numerical';
  if (answerText.includes('~')) return 'multichoice';
  if (hint === 'shortanswer') return 'shortanswer';
  if (answerText.includes('=') && answerText.includes('->')) return 'match';
  const tf = answerText.split('#')[0].trim();
  return ['T', 'TRUE', 'F', 'FALSE'].includes(tf) ? 'truefalse' : 'shortanswer';
}

/** `format` is the question's: choices and feedback inherit it, short answers and match targets are plain in Moodle. */
function parseBlock(answerText: string, line: number, format: GiftFormat, hint?: GiftBlockKind): GiftBlock {
  const kind = kindOf(answerText, hint);
  switch (kind) {
    case 'essay':
    case 'numerical':
      return { kind };
    case 'multichoice': {
      const answers = splitAnswers(answerText.replace(/=/g, '~='), '~').map((part) => {
        if (part.startsWith('=')) return answerOf(part.slice(1), 100, format);
        const { weight, rest } = readWeight(part, 0);
        return answerOf(rest, weight, format);
      });
      if (answers.length < 2) throw new GiftSyntaxError(line, 'a multiple-choice question needs at least 2 answers');
      return { kind, single: answerText.includes('='), answers };
    }
    case 'match': {
      const pairs = splitAnswers(answerText, '=').map((part) => {
        const arrow = part.indexOf('->');
        if (arrow < 0) throw new GiftSyntaxError(line, `matching pair "${restoreEscapes(part)}" has no "->"`);
        return { prompt: giftText(part.slice(0, arrow), format), choice: giftText(part.slice(arrow + 2), 'plain') };
      });
      return { kind, pairs };
    }
    case 'truefalse': {
      const [value, ...feedback] = answerText.split('#');
      return { kind, value: value.trim().startsWith('T'), feedback: feedback.map((f) => giftText(f, format)).filter(Boolean).join(' / ') };
    }
    case 'shortanswer': {
      const answers = splitAnswers(answerText, '=').map((part) => {
        const { weight, rest } = readWeight(part, 100);
        return answerOf(rest, weight, 'plain');
      });
      if (!answers.length) throw new GiftSyntaxError(line, 'a short-answer question needs at least 1 answer');
      return { kind, answers };
    }
  }
}

/**
 * Parses one question (its lines as read from the file) into name, texts and answer blocks.
 * `hint` lets kubequiz metadata say how its own block is to be read.
 */
export function parseGiftBody(rawText: string, firstLine: number, hint?: GiftBlockKind): GiftBody {
  const text = protectEscapes(rawText);
  const lineAt = (offset: number): number => firstLine + (text.slice(0, offset).match(/\n/g)?.length ?? 0);
  let pos = text.length - text.trimStart().length;
  let title: string | undefined;
  if (text.startsWith('::', pos)) {
    const end = text.indexOf('::', pos + 2);
    if (end < 0) throw new GiftSyntaxError(lineAt(pos), 'the question name is not closed with "::"');
    title = restoreEscapes(text.slice(pos + 2, end).trim());
    pos = end + 2;
  }

  const segments: string[] = [];
  const answerTexts: { text: string; line: number }[] = [];
  let from = pos;
  for (;;) {
    const open = text.indexOf('{', from);
    const close = text.indexOf('}', from);
    if (close >= 0 && (open < 0 || close < open)) throw new GiftSyntaxError(lineAt(close), 'unescaped "}" outside an answer block (write \\} for a literal brace)');
    if (open < 0) break;
    if (close < 0) throw new GiftSyntaxError(lineAt(open), 'the answer block is not closed with "}"');
    const nested = text.indexOf('{', open + 1);
    if (nested >= 0 && nested < close) throw new GiftSyntaxError(lineAt(nested), 'unescaped "{" inside an answer block (write \\{ for a literal brace)');
    segments.push(text.slice(from, open));
    answerTexts.push({ text: text.slice(open + 1, close).trim(), line: lineAt(open) });
    from = close + 1;
  }
  segments.push(text.slice(from));

  const lead = splitFormatTag(segments[0].trimStart());
  segments[0] = lead.text;
  const format = lead.format;

  // General feedback is the last "####" of the last block.
  let generalFeedback = '';
  const last = answerTexts.at(-1);
  if (last) {
    const gf = last.text.lastIndexOf('####');
    if (gf >= 0) {
      generalFeedback = giftText(last.text.slice(gf + 4), format);
      last.text = last.text.slice(0, gf).trim();
    }
  }
  const blocks = answerTexts.map((a) => parseBlock(a.text, a.line, format, hint));

  const n = segments.length - 1;
  const texts = segments.map((s, i) => {
    const restored = restoreEscapes(i === n ? s.trimEnd() : s);
    const plain = format === 'html' ? htmlToText(restored) : restored;
    return i === 0 ? plain.trimStart() : i === n ? plain.trimEnd() : plain;
  });
  return { line: firstLine, title, texts, blocks, generalFeedback };
}
