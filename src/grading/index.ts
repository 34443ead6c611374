// The grading module's public API: pure functions, no I/O. See README.md for the formulas.
export { scoreItem, DEFAULT_MULTIPLE_RESPONSE_POLICY } from './score-item.js';
export type { ItemScore, ItemScoreDetail, ItemOutcome, ScoreItemOptions, SelectionBreakdown } from './item-score.js';
export { validateResponse, MAX_CLOZE_ANSWER_LENGTH } from './validate-response.js';
export { normaliseClozeAnswer } from './normalise-cloze-answer.js';
export { multipleResponseFraction } from './score-choice.js';
export { gradeAttempt } from './grade-attempt.js';
export type { AttemptItemInput, AttemptItemScore, AttemptResult, GradeAttemptInput, LabTaskInput, LabTaskScore, SectionScore } from './grade-attempt.js';
export { combineAttempts, ATTEMPT_COMBINATION_POLICIES } from './combine-attempts.js';
export type { AttemptCombinationPolicy } from './combine-attempts.js';
export { analyseItems, cronbachAlpha, FACILITY_MIN, FACILITY_MAX, DISCRIMINATION_MIN } from './item-analysis.js';
export type {
  AnalysisItem,
  CandidateRecord,
  ExamStatistics,
  ItemAnalysis,
  ItemAnalysisInput,
  ItemFlag,
  ItemStatistics,
  OptionCount,
} from './item-analysis.js';
export { upperLowerIndex, EXTREME_GROUP_SHARE } from './upper-lower.js';
export { roundTo, percentageOf } from './rounding.js';
export { compareSectionKeys } from './section-order.js';
