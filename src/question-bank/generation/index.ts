/**
 * Question generation: deterministic, seeded, language-aware rules that turn analysed
 * course sections into quiz items. Pure functions — no Nest, no database.
 */
export { generateQuestions } from './generate-questions.js';
export {
  GENERATION_RULES, type GeneratedQuestion, type ItemQuality, type GenerationInput, type GenerationReport, type GenerationRule,
  REJECTION_REASONS, type RejectionReason,
} from './types.js';
export { familyOf, groupOf } from './kinds.js';
