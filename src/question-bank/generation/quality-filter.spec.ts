import { rejectionReason } from './quality-filter.js';
import type { Candidate } from './types.js';

const base = (over: Partial<Candidate>): Candidate => ({
  rule: 'definition-to-term', sectionKey: '1', sourceSentence: 's', answer: 'etcd', difficulty: 'medium', tags: [],
  content: { type: 'single-choice', stem: '下列哪个组件负责保存集群的全部配置和状态？', options: [
    { id: 'a', text: 'etcd' }, { id: 'b', text: '调度器' }, { id: 'c', text: 'API 服务器' }, { id: 'd', text: '控制器管理器' },
  ] },
  answerKey: { type: 'single-choice', correct: 'a' }, explanation: '原文：“…”', leaks: [], distractors: { found: 3, needed: 3 }, priority: 0,
  ...over,
});

describe('quality filter', () => {
  it('accepts a well-formed item', () => {
    expect(rejectionReason(base({}), 'zh')).toBeNull();
  });

  it('rejects an item whose answer appears in its stem (zh and en)', () => {
    expect(rejectionReason(base({ leaks: [{ text: 'etcd 负责保存什么？', forms: ['etcd'] }] }), 'zh')).toBe('answer-in-stem');
    expect(rejectionReason(base({
      content: { type: 'cloze', stem: 'The {{1}} mode is the default; iptables rules do the forwarding.', blanks: 1 },
      answerKey: { type: 'cloze', accepted: [['iptables']] }, leaks: [{ text: 'The {{1}} mode is the default; iptables rules do the forwarding.', forms: ['iptables'] }], distractors: undefined,
    }), 'en')).toBe('answer-in-stem');
  });

  it('rejects repeated options, whatever their case and spacing', () => {
    expect(rejectionReason(base({ content: { type: 'single-choice', stem: '下列哪个组件负责保存集群的全部配置和状态？', options: [
      { id: 'a', text: 'etcd' }, { id: 'b', text: 'API 服务器' }, { id: 'c', text: 'API服务器。' }, { id: 'd', text: '调度器' },
    ] } }), 'zh')).toBe('duplicate-options');
  });

  it('rejects an item with fewer distractors than it needs', () => {
    expect(rejectionReason(base({ distractors: { found: 2, needed: 3 } }), 'zh')).toBe('too-few-distractors');
  });

  it('rejects stems and options that are too short or too long', () => {
    expect(rejectionReason(base({ content: { type: 'true-false', stem: '对吗？' }, answerKey: { type: 'true-false', correct: true }, distractors: undefined }), 'zh')).toBe('too-short');
    expect(rejectionReason(base({ content: { type: 'cloze', stem: 'A {{1}} runs.', blanks: 1 }, answerKey: { type: 'cloze', accepted: [['Pod']] }, distractors: undefined }), 'en')).toBe('too-short');
    const long = 'This sentence goes on and on '.repeat(20);
    expect(rejectionReason(base({ content: { type: 'true-false', stem: long }, answerKey: { type: 'true-false', correct: true }, distractors: undefined }), 'en')).toBe('too-long');
    expect(rejectionReason(base({ content: { type: 'single-choice', stem: '下列哪个组件负责保存集群的全部配置和状态？', options: [
      { id: 'a', text: 'etcd' }, { id: 'b', text: '调度器'.repeat(30) }, { id: 'c', text: 'API 服务器' }, { id: 'd', text: '控制器管理器' },
    ] } }), 'zh')).toBe('too-long');
  });

  it('rejects what validateQuestion rejects', () => {
    expect(rejectionReason(base({ answerKey: { type: 'single-choice', correct: 'z' } }), 'zh')).toBe('invalid');
  });
});
