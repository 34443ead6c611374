import { type RuleContext, cite, ordering } from '../build.js';
import type { SectionMaterial } from '../material-types.js';
import { stripEnd } from '../text.js';
import type { Candidate } from '../types.js';

/**
 * Ordering items for procedures (a numbered list announced as a flow or steps) and for
 * arrow paths. A long procedure also yields windows of four consecutive steps, which are
 * separate items with separate answers.
 */
export function orderingItems(m: SectionMaterial, ctx: RuleContext): Candidate[] {
  const { language } = ctx;
  const out: Candidate[] = [];
  for (const list of m.statementLists) {
    if (!list.procedure || !list.numbered || list.items.length < 3) continue;
    const source = `${list.intro}\n${list.items.map((i, n) => `${n + 1}. ${i}`).join('\n')}`;
    const intro = stripEnd(list.intro);
    const windows: string[][] = [list.items];
    if (list.items.length >= 5) for (let s = 0; s + 4 <= list.items.length; s++) windows.push(list.items.slice(s, s + 4));
    windows.forEach((steps, w) => {
      const stem = language === 'zh'
        ? `${intro.replace(/(?:如下|如下所示)$/u, '')}是怎样的？请按先后顺序排列下列${w === 0 ? '' : '部分'}步骤。`
        : `${intro.replace(/\s*(?:as follows)$/i, '')}. Put ${w === 0 ? 'these steps' : 'these consecutive steps'} in the right order.`;
      out.push({
        rule: 'ordering-procedure', sectionKey: ctx.sectionKey, sourceSentence: source, answer: steps.join('|'),
        difficulty: steps.length >= 5 ? 'hard' : 'medium', tags: [], ...ordering(stem, steps.map((s) => stripEnd(s)), ctx.rng),
        explanation: cite(source, language), leaks: [],
        priority: (list.sectionKey === ctx.sectionKey ? 10 : 0) + (w === 0 ? 3 : 2),
      });
    });
  }
  for (const chain of m.chains) {
    const subject = chain.subject.replace(/^(?:the|a)\s+/i, '');
    const stem = language === 'zh' ? `${subject}依次经过哪些环节？请按顺序排列。` : `Put the hops of the ${subject} in order.`;
    out.push({
      rule: 'ordering-procedure', sectionKey: ctx.sectionKey, sourceSentence: chain.sentence, answer: chain.hops.join('|'),
      difficulty: 'easy', tags: [], ...ordering(stem, chain.hops, ctx.rng), explanation: cite(chain.sentence, language), leaks: [],
      priority: (chain.sectionKey === ctx.sectionKey ? 10 : 0) + 2,
    });
  }
  return out;
}
