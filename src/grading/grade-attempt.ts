import type { AnswerKey, ItemResponse, MultipleResponsePolicy, QuestionContent } from '../question-bank/model/question-types.js';
import type { ItemOutcome, ItemScore } from './item-score.js';
import { percentageOf, roundTo } from './rounding.js';
import { scoreItem } from './score-item.js';
import { sortSectionKeys } from './section-order.js';

export interface AttemptItemInput {
  /** The caller's handle for the item (e.g. form position or revision id), echoed back. */
  id: string;
  sectionKey: string;
  content: QuestionContent;
  key: AnswerKey;
  /** Default 1. */
  weight?: number;
  response: ItemResponse | null;
}

/** A hands-on task as the check engine scored it, and what it is worth in the exam. */
export interface LabTaskInput {
  taskId: string;
  title: string;
  /** Exam points the task is worth. */
  weight: number;
  /** Check points earned, out of `maxPoints`. */
  points: number;
  maxPoints: number;
}

export interface GradeAttemptInput {
  items: readonly AttemptItemInput[];
  labTasks?: readonly LabTaskInput[];
  /** Percentage needed to pass, 0..100. */
  passMark: number;
  multipleResponsePolicy?: MultipleResponsePolicy;
}

export interface AttemptItemScore extends ItemScore {
  id: string;
  sectionKey: string;
}

export interface LabTaskScore {
  taskId: string;
  title: string;
  weight: number;
  /** Check points as reported (clamped to 0..maxPoints). */
  checkPoints: number;
  checkMaxPoints: number;
  /** checkPoints / checkMaxPoints, 0 when the task has no checks. */
  fraction: number;
  /** fraction × weight: what the task adds to the attempt. */
  points: number;
  maxPoints: number;
  outcome: Exclude<ItemOutcome, 'unanswered'>;
}

export interface SectionScore {
  sectionKey: string;
  points: number;
  maxPoints: number;
  percentage: number;
  /** Number of items of the section in the attempt. */
  items: number;
}

export interface AttemptResult {
  points: number;
  maxPoints: number;
  percentage: number;
  passMark: number;
  passed: boolean;
  /** Sorted by section key ("1.2" before "1.10"); lab tasks belong to no section. */
  sections: SectionScore[];
  /** In input order. */
  items: AttemptItemScore[];
  /** In input order. */
  labTasks: LabTaskScore[];
}

/**
 * Grades a submitted attempt. Item points come from {@link scoreItem}; a lab task adds
 * weight × points/maxPoints. Totals and section points are sums of the unrounded points,
 * reported to 4 decimals; percentage = 100 × points / maxPoints rounded half-up to 2
 * decimals, and passed = percentage ≥ passMark, judged on that rounded figure so the
 * verdict agrees with the number the candidate sees. An attempt worth 0 points scores 0 %.
 *
 * Throws RangeError for a pass mark outside 0..100 or a negative or non-finite weight.
 */
export function gradeAttempt(input: GradeAttemptInput): AttemptResult {
  if (!Number.isFinite(input.passMark) || input.passMark < 0 || input.passMark > 100) {
    throw new RangeError(`pass mark must be a percentage 0..100, got ${input.passMark}`);
  }
  const items = input.items.map((item): AttemptItemScore => ({
    id: item.id,
    sectionKey: item.sectionKey,
    ...scoreItem(item.content, item.key, item.response, { weight: item.weight, multipleResponsePolicy: input.multipleResponsePolicy }),
  }));
  const labTasks = (input.labTasks ?? []).map(scoreLabTask);

  const sums = new Map<string, { points: number; maxPoints: number; items: number }>();
  for (const item of items) {
    const sum = sums.get(item.sectionKey) ?? { points: 0, maxPoints: 0, items: 0 };
    sum.points += item.points;
    sum.maxPoints += item.maxPoints;
    sum.items += 1;
    sums.set(item.sectionKey, sum);
  }
  const sections = sortSectionKeys(sums.keys())
    .map((sectionKey) => [sectionKey, sums.get(sectionKey)!] as const)
    .map(([sectionKey, sum]) => ({
      sectionKey,
      points: roundTo(sum.points, 4),
      maxPoints: roundTo(sum.maxPoints, 4),
      percentage: percentageOf(sum.points, sum.maxPoints),
      items: sum.items,
    }));

  const scored = [...items, ...labTasks];
  const points = scored.reduce((total, entry) => total + entry.points, 0);
  const maxPoints = scored.reduce((total, entry) => total + entry.maxPoints, 0);
  const percentage = percentageOf(points, maxPoints);
  return {
    points: roundTo(points, 4),
    maxPoints: roundTo(maxPoints, 4),
    percentage,
    passMark: input.passMark,
    passed: percentage >= input.passMark,
    sections,
    items,
    labTasks,
  };
}

function scoreLabTask(task: LabTaskInput): LabTaskScore {
  if (!Number.isFinite(task.weight) || task.weight < 0) throw new RangeError(`lab task ${task.taskId}: weight must be a finite number ≥ 0, got ${task.weight}`);
  const checkMaxPoints = Number.isFinite(task.maxPoints) && task.maxPoints > 0 ? task.maxPoints : 0;
  const checkPoints = Number.isFinite(task.points) ? Math.min(checkMaxPoints, Math.max(0, task.points)) : 0;
  const fraction = checkMaxPoints > 0 ? checkPoints / checkMaxPoints : 0;
  return {
    taskId: task.taskId,
    title: task.title,
    weight: task.weight,
    checkPoints,
    checkMaxPoints,
    fraction,
    points: fraction * task.weight,
    maxPoints: task.weight,
    outcome: fraction >= 1 ? 'correct' : fraction > 0 ? 'partial' : 'incorrect',
  };
}
