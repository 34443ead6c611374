import type { Language, QuestionContent } from '../model/question-types.js';
import { tidySpacing } from './build.js';
import { stableHash } from './seeded-random.js';
import type { Candidate, GeneratedQuestion, GenerationRule, ItemQuality } from './types.js';

export function toQuestion(c: Candidate, language: Language, quality: ItemQuality): GeneratedQuestion {
  if (language === 'zh') c = { ...c, content: tidyContent(c.content), explanation: tidySpacing(c.explanation) };
  return {
    sectionKey: c.sectionKey,
    language,
    rule: c.rule as GenerationRule,
    sourceSentence: c.sourceSentence,
    fingerprint: stableHash([c.rule, c.sectionKey, language, c.sourceSentence, c.answer]),
    difficulty: c.difficulty,
    tags: c.tags,
    content: c.content,
    answerKey: c.answerKey,
    explanation: c.explanation,
    quality,
  };
}

/** Chinese text gets a space between Latin and CJK where templates joined them ("是Kubernetes"). */
function tidyContent(content: QuestionContent): QuestionContent {
  const t = (x: { id: string; text: string }) => ({ ...x, text: tidySpacing(x.text) });
  switch (content.type) {
    case 'single-choice':
    case 'multiple-response':
      return { ...content, stem: tidySpacing(content.stem), options: content.options.map(t) };
    case 'matching':
      return { ...content, stem: tidySpacing(content.stem), prompts: content.prompts.map(t), choices: content.choices.map(t) };
    case 'ordering':
      return { ...content, stem: tidySpacing(content.stem), items: content.items.map(t) };
    default:
      return { ...content, stem: tidySpacing(content.stem) };
  }
}
