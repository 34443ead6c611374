import { XMLValidator } from 'fast-xml-parser';
import { validateQuestion } from '../model/validate-question.js';
import type { AnswerKey, QuestionContent } from '../model/question-types.js';
import { parseGift } from './gift-import.js';
import { toGift } from './gift-export.js';
import { toMoodleXml } from './moodle-xml-export.js';
import { toQtiItem } from './qti-item.js';
import type { ExchangeQuestion } from './types.js';

/** Small seeded PRNG (mulberry32) so a failure can be replayed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ (t + Math.imul(t ^ (t >>> 14), 71 | t));
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Every character GIFT treats specially, plus the ones our own reading relies on.
const PIECES = ['{', '}', '=', '~', '#', ':', '\\', '\\n', '%', '50%', '[html]', '[', ']', '->', '-', '>', '//', '::', '####', '_____', '\n', ' ', 'T', 'kube', '调度', '：', '“', '”', '（', '）', '；', 'Pod', 'a', '1'];

describe('generated questions with every special character', () => {
  const next = random(20240611);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)];
  const text = (): string => {
    let out = '';
    while (out.trim().length < 3) out += Array.from({ length: 1 + Math.floor(next() * 8) }, () => pick(PIECES)).join('');
    return out.trim();
  };
  const texts = (n: number): string[] => {
    const seen = new Set<string>();
    const out: string[] = [];
    while (out.length < n) {
      const t = `${out.length + 1} ${text()}`;
      if (!seen.has(t.toLowerCase())) out.push(t);
      seen.add(t.toLowerCase());
    }
    return out;
  };
  const choices = (n: number, id: (i: number) => string) => texts(n).map((t, i) => ({ id: id(i), text: t }));
  const letter = (i: number): string => String.fromCharCode(97 + i);

  function generate(index: number): ExchangeQuestion {
    const type = (['single-choice', 'multiple-response', 'true-false', 'cloze', 'matching', 'ordering'] as const)[index % 6];
    let content: QuestionContent;
    let answerKey: AnswerKey;
    const n = 3 + Math.floor(next() * 4);
    switch (type) {
      case 'single-choice':
      case 'multiple-response': {
        const options = choices(n, letter);
        content = { type, stem: text(), options };
        answerKey = type === 'single-choice' ? { type, correct: pick(options).id } : { type, correct: options.filter((_, i) => i === 0 || next() < 0.4).map((o) => o.id) };
        break;
      }
      case 'true-false':
        content = { type, stem: text() };
        answerKey = { type, correct: next() < 0.5 };
        break;
      case 'cloze': {
        const blanks = 1 + Math.floor(next() * 3);
        const parts = Array.from({ length: blanks + 1 }, () => (next() < 0.3 ? '' : text()));
        const stem = parts.map((p, i) => (i ? `{{${i}}}${p}` : p)).join(next() < 0.5 ? ' ' : '').trim();
        content = { type, stem: stem.length >= 3 ? stem : `${stem} ok`, blanks };
        answerKey = { type, accepted: Array.from({ length: blanks }, () => texts(1 + Math.floor(next() * 3))) };
        break;
      }
      case 'matching': {
        const prompts = choices(n - 1, (i) => `p${i + 1}`);
        const list = choices(n, letter);
        content = { type, stem: text(), prompts, choices: list };
        answerKey = { type, pairs: Object.fromEntries(prompts.map((p) => [p.id, pick(list).id])) };
        break;
      }
      case 'ordering': {
        const items = choices(n, letter);
        content = { type, stem: text(), items };
        answerKey = { type, order: [...items].sort(() => next() - 0.5).map((i) => i.id) };
        break;
      }
    }
    return {
      id: `gen-${index}`,
      title: next() < 0.2 ? '' : text(),
      language: next() < 0.5 ? 'zh' : 'en',
      sectionKeys: next() < 0.3 ? [] : [`${1 + Math.floor(next() * 5)}.${Math.floor(next() * 3)}`],
      difficulty: pick(['easy', 'medium', 'hard'] as const),
      tags: next() < 0.5 ? [] : [text()],
      content,
      answerKey,
      explanation: next() < 0.3 ? '' : text(),
    };
  }

  const questions = Array.from({ length: 300 }, (_, i) => generate(i)).filter((q) => validateQuestion(q.content, q.answerKey).length === 0);

  it('restores every generated question unchanged', () => {
    expect(questions.length).toBeGreaterThan(250);
    const result = parseGift(toGift(questions, { category: 'fuzz' }));
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.questions).toEqual(questions);
  });

  it('give well-formed Moodle XML and QTI items', () => {
    expect(XMLValidator.validate(toMoodleXml(questions, { category: 'fuzz' }))).toBe(true);
    for (const q of questions) expect(XMLValidator.validate(toQtiItem(q))).toBe(true);
  });
});
