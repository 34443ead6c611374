import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { QUESTION_TYPES } from '../model/question-types.js';
import { CuratedQuestionsError, curatedQuestionsDir, loadCuratedQuestions, parseCuratedQuestions } from './curated-loader.js';

const SECTION_KEYS = [
  '1', '1.1', '1.2', '1.3',
  '2', '2.1', '2.2', '2.3', '2.4', '2.5', '2.6', '2.7',
  '3', '3.1', '3.2', '3.3',
  '4',
  '5', '5.1', '5.2', '5.3', '5.4', '5.5', '5.6', '5.7', '5.8', '5.9', '5.10',
];

/** One language block of a single-choice item: options are texts with ids a, b, c… */
const choiceBlock = (lang: 'zh' | 'en', stem: string, options: string[], correct: string): string =>
  [
    `    ${lang}:`,
    `      stem: "${stem}"`,
    '      options:',
    ...options.map((text, i) => `        - { id: ${'abcdefgh'[i]}, text: ${text} }`),
    `      answer: { correct: ${correct} }`,
    `      explanation: "${lang === 'zh' ? '调度器负责为 Pod 选择节点。' : 'The scheduler assigns Pods to nodes.'}"`,
  ].join('\n');

const HEAD = '    section: "3.1"\n    type: single-choice\n    difficulty: easy\n    tags: [kube-scheduler]';
const head = (section: string, type: string): string => HEAD.replace('"3.1"', `"${section}"`).replace('single-choice', type);

/** A valid single-choice item; fixtures below break one thing at a time. */
const item = (overrides: { head?: string; zh?: string; en?: string } = {}): string => `
  - id: k8s-3.1-scheduler-role
${overrides.head ?? HEAD}
${overrides.zh ?? choiceBlock('zh', '哪个组件为新创建的 Pod 选择节点？', ['kube-scheduler', 'kubelet'], 'a')}
${overrides.en ?? choiceBlock('en', 'Which component picks the node for a new Pod?', ['kube-scheduler', 'kubelet'], 'a')}
`;
const file = (...items: string[]): string => `course: kubernetes-fundamentals\nquestions:${items.join('')}`;
const refuse = (yaml: string): string => {
  try {
    parseCuratedQuestions({ 'fixture.yaml': yaml });
  } catch (error) {
    expect(error).toBeInstanceOf(CuratedQuestionsError);
    return (error as Error).message;
  }
  throw new Error('the fixture was accepted');
};

describe('curated question bank', () => {
  const questions = loadCuratedQuestions();
  const bySection = new Map<string, typeof questions>();
  for (const q of questions) bySection.set(q.sectionKey, [...(bySection.get(q.sectionKey) ?? []), q]);

  it('resolves the shipped seeds folder', () => {
    expect(existsSync(join(curatedQuestionsDir(), '01-overview.yaml'))).toBe(true);
  });

  it.each(SECTION_KEYS)('section %s has at least 4 questions, each in zh and en, of at least 3 types', (section) => {
    const records = bySection.get(section) ?? [];
    const ids = new Set(records.map((q) => q.curatedId));
    expect(ids.size).toBeGreaterThanOrEqual(4);
    for (const id of ids) {
      expect(records.filter((q) => q.curatedId === id).map((q) => q.language).sort()).toEqual(['en', 'zh']);
    }
    expect(new Set(records.map((q) => q.type)).size).toBeGreaterThanOrEqual(3);
  });

  it('covers only the course sections and every question type', () => {
    expect([...bySection.keys()].filter((key) => !SECTION_KEYS.includes(key))).toEqual([]);
    expect(new Set(questions.map((q) => q.type))).toEqual(new Set(QUESTION_TYPES));
    expect(new Set(questions.map((q) => q.courseSlug))).toEqual(new Set(['kubernetes-fundamentals']));
  });

  it('normalises each item into one record per language', () => {
    const zh = questions.find((q) => q.curatedId === 'k8s-3.1-scheduler-role' && q.language === 'zh');
    expect(zh).toMatchObject({ courseSlug: 'kubernetes-fundamentals', sectionKey: '3.1', type: 'single-choice', key: { type: 'single-choice', correct: 'a' } });
    expect(zh?.content.type).toBe('single-choice');
    expect(zh?.explanation.length).toBeGreaterThan(10);
  });
});

describe('parseCuratedQuestions refuses malformed items', () => {
  it('accepts the valid fixture', () => {
    expect(parseCuratedQuestions({ 'fixture.yaml': file(item()) })).toHaveLength(2);
  });

  it.each([
    ['unknown type', { head: head('3.1', 'essay') }, 'unknown type "essay"'],
    ['unquoted section', { head: HEAD.replace('"3.1"', '3.1') }, 'section must be a quoted string'],
    ['missing language', { en: '' }, '[en]: missing en block'],
    ['answer naming an unknown option', { en: choiceBlock('en', 'Which one?', ['kube-scheduler', 'kubelet'], 'z') }, '[en]: answer.correct: must be one of the option ids'],
    ['one option', { en: choiceBlock('en', 'Which one?', ['kube-scheduler'], 'a') }, 'needs at least 2'],
    ['duplicate option texts', { en: choiceBlock('en', 'Which one?', ['kubelet', 'Kubelet'], 'a') }, 'duplicate text'],
    ['stem containing the answer', { en: choiceBlock('en', 'Does kube-scheduler pick the node?', ['kube-scheduler', 'kubelet'], 'a') }, 'the stem contains the answer text'],
    ['ids differing between languages', { en: choiceBlock('en', 'Which one?', ['kube-scheduler', 'kubelet', 'etcd'], 'a') }, 'ids differ between languages'],
    ['answers differing between languages', { en: choiceBlock('en', 'Which one?', ['kube-scheduler', 'kubelet'], 'b') }, 'answers differ between languages'],
    ['Chinese text in the en block', { en: choiceBlock('en', '哪个组件？', ['kube-scheduler', 'kubelet'], 'a') }, 'the en block contains Chinese text'],
    ['a field of another type', { en: choiceBlock('en', 'Which one?', ['kube-scheduler', 'kubelet'], 'a') + '\n      items: []' }, 'unexpected field "items"'],
  ])('%s', (_name, overrides, message) => {
    const text = refuse(file(item(overrides)));
    expect(text).toContain('fixture.yaml: question "k8s-3.1-scheduler-role"');
    expect(text).toContain(message);
  });

  it('names duplicate ids', () => {
    expect(refuse(file(item(), item()))).toContain('question "k8s-3.1-scheduler-role": duplicate id');
  });

  it('refuses a cloze whose blanks and accepted lists differ', () => {
    const cloze = (lang: string, stem: string) =>
      `    ${lang}:\n      stem: "${stem}"\n      answer: { accepted: [["etcd"], ["kubelet"]] }\n      explanation: "Because."`;
    const text = refuse(file(item({
      head: head('3.2', 'cloze'),
      zh: cloze('zh', '集群状态保存在 {{1}} 中。'),
      en: cloze('en', 'Cluster state lives in {{1}}.'),
    })));
    expect(text).toContain('the stem has 1 blank(s) but answer.accepted has 2 list(s)');
  });

  it('refuses answers that differ between languages and unscrambled ordering items', () => {
    const ordering = (lang: string, stem: string, order: string) =>
      `    ${lang}:\n      stem: "${stem}"\n      items:\n        - { id: a, text: first }\n        - { id: b, text: second }\n        - { id: c, text: third }\n      answer: { order: [${order}] }\n      explanation: "Because."`;
    const text = refuse(file(item({
      head: head('4', 'ordering'),
      zh: ordering('zh', '请排序这些步骤。', 'b, a, c'),
      en: ordering('en', 'Order these steps.', 'a, b, c'),
    })));
    expect(text).toContain('[en]: items are listed in the answer order');
    expect(text).toContain('answers differ between languages');
  });

  it('refuses a multiple-response item with a single correct option, and YAML syntax errors', () => {
    const mr = (lang: string, stem: string) =>
      `    ${lang}:\n      stem: "${stem}"\n      options:\n        - { id: a, text: etcd }\n        - { id: b, text: kubelet }\n        - { id: c, text: kube-proxy }\n        - { id: d, text: kube-scheduler }\n      answer: { correct: [a] }\n      explanation: "Because."`;
    const text = refuse(file(item({ head: head('3', 'multiple-response'), zh: mr('zh', '哪些组件？'), en: mr('en', 'Which components?') })));
    expect(text).toContain('needs at least 2 correct options');
    expect(refuse('course: x\nquestions: [\n')).toContain('fixture.yaml: YAML:');
  });
});
