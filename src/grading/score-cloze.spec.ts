import { scoreItem } from './score-item.js';
import { cloze, clozeKey } from './spec-fixtures.js';

// The fixture has 3 blanks: kube-proxy | etcd | 控制平面 or "control plane".
const answer = (...blanks: string[]) => scoreItem(cloze, clozeKey, { type: 'cloze', blanks }, {});

describe('cloze', () => {
  it('gives full marks when every blank matches', () => {
    expect(answer('kube-proxy', 'etcd', 'control plane')).toEqual({
      points: 1,
      maxPoints: 1,
      fraction: 1,
      outcome: 'correct',
      detail: { type: 'cloze', blanks: [true, true, true] },
    });
  });

  it('accepts full-width, upper-case, spaced and punctuated forms', () => {
    // ｋｕｂｅ－ｐｒｏｘｙ → kube-proxy; " ETCD " → etcd; "控制 平面。" → 控制平面: 3/3
    expect(answer('ｋｕｂｅ－ｐｒｏｘｙ', ' ETCD ', '控制 平面。').fraction).toBe(1);
  });

  it('gives 1/3 per blank', () => {
    // blanks 1 and 3 right: 2/3
    const score = answer('kube-proxy', 'redis', '控制平面');
    expect(score.fraction).toBeCloseTo(2 / 3, 12);
    expect(score.outcome).toBe('partial');
    expect(score.detail).toEqual({ type: 'cloze', blanks: [true, false, true] });
  });

  it('counts an empty blank as wrong when others are filled', () => {
    // only blank 2 right: 1/3
    expect(answer('', 'etcd', '').fraction).toBeCloseTo(1 / 3, 12);
  });

  it('treats all blanks empty as unanswered', () => {
    expect(answer('', ' ', '')).toEqual({ points: 0, maxPoints: 1, fraction: 0, outcome: 'unanswered' });
  });

  it('does not let punctuation alone match anything', () => {
    // "。" normalises to "" and never matches: 0/3 right → incorrect
    expect(answer('。', '.', 'x')).toMatchObject({ fraction: 0, outcome: 'incorrect' });
  });

  it('normalises the accepted answers too', () => {
    // key "Kube-Proxy。" and response "kube-proxy" meet at "kube-proxy": 1/1
    const one = { type: 'cloze' as const, stem: 'The {{1}} runs on nodes.', blanks: 1 };
    const score = scoreItem(one, { type: 'cloze', accepted: [['Kube-Proxy。']] }, { type: 'cloze', blanks: ['kube-proxy'] }, {});
    expect(score.fraction).toBe(1);
  });
});
