import type { Language, QuestionContent } from '../model/question-types.js';
import { validateQuestion } from '../model/validate-question.js';
import { containsForm, foldLoose, textLength } from './text.js';
import type { Candidate, RejectionReason } from './types.js';

/** Limits in reader units: CJK characters for zh, words for en. */
const LIMITS = {
  zh: { stemMin: 8, stemMax: 160, optionMax: 60, clozeContext: 8 },
  en: { stemMin: 5, stemMax: 70, optionMax: 32, clozeContext: 5 },
} as const;

/**
 * Judges one candidate: the first reason to reject it, or null to accept. Checks run from
 * the cheapest structural ones to the content ones; `validateQuestion` is the last word
 * on structure.
 */
export function rejectionReason(c: Candidate, language: Language): RejectionReason | null {
  if (c.distractors && c.distractors.found < c.distractors.needed) return 'too-few-distractors';
  if (validateQuestion(c.content, c.answerKey).length > 0) return 'invalid';
  // A choice between two is a coin toss with a stem; true/false asks that more honestly.
  if (c.content.type === 'single-choice' && c.content.options.length < 3) return 'too-few-options';
  if (repeats(texts(c.content))) return 'duplicate-options';
  for (const leak of c.leaks) {
    const text = leak.text.replace(/\{\{\d+\}\}/g, ' ');
    if (leak.forms.some((f) => containsForm(text, f))) return 'answer-in-stem';
  }
  const limits = LIMITS[language];
  const stemLength = textLength(c.content.stem.replace(/\{\{\d+\}\}/g, ''), language);
  if (c.content.type === 'cloze' && stemLength < limits.clozeContext) return 'too-short';
  if (stemLength < limits.stemMin) return 'too-short';
  if (stemLength > limits.stemMax) return 'too-long';
  for (const t of texts(c.content)) {
    if (t.trim().length === 0 || (c.content.type === 'single-choice' && c.rule === 'term-to-definition' && textLength(t, language) < (language === 'zh' ? 4 : 2))) return 'too-short';
    if (textLength(t, language) > limits.optionMax) return 'too-long';
  }
  return null;
}

/** Every text a candidate sees besides the stem. */
export function texts(content: QuestionContent): string[] {
  switch (content.type) {
    case 'single-choice':
    case 'multiple-response':
      return content.options.map((o) => o.text);
    case 'matching':
      return [...content.prompts.map((p) => p.text), ...content.choices.map((c) => c.text)];
    case 'ordering':
      return content.items.map((i) => i.text);
    default:
      return [];
  }
}

/** Options that read the same once case, spacing and punctuation are ignored. */
function repeats(list: string[]): boolean {
  const seen = new Set<string>();
  for (const t of list) {
    const k = foldLoose(t);
    if (seen.has(k)) return true;
    seen.add(k);
  }
  return false;
}
