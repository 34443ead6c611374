import type { AnswerKey, ItemResponse, QuestionContent } from '../../question-bank/model/question-types.js';
import type { GradeAttemptInput } from '../grade-attempt.js';

// mulberry32: a tiny seeded generator so every bench run grades the same attempts.
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ids = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i + 1}`);
const choices = (list: string[]) => list.map((id) => ({ id, text: `text ${id}` }));

interface Question {
  content: QuestionContent;
  key: AnswerKey;
  respond: (random: () => number) => ItemResponse | null;
}

function shuffle<T>(list: readonly T[], random: () => number): T[] {
  const copy = [...list];
  for (let i = copy.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

// One question per type, rotated through the form, with responses that are right about
// half the time so every scoring path (correct, partial, wrong, unanswered) is exercised.
const QUESTIONS: Question[] = [
  {
    content: { type: 'single-choice', stem: 'Which component stores state?', options: choices(ids('o', 4)) },
    key: { type: 'single-choice', correct: 'o2' },
    respond: (r) => ({ type: 'single-choice', choice: r() < 0.5 ? 'o2' : `o${1 + Math.floor(r() * 4)}` }),
  },
  {
    content: { type: 'multiple-response', stem: 'Which run on nodes?', options: choices(ids('o', 5)) },
    key: { type: 'multiple-response', correct: ['o1', 'o3', 'o4'] },
    respond: (r) => ({ type: 'multiple-response', choices: ids('o', 5).filter(() => r() < 0.5) }),
  },
  {
    content: { type: 'true-false', stem: 'A Pod may hold several containers.' },
    key: { type: 'true-false', correct: true },
    respond: (r) => ({ type: 'true-false', value: r() < 0.6 }),
  },
  {
    content: { type: 'cloze', stem: '{{1}} forwards traffic; {{2}} stores state.', blanks: 2 },
    key: { type: 'cloze', accepted: [['kube-proxy', 'kube proxy'], ['etcd', '分布式存储 etcd']] },
    respond: (r) => ({ type: 'cloze', blanks: [r() < 0.5 ? 'ｋｕｂｅ－ｐｒｏｘｙ' : 'kubelet', r() < 0.5 ? ' ETCD。' : '控制 平面'] }),
  },
  {
    content: { type: 'matching', stem: 'Match the components.', prompts: choices(ids('p', 4)), choices: choices(ids('c', 5)) },
    key: { type: 'matching', pairs: { p1: 'c1', p2: 'c2', p3: 'c3', p4: 'c4' } },
    respond: (r) => ({ type: 'matching', pairs: Object.fromEntries(ids('p', 4).map((p, i) => [p, r() < 0.6 ? `c${i + 1}` : `c${1 + Math.floor(r() * 5)}`])) }),
  },
  {
    content: { type: 'ordering', stem: 'Order the steps.', items: choices(ids('s', 5)) },
    key: { type: 'ordering', order: ids('s', 5) },
    respond: (r) => ({ type: 'ordering', order: r() < 0.3 ? ids('s', 5) : shuffle(ids('s', 5), r) }),
  },
];

/** `count` attempts of `itemsPerAttempt` mixed items over 5 sections, 5 % unanswered. */
export function syntheticAttempts(count: number, itemsPerAttempt: number, seed = 20240601): GradeAttemptInput[] {
  const random = seeded(seed);
  return Array.from({ length: count }, () => ({
    passMark: 70,
    multipleResponsePolicy: 'partial-with-penalty',
    labTasks: [{ taskId: 'deploy', title: 'Deploy', weight: 5, points: Math.floor(random() * 5), maxPoints: 4 }],
    items: Array.from({ length: itemsPerAttempt }, (_, i) => {
      const question = QUESTIONS[i % QUESTIONS.length]!;
      return {
        id: String(i + 1),
        sectionKey: `${1 + (i % 5)}.${1 + (i % 3)}`,
        content: question.content,
        key: question.key,
        weight: 1 + (i % 3),
        response: random() < 0.05 ? null : question.respond(random),
      };
    }),
  }));
}
