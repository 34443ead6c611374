import { type RuleContext, cite, tagsOf, trueFalse } from '../build.js';
import { contrastKinds, display, groupOf, isTooGeneral, namesCategory, nounFor } from '../kinds.js';
import type { SectionMaterial } from '../material-types.js';
import { indefinite } from '../stems.js';
import { overlap } from '../text.js';
import type { Candidate } from '../types.js';
import { mentions } from './distractors.js';
import { contrastList } from './enumeration.js';
import { listCategory } from './list-category.js';

/**
 * True/false on list membership: "kube-proxy 属于 Node 组件。" is true, "etcd 属于 Node
 * 组件。" is false — the false one swaps a member for a sibling of the contrast kind (or an
 * item of the contrasting list), never for another member.
 */
export function membershipItems(m: SectionMaterial, ctx: RuleContext): Candidate[] {
  const { language, doc } = ctx;
  const out: Candidate[] = [];
  for (const list of m.termLists) {
    const kind = list.entries[0]!.kind;
    if (contrastKinds(kind).length === 0 || list.entries.some((e) => e.kind !== kind) || !namesCategory(list.sentence, kind)) continue;
    const noun = nounFor(groupOf(list.entries[0]!)!, language);
    const outsiders = doc.glossary.entries.filter((e) => contrastKinds(kind).includes(e.kind) && !isTooGeneral(e.id) && !mentions(list.sentence, e));
    const picks = [...ctx.rng.pick(list.entries, 2).map((e) => [e, true] as const), ...ctx.rng.pick(outsiders, 2).map((e) => [e, false] as const)];
    for (const [entry, member] of picks) {
      const text = language === 'zh' ? `${display(entry, language)}属于${noun}。` : `${display(entry, language)} is ${indefinite(noun)}.`;
      out.push(candidate(text, member, list.sentence, list.sectionKey, tagsOf([entry]), ctx));
    }
  }
  for (const list of m.statementLists) {
    if (list.procedure) continue;
    const category = listCategory(list, language);
    const contrast = contrastList(list, ctx);
    if (!category || !contrast) continue;
    const others = contrast.items.filter((o) => list.items.every((i) => overlap(i, o) < 0.6));
    const source = `${list.intro}\n${list.items.map((i) => `- ${i}`).join('\n')}`;
    const picks = [...ctx.rng.pick(list.items, 2).map((i) => [i, true] as const), ...ctx.rng.pick(others, 2).map((i) => [i, false] as const)];
    for (const [item, member] of picks) {
      const text = language === 'zh'
        ? `${category.prefix}“${item}”是${category.zh}之一。`
        : `${category.prefix ? `${category.prefix} ` : ''}"${item}" is one of the ${category.en}.`;
      out.push(candidate(text.charAt(0).toUpperCase() + text.slice(1), member, source, list.sectionKey, [], ctx));
    }
  }
  return out;
}

function candidate(text: string, value: boolean, source: string, from: string, tags: string[], ctx: RuleContext): Candidate {
  const { language } = ctx;
  return {
    rule: 'true-false-swap', sectionKey: ctx.sectionKey, sourceSentence: source, answer: `${value}:${text}`,
    difficulty: 'easy', tags, ...trueFalse(language === 'zh' ? `判断正误：${text}` : `True or false? ${text}`, value),
    explanation: language === 'zh' ? `该说法${value ? '正确' : '错误'}。${cite(source, language)}` : `${cite(source, language)} ${value ? 'True' : 'False'}.`,
    leaks: [], priority: (from === ctx.sectionKey ? 10 : 0) + 1.5,
  };
}
