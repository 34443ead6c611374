import type { Language } from '../model/question-types.js';
import type { ExchangeQuestion } from './types.js';
import { escapeXml, XML_DECLARATION } from './xml.js';

export const QTI_NS = 'http://www.imsglobal.org/xsd/imsqti_v2p1';
const TEMPLATES = 'http://www.imsglobal.org/question/qti_v2p1/rptemplates';

/** QTI identifiers are NCNames: they may not start with a digit, and only letters, digits, ".", "-", "_" follow. */
const NCNAME = /^[A-Za-z_][A-Za-z0-9._-]*$/;

export function qtiIdentifier(id: string, prefix: string): string {
  return NCNAME.test(id) ? id : `${prefix}_${id.replace(/[^A-Za-z0-9._-]/g, '_')}`;
}

/** Option ids (a, b, … or digits) as choice identifiers. */
export const choiceId = (id: string): string => qtiIdentifier(id, 'O');

const TRUE_FALSE: Record<Language, [string, string]> = { en: ['True', 'False'], zh: ['正确', '错误'] };

/** Plain text as QTI inline content: escaped, line breaks as <br/>. */
const inline = (text: string): string => escapeXml(text).replace(/\r\n?|\n/g, '<br/>');

const values = (list: string[]): string => list.map((v) => `<value>${escapeXml(v)}</value>`).join('');

function declaration(identifier: string, cardinality: string, baseType: string, correct: string[], mapping?: { keys: string[]; caseSensitive: boolean }): string {
  const map = mapping
    ? `<mapping defaultValue="0">${mapping.keys.map((k) => `<mapEntry mapKey="${escapeXml(k)}" mappedValue="1" caseSensitive="${mapping.caseSensitive}"/>`).join('')}</mapping>`
    : '';
  return `<responseDeclaration identifier="${identifier}" cardinality="${cardinality}" baseType="${baseType}"><correctResponse>${values(correct)}</correctResponse>${map}</responseDeclaration>`;
}

const template = (name: 'match_correct' | 'map_response'): string => `<responseProcessing template="${TEMPLATES}/${name}"/>`;

interface ItemParts {
  declarations: string[];
  body: string[];
  processing: string;
}

function parts(q: ExchangeQuestion): ItemParts {
  const c = q.content;
  const k = q.answerKey;
  const prompt = `<prompt>${inline(c.stem)}</prompt>`;
  const simpleChoices = (list: { id: string; text: string }[]): string => list.map((o) => `<simpleChoice identifier="${choiceId(o.id)}">${inline(o.text)}</simpleChoice>`).join('');
  if (c.type === 'single-choice' && k.type === 'single-choice') {
    return {
      declarations: [declaration('RESPONSE', 'single', 'identifier', [choiceId(k.correct)])],
      body: [`<choiceInteraction responseIdentifier="RESPONSE" shuffle="true" maxChoices="1">${prompt}${simpleChoices(c.options)}</choiceInteraction>`],
      processing: template('match_correct'),
    };
  }
  if (c.type === 'multiple-response' && k.type === 'multiple-response') {
    return {
      declarations: [declaration('RESPONSE', 'multiple', 'identifier', k.correct.map(choiceId))],
      body: [`<choiceInteraction responseIdentifier="RESPONSE" shuffle="true" maxChoices="0">${prompt}${simpleChoices(c.options)}</choiceInteraction>`],
      processing: template('match_correct'),
    };
  }
  if (c.type === 'true-false' && k.type === 'true-false') {
    const [yes, no] = TRUE_FALSE[q.language];
    return {
      declarations: [declaration('RESPONSE', 'single', 'identifier', [String(k.correct)])],
      body: [`<choiceInteraction responseIdentifier="RESPONSE" shuffle="false" maxChoices="1">${prompt}${simpleChoices([{ id: 'true', text: yes }, { id: 'false', text: no }])}</choiceInteraction>`],
      processing: template('match_correct'),
    };
  }
  if (c.type === 'cloze' && k.type === 'cloze') {
    // One blank keeps the standard RESPONSE + map_response; the templates know no other response, so
    // several blanks sum their own mappings.
    const id = (n: number): string => (c.blanks === 1 ? 'RESPONSE' : `RESPONSE_${n}`);
    const declarations = k.accepted.map((accepted, i) => {
      const distinct = accepted.filter((a, j) => accepted.findIndex((b) => b.toLowerCase() === a.toLowerCase()) === j);
      return declaration(id(i + 1), 'single', 'string', [accepted[0]], { keys: distinct, caseSensitive: false });
    });
    const paragraph = inline(c.stem).replace(/\{\{(\d+)\}\}/g, (_, n: string) => {
      const longest = Math.max(...(k.accepted[Number(n) - 1] ?? ['']).map((a) => a.length));
      return `<textEntryInteraction responseIdentifier="${id(Number(n))}" expectedLength="${Math.max(longest, 5)}"/>`;
    });
    const processing =
      c.blanks === 1
        ? template('map_response')
        : `<responseProcessing><setOutcomeValue identifier="SCORE"><sum>${k.accepted.map((_, i) => `<mapResponse identifier="${id(i + 1)}"/>`).join('')}</sum></setOutcomeValue></responseProcessing>`;
    return { declarations, body: [`<p>${paragraph}</p>`], processing };
  }
  if (c.type === 'matching' && k.type === 'matching') {
    const pairs = c.prompts.map((p) => `P_${p.id} C_${k.pairs[p.id]}`);
    const source = c.prompts.map((p) => `<simpleAssociableChoice identifier="P_${p.id}" matchMax="1">${inline(p.text)}</simpleAssociableChoice>`).join('');
    const target = c.choices.map((ch) => `<simpleAssociableChoice identifier="C_${ch.id}" matchMax="${c.prompts.length}">${inline(ch.text)}</simpleAssociableChoice>`).join('');
    return {
      declarations: [declaration('RESPONSE', 'multiple', 'directedPair', pairs, { keys: pairs, caseSensitive: true })],
      body: [`<matchInteraction responseIdentifier="RESPONSE" shuffle="true" maxAssociations="${c.prompts.length}">${prompt}<simpleMatchSet>${source}</simpleMatchSet><simpleMatchSet>${target}</simpleMatchSet></matchInteraction>`],
      processing: template('map_response'),
    };
  }
  if (c.type === 'ordering' && k.type === 'ordering') {
    return {
      declarations: [declaration('RESPONSE', 'ordered', 'identifier', k.order.map(choiceId))],
      body: [`<orderInteraction responseIdentifier="RESPONSE" shuffle="true">${prompt}${simpleChoices(c.items)}</orderInteraction>`],
      processing: template('match_correct'),
    };
  }
  throw new Error(`question ${q.id}: answer key type ${k.type} does not match content type ${c.type}`);
}

/**
 * One QTI 2.1 assessmentItem. The explanation goes in a rubricBlock for scorers and tutors, which
 * players do not show to candidates.
 */
export function toQtiItem(q: ExchangeQuestion, identifier = qtiIdentifier(q.id, 'Q')): string {
  const { declarations, body, processing } = parts(q);
  const rubric = q.explanation ? [`<rubricBlock view="scorer tutor"><p>${inline(q.explanation)}</p></rubricBlock>`] : [];
  return [
    XML_DECLARATION,
    `<assessmentItem xmlns="${QTI_NS}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="${QTI_NS} http://www.imsglobal.org/xsd/qti/qtiv2p1/imsqti_v2p1.xsd" identifier="${escapeXml(identifier)}" title="${escapeXml(q.title)}" xml:lang="${q.language}" adaptive="false" timeDependent="false">`,
    ...declarations.map((d) => `  ${d}`),
    '  <outcomeDeclaration identifier="SCORE" cardinality="single" baseType="float"><defaultValue><value>0</value></defaultValue></outcomeDeclaration>',
    '  <itemBody>',
    ...[...body, ...rubric].map((b) => `    ${b}`),
    '  </itemBody>',
    `  ${processing}`,
    '</assessmentItem>',
    '',
  ].join('\n');
}
