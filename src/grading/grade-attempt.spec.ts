import { gradeAttempt, type AttemptItemInput, type LabTaskInput } from './grade-attempt.js';
import { cloze, clozeKey, multipleResponse, multipleResponseKey, singleChoice, singleChoiceKey, trueFalse, trueFalseKey } from './spec-fixtures.js';

// Section "1.2": q1 single-choice right (weight 2 → 2/2), q2 MR one hit (weight 1).
// Section "1.10": q3 cloze 2 of 3 blanks (weight 3 → 2/3 × 3 = 2 of 3).
// Section "2": q4 true-false wrong (0/1), q5 unanswered (0/1).
const items: AttemptItemInput[] = [
  { id: 'q1', sectionKey: '1.2', content: singleChoice, key: singleChoiceKey, weight: 2, response: { type: 'single-choice', choice: 'b' } },
  { id: 'q2', sectionKey: '1.2', content: multipleResponse, key: multipleResponseKey, response: { type: 'multiple-response', choices: ['a'] } },
  { id: 'q3', sectionKey: '1.10', content: cloze, key: clozeKey, weight: 3, response: { type: 'cloze', blanks: ['kube-proxy', 'etcd', 'scheduler'] } },
  { id: 'q4', sectionKey: '2', content: trueFalse, key: trueFalseKey, response: { type: 'true-false', value: false } },
  { id: 'q5', sectionKey: '2', content: trueFalse, key: trueFalseKey, response: null },
];
// Lab 1: 3 of 4 checks, worth 4 → 0.75 × 4 = 3 of 4. Lab 2: no checks, worth 2 → 0 of 2.
const labTasks: LabTaskInput[] = [
  { taskId: 'deploy', title: 'Deploy three replicas', weight: 4, points: 3, maxPoints: 4 },
  { taskId: 'empty', title: 'A task without checks', weight: 2, points: 0, maxPoints: 0 },
];

describe('gradeAttempt', () => {
  it('totals items and labs by weight (partial multiple-response policy)', () => {
    // q2 under partial: (1 + 3)/5 = 0.8 of 1
    // points = 2 + 0.8 + 2 + 0 + 0 + 3 + 0 = 7.8; max = 2 + 1 + 3 + 1 + 1 + 4 + 2 = 14
    // percentage = 100 × 7.8 / 14 = 55.714… → 55.71
    const result = gradeAttempt({ items, labTasks, passMark: 55, multipleResponsePolicy: 'partial' });
    expect(result.points).toBeCloseTo(7.8, 10);
    expect(result.maxPoints).toBe(14);
    expect(result.percentage).toBe(55.71);
    expect(result.passed).toBe(true);
    expect(result.passMark).toBe(55);
  });

  it('breaks the score down per section, in section-key order', () => {
    // "1.2": (2 + 0.8) / (2 + 1) = 93.333… → 93.33, 2 items
    // "1.10": 2 / 3 = 66.666… → 66.67, 1 item
    // "2": 0 / 2 = 0, 2 items
    const { sections } = gradeAttempt({ items, labTasks, passMark: 50, multipleResponsePolicy: 'partial' });
    expect(sections.map((s) => s.sectionKey)).toEqual(['1.2', '1.10', '2']);
    expect(sections[0]).toEqual({ sectionKey: '1.2', points: 2.8, maxPoints: 3, percentage: 93.33, items: 2 });
    expect(sections[1]).toEqual({ sectionKey: '1.10', points: 2, maxPoints: 3, percentage: 66.67, items: 1 });
    expect(sections[2]).toEqual({ sectionKey: '2', points: 0, maxPoints: 2, percentage: 0, items: 2 });
  });

  it('applies the multiple-response policy to every item', () => {
    // q2 under all-or-nothing: 0 of 1; points = 7.8 − 0.8 = 7; 100 × 7 / 14 = 50
    const result = gradeAttempt({ items, labTasks, passMark: 50, multipleResponsePolicy: 'all-or-nothing' });
    expect(result.percentage).toBe(50);
    expect(result.passed).toBe(true);
  });

  it('fails an attempt just under the pass mark', () => {
    // 55.71 < 55.72
    expect(gradeAttempt({ items, labTasks, passMark: 55.72, multipleResponsePolicy: 'partial' }).passed).toBe(false);
  });

  it('reports per-item scores in input order with their section', () => {
    const result = gradeAttempt({ items, labTasks, passMark: 50 });
    expect(result.items.map((i) => [i.id, i.sectionKey, i.outcome])).toEqual([
      ['q1', '1.2', 'correct'],
      ['q2', '1.2', 'partial'],
      ['q3', '1.10', 'partial'],
      ['q4', '2', 'incorrect'],
      ['q5', '2', 'unanswered'],
    ]);
  });

  it('reports lab tasks scaled to their weight', () => {
    const [deploy, empty] = gradeAttempt({ items, labTasks, passMark: 50 }).labTasks;
    // 3/4 of the checks × weight 4 = 3
    expect(deploy).toEqual({ taskId: 'deploy', title: 'Deploy three replicas', weight: 4, checkPoints: 3, checkMaxPoints: 4, fraction: 0.75, points: 3, maxPoints: 4, outcome: 'partial' });
    // no checks → fraction 0, still worth its weight in the maximum
    expect(empty).toMatchObject({ fraction: 0, points: 0, maxPoints: 2, outcome: 'incorrect' });
  });

  it('clamps lab check points to 0..maxPoints', () => {
    // 7 of 5 checks → 5/5 × weight 1 = 1
    const result = gradeAttempt({ items: [], labTasks: [{ taskId: 't', title: 'T', weight: 1, points: 7, maxPoints: 5 }], passMark: 100 });
    expect(result).toMatchObject({ points: 1, maxPoints: 1, percentage: 100, passed: true });
  });

  it('judges the pass on the rounded percentage', () => {
    // 100 × 13999 / 20000 = 69.995 → 70.00, which meets a pass mark of 70
    const result = gradeAttempt({
      items: [
        { id: 'a', sectionKey: '1', content: trueFalse, key: trueFalseKey, weight: 13999, response: { type: 'true-false', value: true } },
        { id: 'b', sectionKey: '1', content: trueFalse, key: trueFalseKey, weight: 6001, response: { type: 'true-false', value: false } },
      ],
      passMark: 70,
    });
    expect(result.percentage).toBe(70);
    expect(result.passed).toBe(true);
  });

  it('scores an attempt worth nothing as 0 %', () => {
    const result = gradeAttempt({ items: [], passMark: 60 });
    expect(result).toEqual({ points: 0, maxPoints: 0, percentage: 0, passMark: 60, passed: false, sections: [], items: [], labTasks: [] });
  });

  it('removes float noise from reported points', () => {
    // three weight-0.1 items right: 0.1 + 0.1 + 0.1 = 0.30000000000000004 in floating point → 0.3
    const right = { sectionKey: '1', content: trueFalse, key: trueFalseKey, weight: 0.1, response: { type: 'true-false' as const, value: true } };
    const result = gradeAttempt({ items: [{ id: 'a', ...right }, { id: 'b', ...right }, { id: 'c', ...right }], passMark: 100 });
    expect(result.points).toBe(0.3);
    expect(result.sections[0]!.points).toBe(0.3);
    expect(result.percentage).toBe(100);
  });

  it('rejects a pass mark outside 0..100', () => {
    expect(() => gradeAttempt({ items: [], passMark: 101 })).toThrow(RangeError);
    expect(() => gradeAttempt({ items: [], passMark: -1 })).toThrow(RangeError);
  });

  it('rejects a negative lab weight', () => {
    expect(() => gradeAttempt({ items: [], labTasks: [{ taskId: 't', title: 'T', weight: -1, points: 0, maxPoints: 1 }], passMark: 50 })).toThrow(RangeError);
  });

  it('is deterministic: the same input gives the same result', () => {
    const input = { items, labTasks, passMark: 50 };
    expect(gradeAttempt(input)).toEqual(gradeAttempt(input));
  });
});
