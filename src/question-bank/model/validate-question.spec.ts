import { validateQuestion } from './validate-question.js';

describe('validateQuestion', () => {
  const options = [
    { id: 'a', text: 'kube-scheduler' },
    { id: 'b', text: 'kubelet' },
    { id: 'c', text: 'etcd' },
  ];

  it('accepts a well-formed question of each type', () => {
    expect(validateQuestion({ type: 'single-choice', stem: 'Which one schedules pods?', options }, { type: 'single-choice', correct: 'a' })).toEqual([]);
    expect(validateQuestion({ type: 'multiple-response', stem: 'Which run on nodes?', options }, { type: 'multiple-response', correct: ['b'] })).toEqual([]);
    expect(validateQuestion({ type: 'true-false', stem: 'etcd stores state.' }, { type: 'true-false', correct: true })).toEqual([]);
    expect(validateQuestion({ type: 'cloze', stem: '{{1}} stores state; {{2}} runs pods.', blanks: 2 }, { type: 'cloze', accepted: [['etcd'], ['kubelet']] })).toEqual([]);
    expect(
      validateQuestion(
        { type: 'matching', stem: 'Match.', prompts: [{ id: 'p1', text: 'etcd' }, { id: 'p2', text: 'kubelet' }], choices: [{ id: 'a', text: 'stores' }, { id: 'b', text: 'runs' }] },
        { type: 'matching', pairs: { p1: 'a', p2: 'b' } },
      ),
    ).toEqual([]);
    expect(validateQuestion({ type: 'ordering', stem: 'Order the steps.', items: options }, { type: 'ordering', order: ['c', 'a', 'b'] })).toEqual([]);
  });

  it('names each problem with its path', () => {
    expect(validateQuestion({ type: 'essay', stem: 'x' }, {})).toEqual([expect.objectContaining({ path: 'content.type' })]);
    expect(validateQuestion({ type: 'single-choice', stem: 'Which?', options }, { type: 'single-choice', correct: 'z' })).toEqual([
      { path: 'answerKey.correct', message: 'must be one of the option ids' },
    ]);
    expect(validateQuestion({ type: 'single-choice', stem: 'Which?', options: [...options, { id: 'a', text: 'kube-proxy' }] }, { type: 'single-choice', correct: 'a' })).toEqual([
      { path: 'content.options[3].id', message: 'duplicate id "a"' },
    ]);
    expect(validateQuestion({ type: 'cloze', stem: 'Only {{2}} here', blanks: 1 }, { type: 'cloze', accepted: [['x']] }).map((p) => p.path)).toEqual(['content.blanks']);
    expect(validateQuestion({ type: 'ordering', stem: 'Order these.', items: options }, { type: 'ordering', order: ['a', 'a', 'b'] }).map((p) => p.path)).toEqual(['answerKey.order']);
    expect(validateQuestion({ type: 'true-false', stem: 'Fine stem' }, { type: 'single-choice', correct: 'a' }).map((p) => p.path)).toEqual(['answerKey.type']);
  });
});
