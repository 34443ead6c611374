import { examDrawableSql, keyVisibleToCandidates, practiceVisibleSql, QUESTION_USES } from './item-use.js';

describe('item use: which items a candidate may see', () => {
  it('shows practice and both in practice, never exam-only', () => {
    expect(practiceVisibleSql('q')).toBe("q.use IN ('practice', 'both')");
  });

  it('lets ordinary exams draw exam and both, high-stakes exams exam-only', () => {
    expect(examDrawableSql('q', false)).toBe("q.use IN ('exam', 'both')");
    expect(examDrawableSql('q', true)).toBe("q.use = 'exam'");
  });

  it('shows a key to candidates for every use but exam-only', () => {
    expect(QUESTION_USES.filter(keyVisibleToCandidates)).toEqual(['practice', 'both']);
  });
});
