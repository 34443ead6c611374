import type { Language } from '../../model/question-types.js';
import type { StatementList } from '../material-types.js';
import { stripEnd } from '../text.js';

/** What a statement list enumerates, ready for "which are …" stems. */
export interface ListCategory {
  /** A leading phrase kept from the intro ("与 iptables 相比，", "Compared with iptables,"). */
  prefix: string;
  /** "只在单机上运行容器的痛点" */
  zh: string;
  /** "pain points of running containers on single hosts" */
  en: string;
}

/**
 * Reads the category from an intro such as "只在单机上运行容器有以下痛点：",
 * "它的主要功能有：", "Stateless services have these traits:", "Its main functions are:".
 * "它" / "Its" are resolved to the subject of the sentence before.
 */
export function listCategory(list: StatementList, language: Language): ListCategory | null {
  const intro = stripEnd(list.intro);
  // A list right under a heading, or after a sentence that does not introduce it, names no category.
  if (intro.length === 0) return null;
  const subject = leadingSubject(list.context, language);
  if (language === 'zh') {
    const lead = /^(.*?[，,])?(.+)$/u.exec(intro);
    if (!lead) return null;
    const prefix = lead[1] ?? '';
    const m = /^(.+?)(?:有|包括|包含)(?:以下|如下|这些|下列)?(.*)$/u.exec(lead[2]!);
    if (!m) return null;
    let head = m[1]!.trim();
    const tail = m[2]!.trim();
    if (/^(?:它|其)/u.test(head)) {
      if (!subject) return null;
      head = head.replace(/^(?:它|其)的?/u, `${subject} 的`);
    }
    const zh = tail ? `${head}的${tail}` : head;
    return zh.length >= 3 ? { prefix, zh, en: '' } : null;
  }
  const lead = /^((?:compared with|compared to|unlike|like)\s[^,]+,\s*)?(.+)$/i.exec(intro);
  if (!lead) return null;
  const prefix = lead[1]?.trim() ?? '';
  const body = lead[2]!;
  let m = /^(its|their)\s+(.+?)\s+(?:are|include)$/i.exec(body);
  if (m) return subject ? { prefix, zh: '', en: `${m[2]} of ${subject}` } : null;
  m = /^(.+?)\s+(?:has|have)\s+(?:these|the following)\s+(.+)$/i.exec(body);
  if (m) return { prefix, zh: '', en: `${m[2]} of ${lowerFirst(m[1]!)}` };
  m = /^(?:the\s+)?(.+?)\s+(?:are|include)$/i.exec(body);
  if (m) return { prefix, zh: '', en: `the ${m[1]}` };
  return null;
}

/** The first glossary-like subject of a sentence: "Kubernetes 在……" → "Kubernetes". */
function leadingSubject(sentence: string, language: Language): string | null {
  const s = sentence.replace(/^(?:on top of [^,]+,\s*|在[^，,]+[，,]\s*)/iu, '');
  const m = language === 'zh' ? /^([A-Za-z][\w-]*|[\u3400-\u9fff]{2,6}?)(?=\s|在|是|为|提供|负责)/u.exec(s) : /^([A-Z][\w-]*)/.exec(s);
  return m?.[1] ?? null;
}

function lowerFirst(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}
