import { XMLValidator } from 'fast-xml-parser';
import { strFromU8, unzipSync } from 'fflate';
import { loadCuratedQuestions } from '../curated/curated-loader.js';
import { parseGift } from './gift-import.js';
import { toGift } from './gift-export.js';
import { toMoodleXml } from './moodle-xml-export.js';
import { toQtiPackage } from './qti-package.js';
import type { ExchangeQuestion } from './types.js';

/** The shipped curated bank through every format (the e2e suite does the same through the API). */
describe('the shipped curated bank', () => {
  const questions: ExchangeQuestion[] = loadCuratedQuestions().map((c) => ({
    id: `${c.curatedId}.${c.language}`,
    title: `${c.sectionKey} ${c.curatedId}`,
    language: c.language,
    sectionKeys: [c.sectionKey],
    difficulty: c.difficulty,
    tags: c.tags,
    content: c.content,
    answerKey: c.key,
    explanation: c.explanation,
  }));

  it('survives a GIFT round trip unchanged', () => {
    expect(questions.length).toBeGreaterThan(50);
    const result = parseGift(toGift(questions, { category: 'kubequiz' }));
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.questions).toEqual(questions);
  });

  it('exports to well-formed Moodle XML and QTI', async () => {
    expect(XMLValidator.validate(toMoodleXml(questions))).toBe(true);
    const files = unzipSync(await toQtiPackage(questions));
    expect(Object.keys(files)).toHaveLength(questions.length + 1);
    for (const data of Object.values(files)) expect(XMLValidator.validate(strFromU8(data))).toBe(true);
  });
});
