import type { Language } from '../model/question-types.js';
import type { Described } from './material-types.js';
import { capitalise, stripEnd } from './text.js';

/** Chinese measure word for "哪_": 种 for sorts of things, 项 for features, 个 otherwise. */
function measure(noun: string): string {
  if (/特性/u.test(noun)) return '项';
  if (/模式|策略|类型|选择器|存储|应用|Pod 控制器|接口|元数据|节点/u.test(noun)) return '种';
  return '个';
}

/** "下列哪个组件负责……？" / "Which component is responsible for …?" */
export function whichStem(noun: string, d: Pick<Described, 'predicate' | 'form' | 'copula'>, language: Language): string {
  const p = stripEnd(d.predicate);
  if (language === 'zh') {
    if (d.form === 'sentence') return `以下描述对应 Kubernetes 的哪一项${noun}？“${p}。”`;
    const subject = noun === '特性' ? `下列哪项 Kubernetes 特性` : `下列哪${measure(noun)}${noun}`;
    return d.form === 'verb' ? `${subject}${p}？` : `${subject}${d.copula || '是'}${p}？`;
  }
  if (d.form === 'sentence') return `Which Kubernetes ${noun} does this describe? "${capitalise(p)}."`;
  const subject = noun === 'feature' ? 'Which Kubernetes feature' : `Which ${noun}`;
  if (d.form === 'verb') return `${subject} ${p}?`;
  const copula = d.copula === 'are' || !d.copula ? 'is' : d.copula;
  return `${subject} ${copula} ${p}?`;
}

/** A description as an option: a predicate that can follow the term. */
export function predicateOption(d: Pick<Described, 'predicate' | 'form' | 'copula'>, text: string, language: Language): string {
  if (d.form !== 'noun' || d.copula === '是指' || d.copula === 'means') return text;
  return language === 'zh' ? `${d.copula}${text}` : `${d.copula === 'are' ? 'is' : d.copula} ${text}`;
}

export function indefinite(noun: string): string {
  return /^[aeiou]/i.test(noun) ? `an ${noun}` : `a ${noun}`;
}
