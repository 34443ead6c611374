import { type GlossaryEntry, matchTerms, type TermMatch } from '../../../documents/analysis/index.js';
import { type RuleContext, cite, tagsOf, tidySpacing, trueFalse } from '../build.js';
import { display, groupOf, groupSiblings, isAmbiguousSurface, isTooGeneral, overlaps, sharedWithSiblings } from '../kinds.js';
import type { Described, SectionMaterial } from '../material-types.js';
import { asSentence, capitalise, clauses, fold, isClaim, overlap, stripEnd } from '../text.js';
import type { Candidate } from '../types.js';
import { describedAlike, mentions, preferNearby } from './distractors.js';
import { afterTerm } from './cloze.js';
import { membershipItems } from './membership.js';
import { withoutNegation } from './negation.js';

/** Sentences whose claim belongs to one term only, so another term makes them false. */
const SPECIFIC = /只有|唯一|默认|最小|只支持|专为|不再|后继|前身|取代|而不是|\bonly\b|\bunique\b|\bdefault\b|smallest|designed (?:as|for)|successor|predecessor|instead of|no longer|\bnot from\b/iu;

/** Names, not roles: exchanging two organisations only garbles the sentence. */
const NOT_EXCHANGED = new Set(['organization', 'project', 'application', 'tool']);

interface Statement { text: string; source: string; subject: TermMatch | null; own: boolean; title: boolean }
interface Swap { text: string; from: GlossaryEntry; to: GlossaryEntry; exchange?: boolean }

/**
 * True/false items. A false statement swaps one term for a sibling of the same narrow
 * group (etcd → kube-scheduler), or exchanges two siblings named in different clauses
 * (ConfigMap ↔ Secret); statements only qualify when their claim is specific to the term
 * (a definition, a role, "only", "default"), so the swapped one is really false.
 */
export function trueFalseItems(m: SectionMaterial, ctx: RuleContext): Candidate[] {
  const { language } = ctx;
  const out: Candidate[] = [];
  const seen = new Set<string>();
  // One item per source sentence: a true and a false version side by side would answer each other.
  const ranked = statements(m, ctx).map((st) => ({ st, swaps: swapsOf(st, ctx) }))
    .sort((a, b) => Number(b.swaps.length > 0) - Number(a.swaps.length > 0) || Number(a.st.title) - Number(b.st.title));
  for (const { st, swaps } of ranked) {
    if (seen.has(st.source)) continue;
    seen.add(st.source);
    // Without a sibling to swap in, a negated claim made positive is the false version.
    const flipped = swaps.length === 0 && !st.title ? withoutNegation(st.text, language) : null;
    // Always the false version when there is one: true statements are plentiful, false ones rare.
    const makeFalse = swaps.length > 0 || flipped !== null;
    const swap = makeFalse && swaps.length > 0 ? swaps[ctx.rng.int(swaps.length)]! : null;
    const negated = makeFalse && !swap ? flipped : null;
    const text = swap ? swap.text : negated ?? st.text;
    const stem = language === 'zh' ? `判断正误：${text}` : `True or false? ${text}`;
    const verdict = swap
      ? language === 'zh'
        ? `该说法错误：应为${display(swap.from, language)}，而不是${display(swap.to, language)}。`
        : ` False: it is ${display(swap.from, language)}, not ${display(swap.to, language)}.`
      : negated
        ? language === 'zh' ? '该说法错误：原文的说法恰好相反。' : ' False: the course states the opposite.'
        : language === 'zh' ? '该说法正确。' : ' True.';
    const isTrue = !swap && !negated;
    out.push({
      rule: 'true-false-swap', sectionKey: ctx.sectionKey, sourceSentence: st.source, answer: `${isTrue}:${text}`,
      difficulty: isTrue ? 'easy' : 'medium', tags: tagsOf([st.subject?.entry, swap?.to]), ...trueFalse(stem, isTrue),
      explanation: language === 'zh' ? `${verdict}${cite(st.source, language)}` : `${cite(st.source, language)}${verdict}`,
      // Exchanging two named siblings is false for certain; a swapped-in sibling only nearly so.
      leaks: [], priority: (st.own ? 10 : 0) + (swaps.length > 0 || flipped ? 3 : 1) + (st.title ? 1 : 0) + (swap?.exchange ? 2 : 0),
    });
  }
  return [...out, ...membershipItems(m, ctx)];
}

function statements(m: SectionMaterial, ctx: RuleContext): Statement[] {
  const { language, doc } = ctx;
  const out: Statement[] = [];
  const own = (key: string) => key === ctx.sectionKey;
  for (const d of m.described) {
    if (!groupOf(d.entry) || isTooGeneral(d.entry.id)) continue;
    const text = describedStatement(d, language);
    if (!text) continue;
    const subject = matchTerms(text, doc.glossary).find((t) => t.entry.id === d.entry.id) ?? null;
    out.push({ text, source: d.sentence, subject, own: own(d.sectionKey), title: d.source === 'title' });
  }
  const ownSentences = new Set(doc.own.get(ctx.sectionKey)?.sentences ?? []);
  for (const sentence of m.sentences) {
    if (!isClaim(sentence, language)) continue;
    const grouped = matchTerms(sentence, doc.glossary).filter((t) => groupOf(t.entry) && !isTooGeneral(t.entry.id) && !isAmbiguousSurface(t.surface));
    if (grouped.length === 0) continue;
    const specific = SPECIFIC.test(sentence) || exchangePair(sentence, grouped, language) !== null;
    out.push({ text: asSentence(sentence, language), source: sentence, subject: specific ? grouped[0]! : null, own: ownSentences.has(sentence), title: false });
  }
  return out;
}

/** A described term as a plain statement ("节点控制器负责……", "The Node controller notices …"). */
function describedStatement(d: Described, language: 'zh' | 'en'): string | null {
  if (d.source === 'title') {
    return language === 'zh'
      ? `Kubernetes 的“${d.entry.zh}”特性是指：${asSentence(d.predicate, language)}`
      : `The Kubernetes feature "${d.entry.en}" means: ${asSentence(d.predicate, language)}`;
  }
  if (d.source !== 'label') return asSentence(d.sentence, language);
  const label = /^(.*?)\s*[：:]/u.exec(d.sentence)?.[1]?.trim();
  const rest = stripEnd(d.sentence.replace(/^.*?[：:]\s*/u, '').split(/[；;]/u)[0]!);
  if (!label || !rest) return null;
  if (language === 'zh') return asSentence(`${label}${d.form === 'verb' ? '' : d.copula}${rest}`, language);
  const article = /\b(?:mode|controllers?|selectors?|runtime|components?)$/i.test(label) ? 'The ' : '';
  const verbish = d.form === 'verb' || /^(?:a|an|the)\s/i.test(rest) === false && /^[a-z]+s\s/.test(rest);
  return asSentence(`${article}${article ? label : capitalise(label)} ${verbish ? rest : `${d.copula || 'is'} ${rest}`}`, language);
}

function swapsOf(st: Statement, ctx: RuleContext): Swap[] {
  const { language, doc } = ctx;
  const matches = matchTerms(st.text, doc.glossary).filter((t) => !isAmbiguousSurface(t.surface));
  const exchange = exchangePair(st.text, matches, language);
  if (exchange) {
    const [a, b] = exchange;
    let text = '';
    let at = 0;
    for (const t of matches) {
      if ((t.entry.id !== a.id && t.entry.id !== b.id) || ![t.entry.zh, t.entry.en].some((f) => fold(t.surface).startsWith(fold(f)))) continue;
      text += st.text.slice(at, t.start) + display(t.entry.id === a.id ? b : a, language);
      at = t.end;
    }
    text += st.text.slice(at);
    return [{ text: finish(text, language), from: a, to: b, exchange: true }];
  }
  const subject = st.subject;
  if (!subject || isTooGeneral(subject.entry.id) || sharedWithSiblings(subject.entry, st.text)) return [];
  const predicate = st.text.slice(subject.end);
  const out: Swap[] = [];
  for (const sibling of preferNearby(groupSiblings(subject.entry, doc.glossary), ctx)) {
    if (isTooGeneral(sibling.id) || !doc.mentioned.has(sibling.id) || mentions(st.text, sibling) || describedAlike(sibling, predicate, ctx)) continue;
    const text = finish(`${st.text.slice(0, subject.start)}${display(sibling, language)}${afterTerm(st.text, { end: subject.end, entry: subject.entry })}`, language, display(sibling, language));
    // Never produce a statement the course makes elsewhere about the sibling.
    if ((doc.sentencesMentioning.get(sibling.id) ?? []).some((s) => overlap(s, text) >= 0.85)) continue;
    out.push({ text, from: subject.entry, to: sibling });
  }
  return out;
}

/** Two members of one group named in different clauses (and no third): exchanging them falsifies the sentence. */
function exchangePair(sentence: string, matches: readonly TermMatch[], language: 'zh' | 'en'): [GlossaryEntry, GlossaryEntry] | null {
  const parts = clauses(sentence, language);
  const clauseOf = (t: TermMatch): number => {
    let at = 0;
    for (let i = 0; i < parts.length; i++) {
      at = sentence.indexOf(parts[i]!, at);
      if (t.start >= at && t.start < at + parts[i]!.length) return i;
    }
    return -1;
  };
  const byGroup = new Map<string, TermMatch[]>();
  for (const t of matches) {
    const g = groupOf(t.entry);
    if (!g || isTooGeneral(t.entry.id) || NOT_EXCHANGED.has(t.entry.kind)) continue;
    // Only the term's own name is exchanged: an alias ("一次性任务" for Job) is a description.
    if (![t.entry.zh, t.entry.en].some((f) => fold(f) === fold(t.surface.replace(/e?s$/, '')) || fold(f) === fold(t.surface))) continue;
    if (/[（(][^）)]*$/u.test(sentence.slice(0, t.start))) continue;
    byGroup.set(g, [...(byGroup.get(g) ?? []), t]);
  }
  for (const ts of byGroup.values()) {
    const ids = [...new Set(ts.map((t) => t.entry.id))];
    if (ids.length !== 2) continue;
    const a = ts.find((t) => t.entry.id === ids[0])!;
    const b = ts.find((t) => t.entry.id === ids[1])!;
    const sameClause = ts.some((x) => ts.some((y) => x.entry.id !== y.entry.id && clauseOf(x) === clauseOf(y)));
    // Only parallel subjects ("用 ConfigMap 保存…，用 Secret 保存…", "Job 用于…，CronJob 用于…"):
    // exchanging a subject with an object garbles the sentence instead of falsifying it.
    const leads = (t: TermMatch) => {
      const i = clauseOf(t);
      if (i < 0) return false;
      const clause = parts[i]!;
      const at = sentence.indexOf(clause);
      const before = sentence.slice(at, t.start).trim();
      return /^(?:而|the|a|an)?$/iu.test(before) || /(?:用|由|\bin|\bwith|\bby)$/iu.test(before);
    };
    if (!sameClause && leads(a) && leads(b) && !overlaps(a.entry.id, b.entry.id)) return [a.entry, b.entry];
  }
  return null;
}

function finish(text: string, language: 'zh' | 'en', swappedIn?: string): string {
  if (language === 'zh') return tidySpacing(text);
  if (!swappedIn) return capitalise(text);
  // "a Ingress" / "an Service" right before the term a swap put in; other articles stay.
  const at = new RegExp(`\\b([Aa])n? (?=${swappedIn.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')})`);
  return capitalise(text.replace(at, (_, a: string) => (/^[aeiou]/i.test(swappedIn) ? `${a}n ` : `${a} `)));
}
