import { validateQuestion } from '../model/validate-question.js';
import { parseGift } from './gift-import.js';
import { toGift } from './gift-export.js';
import type { ExchangeQuestion } from './types.js';
import { loadFixture, loadSampleQuestions } from '../../../test/fixtures/interchange/load-fixtures.js';

const byTitle = (questions: ExchangeQuestion[], title: string): ExchangeQuestion => {
  const found = questions.find((q) => q.title === title);
  if (!found) throw new Error(`no question "${title}"`);
  return found;
};

describe('parseGift on GIFT written by Moodle users', () => {
  const result = parseGift(loadFixture('moodle-user.gift'));
  const q = (title: string): ExchangeQuestion => byTitle(result.questions, title);

  it('reads the good questions and reports each bad one with its line', () => {
    expect(result.questions).toHaveLength(12);
    expect(result.errors).toEqual([
      { line: 47, message: 'question "Q10 numeric": numerical questions ({#…}) are not supported' },
      { line: 49, message: 'question "Q11 essay": essay questions ({}) are not supported' },
      { line: 51, message: 'the answer block is not closed with "}"' },
      { line: 55, message: 'question "Q14 two correct": a single-answer question needs exactly one answer marked "=", found 2' },
    ]);
  });

  it('gives every imported question valid content, defaults and the section of its category', () => {
    for (const question of result.questions) {
      expect(validateQuestion(question.content, question.answerKey)).toEqual([]);
      expect(question.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(question).toMatchObject({ sectionKeys: ['3.1'], difficulty: 'medium', tags: [] });
    }
    expect(new Set(result.questions.map((x) => x.id)).size).toBe(12);
    expect(parseGift(loadFixture('moodle-user.gift')).questions.map((x) => x.id)).toEqual(result.questions.map((x) => x.id));
  });

  it('reads single choice with feedback and general feedback', () => {
    expect(q('Q1 scheduler')).toMatchObject({
      language: 'en',
      content: { type: 'single-choice', stem: 'Which component assigns Pods to nodes?', options: [{ id: 'a', text: 'kube-scheduler' }, { id: 'b', text: 'kubelet' }, { id: 'c', text: 'etcd' }] },
      answerKey: { type: 'single-choice', correct: 'a' },
      explanation: 'The scheduler picks a node for every unscheduled Pod.',
    });
    expect(result.warnings).toContainEqual({ line: 4, message: 'per-answer feedback is not kept' });
  });

  it('reads multi-line multiple answers with % weights', () => {
    expect(q('Q2 node parts')).toMatchObject({
      content: { type: 'multiple-response', stem: 'Which of these run on every worker node?', options: [{ text: 'kubelet' }, { text: 'kube-proxy' }, { text: 'etcd' }, { text: 'kube-apiserver' }] },
      answerKey: { type: 'multiple-response', correct: ['a', 'b'] },
      explanation: '',
    });
  });

  it('reads true-false in every spelling', () => {
    expect(q('Q3 tf')).toMatchObject({ content: { type: 'true-false', stem: 'etcd is a relational database.' }, answerKey: { correct: false } });
    expect(q('Q4 tf true')).toMatchObject({ content: { stem: 'The API server is the only component that talks to etcd.' }, answerKey: { correct: true } });
    expect(q('Q13 [html] format')).toMatchObject({ content: { stem: 'Is a Pod mortal?' }, answerKey: { correct: true } });
    for (const [answer, correct] of [['T', true], ['TRUE', true], ['F', false], ['FALSE', false]] as const) {
      expect(parseGift(`Pods are mortal.{${answer}}`).questions[0].answerKey).toEqual({ type: 'true-false', correct });
    }
  });

  it('reads short answers as a cloze with the blank where the answer block was', () => {
    expect(q('Q5 short')).toMatchObject({
      content: { type: 'cloze', stem: 'The default API server port is {{1}}.', blanks: 1 },
      answerKey: { type: 'cloze', accepted: [['6443', '443']] },
    });
    expect(result.warnings).toContainEqual({ line: 28, message: 'partial-credit short answers are accepted as fully correct' });
    expect(q("Who's buried in Grant's tomb?")).toMatchObject({ content: { stem: "Who's buried in Grant's tomb?{{1}}" }, answerKey: { accepted: [['no one', 'nobody']] } });
    expect(q('Q16 multi blank')).toMatchObject({
      content: { type: 'cloze', stem: 'Water is {{1}} and salt is {{2}}.', blanks: 2 },
      answerKey: { accepted: [['H2O'], ['NaCl', 'sodium chloride']] },
    });
  });

  it('reads the missing-word form with "_____" in the stem', () => {
    expect(q('Q7 missing word')).toMatchObject({
      content: { type: 'single-choice', stem: 'A Deployment manages _____ directly.' },
      answerKey: { correct: 'b' },
    });
  });

  it('reads matching, an empty prompt being a distractor choice', () => {
    expect(q('Q8 matching')).toMatchObject({
      content: {
        type: 'matching',
        stem: 'Match each object with its role.',
        prompts: [{ id: 'p1', text: 'Pod' }, { id: 'p2', text: 'Service' }, { id: 'p3', text: 'ConfigMap' }],
        choices: [{ id: 'a', text: 'smallest deployable unit' }, { id: 'b', text: 'stable virtual IP' }, { id: 'c', text: 'non-secret configuration' }, { id: 'd', text: 'stores images' }],
      },
      answerKey: { type: 'matching', pairs: { p1: 'a', p2: 'b', p3: 'c' } },
    });
  });

  it('unescapes \\{ \\} \\: \\= \\~ \\# everywhere', () => {
    expect(q('Q9 escapes').content).toEqual({
      type: 'single-choice',
      stem: 'What does {} mean in the key: value = pair ~ # notation?',
      options: [{ id: 'a', text: 'an empty map {}' }, { id: 'b', text: 'a comment # here' }],
    });
  });

  it('guesses the language from the text', () => {
    expect(q('Q15 chinese').language).toBe('zh');
    expect(parseGift('调度器的作用？{T}', { language: 'en', difficulty: 'hard' }).questions[0]).toMatchObject({ language: 'en', difficulty: 'hard' });
  });
});

describe('parseGift edge cases', () => {
  it('reads Moodle\'s own export: [html] texts, // question comments, =%100%answer# short answers', () => {
    const moodle = [
      '// question: 101  name: Scheduler',
      '::Scheduler::[html]<p>Which component <b>assigns</b> Pods?</p><p>Pick one &amp; only one.</p>{',
      '\t=<p>kube-scheduler</p>',
      '\t~<p>kubelet &lt;node agent&gt;</p>',
      '\t~[plain]<p> stays </p>',
      '\t####<p>It watches for Pods without a node.<br>Then binds them.</p>',
      '}',
      '',
      '// question: 102  name: Port',
      '::Port::[html]<p>The API server listens on port&nbsp;{',
      '\t=%100%6443#',
      '\t=%0%8080#',
      '}',
    ].join('\n');
    const { questions, errors, warnings } = parseGift(moodle);
    expect(errors).toEqual([]);
    expect(warnings).toEqual([]);
    expect(questions[0]).toMatchObject({
      content: { stem: 'Which component assigns Pods?\nPick one & only one.', options: [{ text: 'kube-scheduler' }, { text: 'kubelet <node agent>' }, { text: '<p> stays </p>' }] },
      explanation: 'It watches for Pods without a node.\nThen binds them.',
    });
    expect(questions[1]).toMatchObject({ content: { type: 'cloze', stem: 'The API server listens on port {{1}}' }, answerKey: { accepted: [['6443']] } });
  });


  it('handles CRLF, a byte-order mark and \\n escapes', () => {
    const { questions, errors } = parseGift('\uFEFF::A::Line one\\nline two\r\n{T}\r\n\r\n::B::Second{F}\r\n');
    expect(errors).toEqual([]);
    expect(questions.map((x) => [x.title, x.content.stem])).toEqual([['A', 'Line one\nline two'], ['B', 'Second']]);
  });

  it('reports brace and name mistakes with the line they are on, and goes on', () => {
    const text = ['::A::fine{T}', '', '::B::broken', 'text } here {T}', '', '::C::nested {=a {b}', '', '::D unclosed name{T}', '', '::E::fine too{F}'].join('\n');
    const { questions, errors } = parseGift(text);
    expect(questions.map((x) => x.title)).toEqual(['A', 'E']);
    expect(errors).toEqual([
      { line: 4, message: 'unescaped "}" outside an answer block (write \\} for a literal brace)' },
      { line: 6, message: 'unescaped "{" inside an answer block (write \\{ for a literal brace)' },
      { line: 8, message: 'the question name is not closed with "::"' },
    ]);
  });

  it('reports questions that fail validation and those without an answer block', () => {
    const { questions, errors } = parseGift('::one pair::Match.{=a -> b}\n\n::desc::Just a description.\n\n::mr::Pick.{~%100%a ~b}');
    expect(questions).toEqual([]);
    expect(errors).toEqual([
      { line: 1, message: 'question "one pair": content.prompts needs at least 2 entries; content.choices needs at least 2 entries' },
      { line: 3, message: 'question "desc": no answer block {…}: description questions are not supported' },
      { line: 5, message: 'question "mr": content.options needs at least 3 entries' },
    ]);
  });

  it('reports a repeated kubequiz id', () => {
    const gift = toGift(loadSampleQuestions().slice(0, 1));
    const { questions, errors } = parseGift(`${gift}\n${gift}`);
    expect(questions).toHaveLength(1);
    expect(errors).toEqual([{ line: gift.split('\n').length + 2, message: 'duplicate question id "k8s-3.1-scheduler-role" (first used at line 2)' }]);
  });
});

describe('parseGift with kubequiz metadata', () => {
  const sample = loadSampleQuestions();
  const one = (id: string): ExchangeQuestion => sample.find((x) => x.id === id) as ExchangeQuestion;

  it('keeps edited wording without a warning', () => {
    const gift = toGift([one('k8s-3.1-scheduler-role')]).replace('=kube-scheduler', '=the kube-scheduler').replace('::3.1 kube-scheduler role::', '::Renamed::');
    const { questions, warnings } = parseGift(gift);
    expect(warnings).toEqual([]);
    expect(questions[0]).toEqual({
      ...one('k8s-3.1-scheduler-role'),
      title: 'Renamed',
      content: { ...one('k8s-3.1-scheduler-role').content, options: [{ id: 'a', text: 'the kube-scheduler' }, ...(one('k8s-3.1-scheduler-role').content as { options: unknown[] }).options.slice(1)] },
    });
  });

  it('prefers the body when answers were re-marked, keeping the metadata', () => {
    const original = one('k8s-2-cp-components-zh');
    const gift = toGift([original]).replace('~%-100%kubelet', '~%50%kubelet').replace('~%50%etcd', '~%-100%etcd');
    const { questions, warnings } = parseGift(gift);
    expect(warnings).toEqual([{ line: 2, message: expect.stringContaining('no longer matches its kubequiz metadata') }]);
    expect(questions[0]).toMatchObject({ id: original.id, language: 'zh', difficulty: 'hard', tags: original.tags, answerKey: { correct: ['b', 'c'] } });
  });

  it('reads an edited ordering back as an ordering', () => {
    const gift = toGift([one('k8s-3-pod-start-order-zh')]).replace('\t=第 3 位 -> kubelet 启动容器\n', '\t=第 3 位 -> kubelet 启动容器\n\t=第 4 位 -> 探针检查就绪\n');
    const { questions } = parseGift(gift);
    expect(questions[0]).toMatchObject({ content: { type: 'ordering', items: [{ id: 'a' }, { id: 'b' }, { id: 'c' }, { id: 'd', text: '探针检查就绪' }] }, answerKey: { order: ['a', 'b', 'c', 'd'] } });
  });

  it('falls back to the body when the metadata comment is broken', () => {
    const gift = toGift([one('k8s-1-pod-tf-zh')]).replace('"v":1', '"v":1,');
    const { questions, warnings } = parseGift(gift);
    expect(warnings).toEqual([{ line: 1, message: 'the kubequiz metadata comment is not valid JSON; the question is read from its GIFT text' }]);
    expect(questions[0]).toMatchObject({ language: 'zh', content: one('k8s-1-pod-tf-zh').content, answerKey: { correct: false } });
  });

  it('applies a metadata comment separated from its question by a blank line', () => {
    const gift = toGift([one('k8s-1-etcd-tf')]).replace('}\n::', '}\n\n::');
    expect(parseGift(gift).questions).toEqual([one('k8s-1-etcd-tf')]);
  });
});
