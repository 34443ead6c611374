import { mean, pearson, sampleStandardDeviation, sampleVariance } from './statistics.js';
import { upperLowerIndex } from './upper-lower.js';

/** Facility (mean item score) below this marks an item as too hard. */
export const FACILITY_MIN = 0.3;
/** Facility above this marks an item as too easy. */
export const FACILITY_MAX = 0.9;
/** Corrected point-biserial below this marks an item as discriminating poorly. */
export const DISCRIMINATION_MIN = 0.2;

export interface AnalysisItem {
  id: string;
  /** Option ids of a choice item (single-choice, multiple-response, true-false), for distractor counts. */
  options?: readonly string[];
  /** The key's option ids among `options`. */
  correctOptions?: readonly string[];
}

/** One candidate's first attempt. An item absent from `fractions` (or null) was not presented. */
export interface CandidateRecord {
  /** item id → score on the item as a fraction 0..1. */
  fractions: Readonly<Record<string, number | null | undefined>>;
  /** item id → option ids the candidate chose (choice items only). */
  choices?: Readonly<Record<string, readonly string[] | null | undefined>>;
}

export interface ItemAnalysisInput {
  items: readonly AnalysisItem[];
  candidates: readonly CandidateRecord[];
}

export interface OptionCount {
  optionId: string;
  isKey: boolean;
  /** Candidates presented the item who chose this option. */
  count: number;
}

export type ItemFlag = 'facility-low' | 'facility-high' | 'discrimination-low';

export interface ItemStatistics {
  itemId: string;
  /** Candidates the item was presented to. */
  n: number;
  /** Mean item score (proportion correct for right/wrong items); null when n = 0. */
  facility: number | null;
  /** Corrected item–total correlation: item score against the total of the other items. */
  pointBiserial: number | null;
  /** Upper–lower 27 % index, see {@link upperLowerIndex}. */
  upperLower: number | null;
  /** Per option, in the item's option order; null for items without options. */
  options: OptionCount[] | null;
  /** Candidates presented a choice item who chose none of its options; null for items without options. */
  omitted: number | null;
  flags: ItemFlag[];
}

export interface ExamStatistics {
  /** Candidates presented at least one analysed item. */
  candidates: number;
  items: number;
  /** Of total scores (sum of item fractions over the items presented). */
  mean: number | null;
  /** Sample standard deviation (n − 1) of total scores. */
  standardDeviation: number | null;
  /** Cronbach's alpha over the candidates presented every item. */
  alpha: number | null;
  /** Candidates alpha was computed from. */
  alphaCandidates: number;
}

export interface ItemAnalysis {
  exam: ExamStatistics;
  items: ItemStatistics[];
}

/**
 * Classical item analysis of first attempts (the caller filters). Scores are unweighted
 * item fractions; a candidate's total is their sum over the analysed items they were
 * presented. Every statistic that is undefined for the data (too few candidates, no
 * spread) is null, never NaN or Infinity.
 *
 * - facility p = mean item score.
 * - pointBiserial = Pearson r between item score and rest score (total − item) over the
 *   candidates presented the item: the corrected item–total correlation, so an item is
 *   not correlated with itself. For right/wrong items this is the point-biserial; for
 *   partial-credit items the same formula is the product-moment generalisation.
 * - upperLower = Kelley's D with 27 % groups ranked by total score, ties shared.
 * - exam mean and sample SD (n − 1) of totals.
 * - alpha = k/(k − 1) · (1 − Σ s²ᵢ / s²_X) with sample variances, computed over the
 *   candidates presented all k items (listwise deletion); null when k < 2, fewer than two
 *   such candidates, or s²_X = 0. It may be negative: that is information, not an error.
 * - flags: facility outside [0.3, 0.9]; pointBiserial below 0.2 (when defined).
 *
 * Throws RangeError for a fraction outside 0..1 (a caller bug, not a statistic).
 */
export function analyseItems(input: ItemAnalysisInput): ItemAnalysis {
  const scored = input.candidates.map((candidate) => {
    const scores = input.items.map((item) => presentedScore(candidate, item.id));
    const total = scores.reduce<number>((sum, s) => sum + (s ?? 0), 0);
    return { candidate, scores, total, presented: scores.some((s) => s !== null) };
  });
  const present = scored.filter((c) => c.presented);

  const items = input.items.map((item, index): ItemStatistics => {
    const takers = present.filter((c) => c.scores[index] !== null);
    const itemScores = takers.map((c) => c.scores[index]!);
    const facility = mean(itemScores);
    const pointBiserial = pearson(itemScores, takers.map((c, i) => c.total - itemScores[i]!));
    const upperLower = upperLowerIndex(takers.map((c, i) => ({ total: c.total, item: itemScores[i]! })));
    const counts = item.options ? countOptions(item, takers.map((c) => c.candidate)) : null;
    return {
      itemId: item.id,
      n: takers.length,
      facility,
      pointBiserial,
      upperLower,
      options: counts?.options ?? null,
      omitted: counts?.omitted ?? null,
      flags: flagsFor(facility, pointBiserial),
    };
  });

  const totals = present.map((c) => c.total);
  const complete = present.filter((c) => c.scores.every((s) => s !== null));
  return {
    exam: {
      candidates: present.length,
      items: input.items.length,
      mean: mean(totals),
      standardDeviation: sampleStandardDeviation(totals),
      alpha: cronbachAlpha(complete.map((c) => c.scores as number[])),
      alphaCandidates: complete.length,
    },
    items,
  };
}

/**
 * Cronbach's alpha of a complete score matrix (rows = candidates, columns = items):
 * k/(k − 1) · (1 − Σ s²ᵢ / s²_X), sample variances. Null when k < 2, fewer than two rows,
 * or the totals do not vary.
 */
export function cronbachAlpha(rows: readonly (readonly number[])[]): number | null {
  const k = rows[0]?.length ?? 0;
  if (k < 2 || rows.length < 2) return null;
  const totalVariance = sampleVariance(rows.map((row) => row.reduce((sum, s) => sum + s, 0)))!;
  if (totalVariance === 0) return null;
  let itemVariances = 0;
  for (let j = 0; j < k; j += 1) itemVariances += sampleVariance(rows.map((row) => row[j]!))!;
  return (k / (k - 1)) * (1 - itemVariances / totalVariance);
}

function presentedScore(candidate: CandidateRecord, itemId: string): number | null {
  if (!Object.hasOwn(candidate.fractions, itemId)) return null;
  const value = candidate.fractions[itemId];
  if (value === null || value === undefined) return null;
  if (!Number.isFinite(value) || value < 0 || value > 1) throw new RangeError(`item ${itemId}: score must be a fraction 0..1, got ${value}`);
  return value;
}

function countOptions(item: AnalysisItem, takers: readonly CandidateRecord[]): { options: OptionCount[]; omitted: number } {
  const key = new Set(item.correctOptions ?? []);
  const counts = new Map((item.options ?? []).map((id) => [id, 0]));
  let omitted = 0;
  for (const candidate of takers) {
    const chosen = candidate.choices && Object.hasOwn(candidate.choices, item.id) ? candidate.choices[item.id] : null;
    // A set, so a choice listed twice still counts one candidate once.
    const known = new Set((chosen ?? []).filter((id) => counts.has(id)));
    if (known.size === 0) omitted += 1;
    for (const id of known) counts.set(id, counts.get(id)! + 1);
  }
  return { options: [...counts].map(([optionId, count]) => ({ optionId, isKey: key.has(optionId), count })), omitted };
}

function flagsFor(facility: number | null, pointBiserial: number | null): ItemFlag[] {
  const flags: ItemFlag[] = [];
  if (facility !== null && facility < FACILITY_MIN) flags.push('facility-low');
  if (facility !== null && facility > FACILITY_MAX) flags.push('facility-high');
  if (pointBiserial !== null && pointBiserial < DISCRIMINATION_MIN) flags.push('discrimination-low');
  return flags;
}
