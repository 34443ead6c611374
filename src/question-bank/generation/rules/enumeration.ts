import { type RuleContext, cite, multipleResponse, singleChoice, tagsOf } from '../build.js';
import { contrastKinds, display, groupOf, isTooGeneral, namesCategory, nounFor, revealingForms } from '../kinds.js';
import type { SectionMaterial, StatementList, TermList } from '../material-types.js';
import { indefinite } from '../stems.js';
import { overlap } from '../text.js';
import type { Candidate } from '../types.js';
import { listCategory, type ListCategory } from './list-category.js';
import { mentions } from './distractors.js';

/**
 * "下列哪些属于 Node 组件？" and "下列哪一项不属于 Node 组件？": members of a listed group
 * against members of its contrast kind, which are never members themselves.
 */
export function enumerationItems(m: SectionMaterial, ctx: RuleContext): Candidate[] {
  return [
    ...m.termLists.flatMap((list) => termListItems(list, ctx)),
    ...m.statementLists.flatMap((list) => statementListItems(list, m, ctx)),
  ];
}

function termListItems(list: TermList, ctx: RuleContext): Candidate[] {
  const { language, doc } = ctx;
  const kind = list.entries[0]!.kind;
  const contrast = doc.glossary.entries.filter((e) => contrastKinds(kind).includes(e.kind) && !isTooGeneral(e.id) && !mentions(list.sentence, e));
  // Only a list that names its category ("Node 组件……包括") says its members are all there is to pick.
  if (contrastKinds(kind).length === 0 || list.entries.some((e) => e.kind !== kind) || !namesCategory(list.sentence, kind)) return [];
  const group = groupOf(list.entries[0]!)!;
  const members = list.entries.map((e) => display(e, language));
  const source = list.sentence;
  const own = list.sectionKey === ctx.sectionKey ? 10 : 0;
  const out: Candidate[] = [];

  // Two variants of each form with different answers: a chapter can use the one its section did not.
  for (let variant = 0; variant < 2; variant++) {
  const correct = ctx.rng.pick(list.entries, Math.min(4, list.entries.length));
  const wrong = ctx.rng.pick(contrast, Math.min(6 - correct.length, 3));
  const mrStem = language === 'zh' ? `下列哪些属于${nounFor(group, language)}？（多选）` : `Which of the following are ${nounFor(group, language, true)}? (Choose all that apply.)`;
  const mr = multipleResponse(mrStem, correct.map((e) => display(e, language)), wrong.map((e) => display(e, language)), ctx.rng);
  out.push({
    rule: 'enumeration-multiple-response', sectionKey: ctx.sectionKey, sourceSentence: source,
    answer: correct.map((e) => display(e, language)).sort().join('|'), difficulty: correct.length >= 4 ? 'hard' : 'medium',
    tags: tagsOf([...correct, ...wrong]), ...mr,
    explanation: `${cite(source, language)}${language === 'zh' ? `${nounFor(group, language)}有：${members.join('、')}。` : ` The ${nounFor(group, language, true)} are ${members.join(', ')}.`}`,
    leaks: [], distractors: { found: wrong.length, needed: 2 }, priority: own + 5 - variant,
  });

  const outsider = ctx.rng.pick(contrast, 1);
  const inside = ctx.rng.pick(list.entries, 3);
  if (outsider.length === 1) {
    const o = outsider[0]!;
    const notStem = language === 'zh' ? `下列哪一项不属于${nounFor(group, language)}？` : `Which of the following is not ${indefinite(nounFor(group, language))}?`;
    const sc = singleChoice(notStem, display(o, language), inside.map((e) => display(e, language)), ctx.rng);
    out.push({
      rule: 'enumeration-not', sectionKey: ctx.sectionKey, sourceSentence: source, answer: display(o, language), difficulty: 'easy',
      tags: tagsOf([o, ...inside]), ...sc,
      explanation: `${cite(source, language)}${language === 'zh' ? `${display(o, language)}是${nounFor(groupOf(o)!, language)}。` : ` ${display(o, language)} is ${indefinite(nounFor(groupOf(o)!, language))}.`}`,
      leaks: [{ text: notStem, forms: revealingForms(o) }], distractors: { found: inside.length, needed: 3 }, priority: own + 4 - variant,
    });
  }
  }
  return out;
}

/**
 * Statement lists are contrasted with another statement list of the same chapter
 * (pain points against functions, stateless traits against stateful ones): items of the
 * other list are never items of this one.
 */
function statementListItems(list: StatementList, m: SectionMaterial, ctx: RuleContext): Candidate[] {
  const { language } = ctx;
  if (list.procedure) return [];
  const category = listCategory(list, language);
  const contrast = contrastList(list, ctx);
  if (!category || !contrast) return [];
  const others = contrast.items.filter((o) => list.items.every((i) => overlap(i, o) < 0.6));
  const source = `${list.intro}\n${list.items.map((i) => `- ${i}`).join('\n')}`;
  const own = list.sectionKey === ctx.sectionKey ? 10 : 0;
  const out: Candidate[] = [];

  for (let variant = 0; variant < 2; variant++) {
  const correct = ctx.rng.pick(list.items, Math.min(3, list.items.length));
  const wrong = ctx.rng.pick(others, 2);
  const mr = multipleResponse(mrStem(category, language), correct, wrong, ctx.rng);
  out.push({
    rule: 'enumeration-multiple-response', sectionKey: ctx.sectionKey, sourceSentence: source, answer: [...correct].sort().join('|'),
    difficulty: 'medium', tags: [], ...mr, explanation: cite(source, language), leaks: [],
    distractors: { found: wrong.length, needed: 2 }, priority: own + 5 - variant,
  });

  const outsider = ctx.rng.pick(others, 1)[0];
  if (outsider) {
    const inside = ctx.rng.pick(list.items, 3);
    const sc = singleChoice(notStem(category, language), outsider, inside, ctx.rng);
    out.push({
      rule: 'enumeration-not', sectionKey: ctx.sectionKey, sourceSentence: source, answer: outsider, difficulty: 'medium',
      tags: [], ...sc, explanation: `${cite(source, language)}${outsiderNote(outsider, listCategory(contrast, language), language)}`,
      leaks: [], distractors: { found: inside.length, needed: 3 }, priority: own + 4 - variant,
    });
  }
  }
  return out;
}

/** Where the odd one out really belongs ("……属于 Kubernetes 的主要功能"). */
function outsiderNote(outsider: string, home: ListCategory | null, language: 'zh' | 'en'): string {
  if (language === 'zh') return home ? `“${outsider}”属于${home.zh}。` : `“${outsider}”不在这个列表中。`;
  return home ? ` "${outsider}" is one of the ${home.en}.` : ` "${outsider}" is not in this list.`;
}

function mrStem(c: ListCategory, language: 'zh' | 'en'): string {
  return language === 'zh'
    ? `${c.prefix}下列哪些是${c.zh}？（多选）`
    : `${c.prefix ? `${c.prefix} which` : 'Which'} of the following are ${c.en}? (Choose all that apply.)`;
}

function notStem(c: ListCategory, language: 'zh' | 'en'): string {
  return language === 'zh'
    ? `${c.prefix}下列哪一项不是${c.zh}？`
    : `${c.prefix ? `${c.prefix} which` : 'Which'} of the following is not one of the ${c.en}?`;
}

/** The nearest other statement list of the same chapter that is not a procedure. */
export function contrastList(list: StatementList, ctx: RuleContext): StatementList | null {
  const chapter = list.sectionKey.split('.')[0];
  const candidates: StatementList[] = [];
  for (const [key, material] of ctx.doc.own) {
    if (key.split('.')[0] !== chapter) continue;
    for (const other of material.statementLists) {
      if (other === list || other.procedure || other.intro === list.intro) continue;
      candidates.push(other);
    }
  }
  // Lists announced alike ("无状态服务的特点有" / "有状态服务的特点有") are the best contrast.
  return candidates.sort((a, b) => overlap(b.intro, list.intro) - overlap(a.intro, list.intro))[0] ?? null;
}

