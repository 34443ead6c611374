// Small questions shared by the grading specs. Kept tiny on purpose: every expected score
// in the specs is worked out by hand from these.
import type { AnswerKey, QuestionContent } from '../question-bank/model/question-types.js';

const choices = (...ids: string[]) => ids.map((id) => ({ id, text: `option ${id}` }));

/** 4 options, key b. */
export const singleChoice: QuestionContent = { type: 'single-choice', stem: 'Which component stores cluster state?', options: choices('a', 'b', 'c', 'd') };
export const singleChoiceKey: AnswerKey = { type: 'single-choice', correct: 'b' };

export const trueFalse: QuestionContent = { type: 'true-false', stem: 'A Pod can hold several containers.' };
export const trueFalseKey: AnswerKey = { type: 'true-false', correct: true };

/** N = 5 options, C = 2 correct (a, c). */
export const multipleResponse: QuestionContent = { type: 'multiple-response', stem: 'Which run on every node?', options: choices('a', 'b', 'c', 'd', 'e') };
export const multipleResponseKey: AnswerKey = { type: 'multiple-response', correct: ['a', 'c'] };

/** 3 blanks. */
export const cloze: QuestionContent = { type: 'cloze', stem: '{{1}} forwards traffic, {{2}} stores state, {{3}} decides.', blanks: 3 };
export const clozeKey: AnswerKey = { type: 'cloze', accepted: [['kube-proxy'], ['etcd'], ['控制平面', 'control plane']] };

/** 4 prompts, 5 choices; key p1→c1 … p4→c4. */
export const matching: QuestionContent = {
  type: 'matching',
  stem: 'Match each component to its job.',
  prompts: choices('p1', 'p2', 'p3', 'p4'),
  choices: choices('c1', 'c2', 'c3', 'c4', 'c5'),
};
export const matchingKey: AnswerKey = { type: 'matching', pairs: { p1: 'c1', p2: 'c2', p3: 'c3', p4: 'c4' } };

/** 5 items; key a b c d e, so the adjacent pairs are ab, bc, cd, de. */
export const ordering: QuestionContent = { type: 'ordering', stem: 'Order the steps of a Pod creation.', items: choices('a', 'b', 'c', 'd', 'e') };
export const orderingKey: AnswerKey = { type: 'ordering', order: ['a', 'b', 'c', 'd', 'e'] };
