import type { Language } from '../model/question-types.js';
import type { GlossaryEntry } from '../../documents/analysis/index.js';
import { rejectionReason } from './quality-filter.js';
import { MIN_QUALITY, scoreCandidate } from './quality-score.js';
import { toQuestion } from './to-question.js';
import { type Candidate, GENERATION_RULES, type GeneratedQuestion, type ItemQuality, type RejectionReason } from './types.js';

/** Items built on one source sentence (or one list) across the whole bank: more only repeat it. */
export const MAX_ITEMS_PER_SOURCE = 2;

export interface SelectionContext {
  language: Language;
  maxPerRule: number;
  /** Rejection counts by reason, shared across the bank. */
  rejected: Map<RejectionReason, number>;
  /** Items accepted so far per source, shared across the bank. */
  usedBySource: Map<string, number>;
  /** The glossary entry the section title names, for the quality score. */
  topic: GlossaryEntry | null;
}

/** The key under which a source is counted: spacing differs between a sentence and its list form. */
export function sourceKey(source: string): string {
  return source.replace(/\s+/g, '');
}

/**
 * Picks a section's items from its candidates, best first within each rule, under the
 * per-rule caps and the bank-wide cap per source; `taken` holds the keys its subsections
 * already used.
 */
export function selectItems(candidates: Candidate[], taken: Set<string>, ctx: SelectionContext): { items: GeneratedQuestion[]; own: Set<string> } {
  const { language, maxPerRule, rejected, usedBySource } = ctx;
  const own = new Set<string>();
  const items: GeneratedQuestion[] = [];
  // Deferred candidates are judged again each round; their own quality does not change.
  const quality = new Map<Candidate, RejectionReason | null>();
  const judged = (c: Candidate) => {
    if (!quality.has(c)) quality.set(c, rejectionReason(c, language));
    return quality.get(c)!;
  };
  const sourceFull = (c: Candidate) => (usedBySource.get(sourceKey(c.sourceSentence)) ?? 0) >= MAX_ITEMS_PER_SOURCE;
  const scores = new Map<string, ItemQuality>();
  const score = (c: Candidate): ItemQuality => {
    const uses = usedBySource.get(sourceKey(c.sourceSentence)) ?? 0;
    const memo = `${c.rule}|${c.sourceSentence}|${c.answer}|${c.content.type}|${uses}`;
    if (!scores.has(memo)) scores.set(memo, scoreCandidate(c, { language, topic: ctx.topic, sourceUses: uses }));
    return scores.get(memo)!;
  };
  const accept = (c: Candidate, key: string) => {
    const quality = score(c);
    own.add(key);
    usedBySource.set(sourceKey(c.sourceSentence), (usedBySource.get(sourceKey(c.sourceSentence)) ?? 0) + 1);
    items.push(toQuestion(c, language, quality));
  };
  // Rules take turns, one item each, so that the cap per source spreads a sentence over
  // different question types instead of letting the first rule use it up; and in a first
  // round only sentences no item asks about yet are taken, so the bank covers more of them.
  const cursors = GENERATION_RULES.map((rule) => ruleCursor(rule, candidates.filter((c) => c.rule === rule), maxPerRule));
  for (const freshOnly of [true, false]) {
    for (let progress = true; progress;) {
      progress = false;
      // A second blank in a sentence is worth less than any other kind of item on it.
      for (const cursor of freshOnly ? cursors : [...cursors.filter((x) => x.rule !== 'cloze-key-term'), ...cursors.filter((x) => x.rule === 'cloze-key-term')]) {
        const c = cursor.next((candidate, key, secondPass) => {
          const early = taken.has(key) || own.has(key) ? 'duplicate-item' : sourceFull(candidate) ? 'source-reused' : judged(candidate);
          // The score depends on how often the source is used, so it is taken only when the item could go in now.
          const later = early === null && freshOnly && usedBySource.has(sourceKey(candidate.sourceSentence));
          const reason = early ?? (later ? null : score(candidate).score < MIN_QUALITY ? 'low-quality' : null);
          if (reason) {
            if (!secondPass) rejected.set(reason, (rejected.get(reason) ?? 0) + 1);
            return 'reject';
          }
          return later ? 'later' : 'accept';
        }, (key) => own.has(key));
        if (c) {
          accept(c.candidate, c.key);
          progress = true;
        }
      }
    }
  }
  // A section short of three question types takes the best acceptable item of a missing
  // type even past its rule's cap: variety matters more than the cap for short sections.
  const types = new Set(items.map((i) => i.content.type));
  for (const c of [...candidates].sort((a, b) => b.priority - a.priority)) {
    if (types.size >= 3) break;
    const key = `${c.rule}|${c.sourceSentence}|${c.answer}`;
    if (types.has(c.content.type) || own.has(key) || taken.has(key) || sourceFull(c) || judged(c) || score(c).score < MIN_QUALITY) continue;
    types.add(c.content.type);
    accept(c, key);
  }
  return { items, own };
}

type Verdict = 'accept' | 'reject' | 'later';

interface RuleCursor {
  rule: string;
  /** The next candidate `judge` accepts, or null when none is left for now. */
  next(judge: (c: Candidate, key: string, secondPass: boolean) => Verdict, isOwn: (key: string) => boolean): { candidate: Candidate; key: string } | null;
}

/** Walks one rule's candidates best first, under the rule's own caps; deferred ones stay queued. */
function ruleCursor(rule: string, candidates: Candidate[], maxPerRule: number): RuleCursor {
  const sorted = [...candidates].sort((a, b) => b.priority - a.priority);
  const ordered = rule === 'cloze-key-term'
    ? interleave(sorted, (c) => c.content.type === 'cloze')
    : rule === 'true-false-swap' ? interleave(sorted, (c) => c.answerKey.type === 'true-false' && !c.answerKey.correct) : sorted;
  // A blank is asked once, as free text or as a choice: both forms of one blank are one item twice.
  const queue = ordered.map((c) => ({ c, secondPass: false }));
  let count = 0;
  let choiceClozes = 0;
  const perSource = new Map<string, number>();
  const blanks = new Set<string>();
  return {
    rule,
    next(judge, isOwn) {
      for (let i = 0; i < queue.length && count < maxPerRule;) {
        const { c, secondPass } = queue[i]!;
        const key = `${c.rule}|${c.sourceSentence}|${c.answer}`;
        // At most half the cloze slots go to the multiple-choice form of a blank; two blanks
        // per sentence at most, so one long list sentence does not fill every slot; a blank
        // is asked once, as free text or as a choice.
        const skip = (rule === 'cloze-key-term' && c.content.type === 'single-choice' && choiceClozes >= Math.ceil(maxPerRule / 2)) ||
          (rule === 'cloze-key-term' && ((perSource.get(c.sourceSentence) ?? 0) >= 2 || (blanks.has(blankOf(c)) && !secondPass))) ||
          (secondPass && isOwn(key));
        if (skip) {
          queue.splice(i, 1);
          continue;
        }
        const verdict = judge(c, key, secondPass);
        if (verdict === 'later') {
          i++;
          continue;
        }
        queue.splice(i, 1);
        if (verdict === 'reject') continue;
        count++;
        if (rule === 'cloze-key-term' && c.content.type === 'single-choice') choiceClozes++;
        perSource.set(c.sourceSentence, (perSource.get(c.sourceSentence) ?? 0) + 1);
        blanks.add(blankOf(c));
        return { candidate: c, key };
      }
      return null;
    },
  };
}

/**
 * Two kinds of candidate take turns, best first within each: free-text and multiple-choice
 * clozes (a section gets both forms), false and true statements (keys do not lean one way).
 */
function interleave(sorted: Candidate[], first: (c: Candidate) => boolean): Candidate[] {
  const a = sorted.filter(first);
  const b = sorted.filter((c) => !first(c));
  const out: Candidate[] = [];
  while (a.length > 0 || b.length > 0) {
    if (a.length > 0) out.push(a.shift()!);
    if (b.length > 0) out.push(b.shift()!);
  }
  return out;
}

function blankOf(c: Candidate): string {
  return `${c.sourceSentence}|${c.answer.replace(/^(?:cloze|choice):/, '')}`;
}
