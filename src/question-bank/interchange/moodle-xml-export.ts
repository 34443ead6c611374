import type { Choice, Language } from '../model/question-types.js';
import { rightWeight } from './gift-export.js';
import type { ExchangeQuestion, MoodleXmlExportOptions } from './types.js';
import { cdata, escapeText, escapeXml, plainToHtml, XML_DECLARATION } from './xml.js';

/**
 * Moodle XML export (`<quiz>`). Texts go out as HTML in CDATA. Type mapping:
 * single-choice and multiple-response → multichoice (`<single>`), true-false → truefalse,
 * one-blank cloze → shortanswer (blank shown as "_____"), multi-blank cloze → cloze
 * (multianswer, `{1:SHORTANSWER:=a~=b}` per blank), matching → matching (a distractor is a
 * subquestion with empty text), ordering → Moodle's ordering type, or matching of "Position n"
 * to items with `orderingAs: 'matching'` for sites without qtype_ordering.
 */
export function toMoodleXml(questions: ExchangeQuestion[], options: MoodleXmlExportOptions = {}): string {
  const out = [XML_DECLARATION, '<quiz>'];
  let category: string | undefined;
  for (const q of questions) {
    if (options.category !== undefined) {
      const next = q.sectionKeys.length ? `${options.category}/${q.sectionKeys[0]}` : options.category;
      if (next !== category) out.push(`  <question type="category">\n    <category><text>${escapeXml(next)}</text></category>\n  </question>`);
      category = next;
    }
    out.push(moodleQuestion(q, options.orderingAs ?? 'ordering'));
  }
  out.push('</quiz>', '');
  return out.join('\n');
}

const html = (tag: string, text: string): string => `<${tag} format="html"><text>${text ? cdata(plainToHtml(text)) : ''}</text></${tag}>`;
const emptyFeedback = '<feedback format="html"><text></text></feedback>';

const POSITION: Record<Language, (n: number) => string> = {
  en: (n) => `Position ${n}`,
  zh: (n) => `第 ${n} 位`,
};

/** Inside `{1:SHORTANSWER:…}` Moodle needs \ } # ~ / " escaped with a backslash (before HTML escaping adds its own "&…;"). */
const multianswerEscape = (answer: string): string => escapeText(answer.replace(/[\\}#~/"]/g, (ch) => `\\${ch}`));

function moodleQuestion(q: ExchangeQuestion, orderingAs: 'ordering' | 'matching'): string {
  const c = q.content;
  const k = q.answerKey;
  let type: string;
  let stem = plainToHtml(c.stem);
  const body: string[] = [];
  const answer = (fraction: string, text: string, format: 'html' | 'moodle_auto_format' = 'html'): string =>
    `<answer fraction="${fraction}" format="${format}"><text>${format === 'html' ? cdata(plainToHtml(text)) : escapeXml(text)}</text>${emptyFeedback}</answer>`;
  const subquestion = (prompt: string, text: string): string =>
    `<subquestion format="html"><text>${prompt ? cdata(plainToHtml(prompt)) : ''}</text><answer><text>${escapeXml(text)}</text></answer></subquestion>`;

  if (c.type === 'single-choice' && k.type === 'single-choice') {
    type = 'multichoice';
    body.push('<single>true</single>', '<shuffleanswers>true</shuffleanswers>', '<answernumbering>abc</answernumbering>');
    body.push(...c.options.map((o) => answer(o.id === k.correct ? '100' : '0', o.text)));
  } else if (c.type === 'multiple-response' && k.type === 'multiple-response') {
    type = 'multichoice';
    const right = rightWeight(k.correct.length);
    body.push('<single>false</single>', '<shuffleanswers>true</shuffleanswers>', '<answernumbering>abc</answernumbering>');
    body.push(...c.options.map((o) => answer(k.correct.includes(o.id) ? right : '-100', o.text)));
  } else if (c.type === 'true-false' && k.type === 'true-false') {
    type = 'truefalse';
    body.push(answer(k.correct ? '100' : '0', 'true', 'moodle_auto_format'), answer(k.correct ? '0' : '100', 'false', 'moodle_auto_format'));
  } else if (c.type === 'cloze' && k.type === 'cloze' && c.blanks === 1) {
    type = 'shortanswer';
    stem = plainToHtml(c.stem.replace('{{1}}', '_____'));
    body.push('<usecase>0</usecase>', ...k.accepted[0].map((a) => answer('100', a, 'moodle_auto_format')));
  } else if (c.type === 'cloze' && k.type === 'cloze') {
    type = 'cloze';
    stem = plainToHtml(c.stem).replace(/\{\{(\d+)\}\}/g, (_, n: string) => `{1:SHORTANSWER:${(k.accepted[Number(n) - 1] ?? []).map((a) => `=${multianswerEscape(a)}`).join('~')}}`);
  } else if (c.type === 'matching' && k.type === 'matching') {
    type = 'matching';
    const text = new Map(c.choices.map((ch) => [ch.id, ch.text]));
    const used = new Set(Object.values(k.pairs));
    body.push('<shuffleanswers>true</shuffleanswers>');
    body.push(...c.prompts.map((p) => subquestion(p.text, text.get(k.pairs[p.id]) ?? '')));
    body.push(...c.choices.filter((ch) => !used.has(ch.id)).map((ch) => subquestion('', ch.text)));
  } else if (c.type === 'ordering' && k.type === 'ordering') {
    const items = k.order.map((id) => c.items.find((i) => i.id === id) as Choice);
    if (orderingAs === 'matching') {
      type = 'matching';
      body.push('<shuffleanswers>true</shuffleanswers>', ...items.map((item, i) => subquestion(POSITION[q.language](i + 1), item.text)));
    } else {
      type = 'ordering';
      body.push('<layouttype>VERTICAL</layouttype>', '<selecttype>ALL</selecttype>', '<selectcount>0</selectcount>');
      body.push('<gradingtype>ABSOLUTE_POSITION</gradingtype>', '<showgrading>SHOW</showgrading>', '<numberingstyle>none</numberingstyle>');
      // Answers are listed in the right order; the fraction is the position, as Moodle stores it.
      body.push(...items.map((item, i) => answer(String(i + 1), item.text)));
    }
  } else {
    throw new Error(`question ${q.id}: answer key type ${k.type} does not match content type ${c.type}`);
  }

  const lines = [
    `<name><text>${escapeXml(q.title)}</text></name>`,
    `<questiontext format="html"><text>${cdata(stem)}</text></questiontext>`,
    html('generalfeedback', q.explanation),
    '<defaultgrade>1</defaultgrade>',
    '<penalty>0.3333333</penalty>',
    '<hidden>0</hidden>',
    `<idnumber>${escapeXml(q.id)}</idnumber>`,
    ...body,
  ];
  if (q.tags.length) lines.push(`<tags>${q.tags.map((t) => `<tag><text>${escapeXml(t)}</text></tag>`).join('')}</tags>`);
  return `  <question type="${type}">\n${lines.map((l) => `    ${l}`).join('\n')}\n  </question>`;
}
