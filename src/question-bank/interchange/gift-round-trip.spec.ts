import { validateQuestion } from '../model/validate-question.js';
import { parseGift } from './gift-import.js';
import { toGift } from './gift-export.js';
import { loadSampleQuestions } from '../../../test/fixtures/interchange/load-fixtures.js';

describe('GIFT round trip', () => {
  const questions = loadSampleQuestions();

  it('uses a valid and varied sample', () => {
    for (const q of questions) expect(validateQuestion(q.content, q.answerKey)).toEqual([]);
    expect(new Set(questions.map((q) => q.content.type)).size).toBe(6);
    expect(new Set(questions.map((q) => q.language))).toEqual(new Set(['zh', 'en']));
  });

  it('restores every question unchanged', () => {
    const gift = toGift(questions);
    const result = parseGift(gift);
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.questions).toEqual(questions);
  });

  it('restores every question unchanged with category lines', () => {
    const gift = toGift(questions, { category: '$course$/kubequiz' });
    expect(gift).toContain('$CATEGORY: $course$/kubequiz/3.1\n\n');
    const result = parseGift(gift);
    expect(result.errors).toEqual([]);
    expect(result.questions).toEqual(questions);
  });

  it('restores each question on its own (no state leaks between questions)', () => {
    for (const q of questions) expect(parseGift(toGift([q])).questions).toEqual([q]);
  });

  it('is stable: exporting the import again gives the same text', () => {
    const gift = toGift(questions);
    expect(toGift(parseGift(gift).questions)).toBe(gift);
  });
});
