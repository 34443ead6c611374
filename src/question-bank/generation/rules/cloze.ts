import { type Glossary, type GlossaryEntry, matchTerms, type TermMatch } from '../../../documents/analysis/index.js';
import { type RuleContext, cite, cloze, singleChoice, tagsOf, withoutClausesNaming } from '../build.js';
import { commonNoun, display, distractorsNeeded, formsOf, groupOf, groupSiblings, isAmbiguousSurface, isTooGeneral, revealingForms, sharedWithSiblings } from '../kinds.js';
import type { SectionMaterial } from '../material-types.js';
import { asSentence, capitalise, containsForm, isClaim, stripEnd, textLength } from '../text.js';
import type { Candidate } from '../types.js';
import { siblingDistractors } from './distractors.js';

const OPEN_LIST = /等|例如|比如|如\s|such as|\blike\b|for example|e\.g\.|and other/iu;
/** Technical words the glossary lacks but a reader can recall: Base64, localhost, DNS. */
const TECHNICAL = /^(?:[A-Z]{2,5}|[A-Za-z]+\d+[A-Za-z0-9]*|[a-z]+[A-Z][A-Za-z]*|localhost|metadata)$/;
const NOT_RECALLABLE = new Set(['IP', 'API', 'CPU', 'UI', 'URL', 'HTTP', 'HTTPS', 'Go', 'K', 'Web', 'TLS', 'env', 'app']);

interface Blank { start: number; end: number; surface: string; entry: GlossaryEntry | null }

/**
 * Cloze items on the key terms of informative sentences: one blank per item, on a
 * glossary term (or a recallable technical word), never on a function word, a number or
 * a member of an open-ended list ("A、B 等"), whose answer would not be unique.
 */
export function clozeItems(m: SectionMaterial, ctx: RuleContext): Candidate[] {
  const { language, doc } = ctx;
  const out: Candidate[] = [];
  const ownSentences = new Set((doc.own.get(ctx.sectionKey)?.sentences ?? []).map((s) => asSentence(s, language)));
  m.sentences.map((s) => asSentence(s, language)).forEach((sentence, index) => {
    if (!isClaim(sentence, language)) return;
    const blanks = blanksOf(sentence, doc.glossary, m.titleEntry);
    ctx.rng.shuffle(blanks).forEach((b, rank) => {
      // "Scaling the ____ does not start a rollout": every Pod controller fits such a blank.
      if (b.entry && sharedWithSiblings(b.entry, sentence)) return;
      const stem = `${sentence.slice(0, b.start)}{{1}}${afterTerm(sentence, b)}`;
      const accepted = b.entry ? [...new Set([b.surface, ...formsOf(b.entry)])] : [b.surface];
      const own = ownSentences.has(sentence) ? 10 : 0;
      const priority = own + (b.entry ? 3 : 1) - rank - index * 0.01 + (b.entry && m.titleEntry?.id === b.entry.id ? -1 : 0);
      const base = {
        rule: 'cloze-key-term' as const, sectionKey: ctx.sectionKey, sourceSentence: sentence,
        tags: tagsOf([b.entry]), leaks: [{ text: stem, forms: accepted }],
      };
      out.push({
        ...base, answer: `cloze:${b.surface}`, difficulty: 'hard', ...cloze(stem, accepted),
        explanation: `${cite(sentence, language)}${language === 'zh' ? `空白处应填“${b.surface}”。` : ` The blank is "${b.surface}".`}`,
        priority,
      });
      // The same blank as a choice among siblings, for sections short of selected-response items.
      if (b.entry && groupOf(b.entry) && groupSiblings(b.entry, doc.glossary).length > 0 && !sharedWithSiblings(b.entry, sentence)) {
        const needed = distractorsNeeded(b.entry, doc.glossary);
        const wrong = siblingDistractors(b.entry, sentence, sentence, needed, ctx);
        const gap = language === 'zh' ? '____' : '_____';
        const text = stem.replace('{{1}}', gap);
        const choiceStem = language === 'zh' ? `下列哪一项最适合填入空白处？${text}` : `Which ${commonNoun([b.entry, ...wrong], language)} completes the sentence? ${text}`;
        const answer = display(b.entry, language);
        out.push({
          ...base, answer: `choice:${answer}`, difficulty: 'medium', ...singleChoice(choiceStem, answer, wrong.map((e) => display(e, language)), ctx.rng),
          explanation: `${cite(sentence, language)}${language === 'zh' ? `答案是${answer}。` : ` The answer is ${answer}.`}`,
          leaks: [{ text: choiceStem, forms: accepted }], distractors: { found: wrong.length, needed }, priority: priority - 2.5,
        });
      }
    });
  });
  out.push(...featureNameClozes(m, ctx));
  return out.filter((c) => textLength(c.content.stem, language) > 0);
}

/**
 * "Kubernetes 为一组相同的容器提供统一的访问入口……这一特性称为{{1}}。": recalling the name of
 * the feature a section describes without naming it.
 */
function featureNameClozes(m: SectionMaterial, ctx: RuleContext): Candidate[] {
  const { language } = ctx;
  return m.described.filter((d) => d.source === 'title').map((d) => {
    const forms = revealingForms(d.entry);
    const description = stripEnd(withoutClausesNaming(d.predicate, forms, language));
    const stem = language === 'zh' ? `${description}。这一特性称为{{1}}。` : `${capitalise(description)}. This feature of Kubernetes is called {{1}}.`;
    const accepted = formsOf(d.entry);
    return {
      rule: 'cloze-key-term' as const, sectionKey: ctx.sectionKey, sourceSentence: d.sentence, answer: `cloze:${display(d.entry, language)}`,
      difficulty: 'medium' as const, tags: tagsOf([d.entry]), ...cloze(stem, accepted),
      explanation: `${cite(d.sentence, language)}${language === 'zh' ? `这一特性是“${d.entry.zh}”。` : ` This is ${d.entry.en}.`}`,
      leaks: [{ text: stem, forms }], priority: (d.sectionKey === ctx.sectionKey ? 10 : 0) + 2.5,
    };
  });
}

function blanksOf(sentence: string, glossary: Glossary, titleEntry: GlossaryEntry | null): Blank[] {
  const matches = matchTerms(sentence, glossary);
  const out: Blank[] = [];
  const openListSpan = openList(sentence);
  const taken = (s: number, e: number) => matches.some((m) => m.start < e && s < m.end);
  for (const m of matches) {
    if (isTooGeneral(m.entry.id) || isAmbiguousSurface(m.surface)) continue;
    if (insideParentheses(sentence, m) || (openListSpan && m.start >= openListSpan[0] && m.end <= openListSpan[1])) continue;
    // A term named twice gives itself away.
    const rest = sentence.slice(0, m.start) + afterTerm(sentence, { end: m.end, entry: m.entry });
    if (formsOf(m.entry).some((f) => containsForm(rest, f))) continue;
    if (titleEntry?.id === m.entry.id && m.start > 0 && sentence.length < 20) continue;
    out.push({ start: m.start, end: m.end, surface: m.surface, entry: m.entry });
  }
  for (const w of sentence.matchAll(/[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*/g)) {
    const word = w[0];
    if (!TECHNICAL.test(word) || NOT_RECALLABLE.has(word) || taken(w.index, w.index + word.length)) continue;
    if (openListSpan && w.index >= openListSpan[0] && w.index <= openListSpan[1]) continue;
    if (sentence.split(word).length > 2 || insideParentheses(sentence, { start: w.index, end: w.index + word.length })) continue;
    out.push({ start: w.index, end: w.index + word.length, surface: word, entry: null });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** The span of an open-ended enumeration ("资源调度、服务发现和动态伸缩等"), if the sentence has one. */
function openList(sentence: string): [number, number] | null {
  const marker = OPEN_LIST.exec(sentence);
  if (!marker) return null;
  // Generous bounds: the clause around the marker.
  const before = Math.max(sentence.lastIndexOf('，', marker.index), sentence.lastIndexOf(',', marker.index), sentence.lastIndexOf('：', marker.index), 0);
  const afterCandidates = ['。', '；', ';'].map((c) => sentence.indexOf(c, marker.index)).filter((i) => i >= 0);
  const after = afterCandidates.length > 0 ? Math.min(...afterCandidates) : sentence.length;
  return [before, after];
}

function insideParentheses(sentence: string, m: Pick<TermMatch, 'start' | 'end'>): boolean {
  const open = Math.max(sentence.lastIndexOf('（', m.start), sentence.lastIndexOf('(', m.start));
  const close = Math.max(sentence.lastIndexOf('）', m.start), sentence.lastIndexOf(')', m.start));
  return open > close && open >= 0;
}

/** The text after a term, without a parenthetical that only repeats it ("云原生计算基金会（CNCF）"). */
export function afterTerm(sentence: string, b: { end: number; entry: GlossaryEntry | null }): string {
  const tail = sentence.slice(b.end);
  const paren = /^\s*[（(]([^）)]*)[）)]/u.exec(tail);
  if (paren && b.entry && formsOf(b.entry).some((f) => containsForm(paren[1]!, f))) return tail.slice(paren[0].length);
  return tail;
}
