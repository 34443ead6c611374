import { cloze, matching, multipleResponse, ordering, singleChoice, trueFalse } from './spec-fixtures.js';
import { MAX_CLOZE_ANSWER_LENGTH, validateResponse } from './validate-response.js';

describe('validateResponse', () => {
  it('accepts null (no answer)', () => {
    expect(validateResponse(singleChoice, null)).toEqual([]);
  });

  it('rejects a non-object', () => {
    expect(validateResponse(singleChoice, 'b')).toEqual(['response must be an object or null']);
    expect(validateResponse(singleChoice, ['b'])).toEqual(['response must be an object or null']);
  });

  it('rejects a response of another type', () => {
    expect(validateResponse(singleChoice, { type: 'true-false', value: true })).toEqual(['response.type must be "single-choice"']);
  });

  describe('single-choice', () => {
    it('accepts a known option', () => {
      expect(validateResponse(singleChoice, { type: 'single-choice', choice: 'c' })).toEqual([]);
    });
    it('rejects an unknown option', () => {
      expect(validateResponse(singleChoice, { type: 'single-choice', choice: 'z' })).toEqual(['choice: "z" is not an option of this question']);
    });
    it('rejects a missing choice', () => {
      expect(validateResponse(singleChoice, { type: 'single-choice' })).toEqual(['choice must be an option id']);
    });
  });

  describe('multiple-response', () => {
    it('accepts known distinct options and the cleared (empty) selection', () => {
      expect(validateResponse(multipleResponse, { type: 'multiple-response', choices: ['a', 'e'] })).toEqual([]);
      expect(validateResponse(multipleResponse, { type: 'multiple-response', choices: [] })).toEqual([]);
    });
    it('reports unknown and repeated options', () => {
      expect(validateResponse(multipleResponse, { type: 'multiple-response', choices: ['a', 'x', 'a'] })).toEqual([
        'choices: "x" is not an option of this question',
        'choices: "a" is listed more than once',
      ]);
    });
    it('rejects a non-list', () => {
      expect(validateResponse(multipleResponse, { type: 'multiple-response', choices: 'a' })).toEqual(['choices must be a list of strings']);
      expect(validateResponse(multipleResponse, { type: 'multiple-response', choices: [1] })).toEqual(['choices must be a list of strings']);
    });
  });

  describe('true-false', () => {
    it('accepts a boolean and rejects anything else', () => {
      expect(validateResponse(trueFalse, { type: 'true-false', value: false })).toEqual([]);
      expect(validateResponse(trueFalse, { type: 'true-false', value: 'true' })).toEqual(['value must be true or false']);
    });
  });

  describe('cloze', () => {
    it('accepts one string per blank, blank ones included', () => {
      expect(validateResponse(cloze, { type: 'cloze', blanks: ['kube-proxy', '', '  '] })).toEqual([]);
    });
    it('rejects the wrong number of blanks', () => {
      expect(validateResponse(cloze, { type: 'cloze', blanks: ['a', 'b'] })).toEqual(['blanks must hold exactly 3 answer(s), one per blank']);
    });
    it('rejects an over-long answer', () => {
      const long = 'x'.repeat(MAX_CLOZE_ANSWER_LENGTH + 1);
      expect(validateResponse(cloze, { type: 'cloze', blanks: ['a', long, 'c'] })).toEqual([`blanks[1] is longer than ${MAX_CLOZE_ANSWER_LENGTH} characters`]);
    });
  });

  describe('matching', () => {
    it('accepts a partial set of pairs, a choice used twice, and no pairs at all', () => {
      expect(validateResponse(matching, { type: 'matching', pairs: { p1: 'c5', p2: 'c5' } })).toEqual([]);
      expect(validateResponse(matching, { type: 'matching', pairs: {} })).toEqual([]);
    });
    it('reports unknown prompts and choices', () => {
      expect(validateResponse(matching, { type: 'matching', pairs: { p9: 'c1', p1: 'c9' } })).toEqual([
        'pairs: "p9" is not a prompt of this question',
        'pairs.p1: "c9" is not a choice of this question',
      ]);
    });
    it('rejects pairs that are not an object', () => {
      expect(validateResponse(matching, { type: 'matching', pairs: [['p1', 'c1']] })).toEqual(['pairs must be an object mapping prompt ids to choice ids']);
    });
  });

  describe('ordering', () => {
    it('accepts a permutation of all items and the cleared (empty) order', () => {
      expect(validateResponse(ordering, { type: 'ordering', order: ['e', 'd', 'c', 'b', 'a'] })).toEqual([]);
      expect(validateResponse(ordering, { type: 'ordering', order: [] })).toEqual([]);
    });
    it('rejects a partial order', () => {
      expect(validateResponse(ordering, { type: 'ordering', order: ['a', 'b'] })).toEqual(['order must list all 5 items exactly once']);
    });
    it('reports unknown and repeated items', () => {
      expect(validateResponse(ordering, { type: 'ordering', order: ['a', 'a', 'b', 'c', 'x'] })).toEqual([
        'order: "a" is listed more than once',
        'order: "x" is not an item of this question',
      ]);
    });
  });
});
