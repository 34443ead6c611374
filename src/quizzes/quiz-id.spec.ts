import { AppException } from '../common/errors/app.exception.js';
import { encodeCursor } from '../common/pagination/page.js';
import { quizListPosition } from './quiz-id.js';

/** The field the 422 blames, or the error itself if it is not a validation error. */
function blamed(read: () => unknown): unknown {
  try {
    read();
  } catch (error) {
    return error instanceof AppException && error.code === 'validation-failed' ? error.extensions.errors?.map((e) => e.path) : error;
  }
  return 'accepted';
}

describe('quizListPosition', () => {
  const course = '0b7c6f1e-8a41-4d8e-9a55-0c7d2a8f4e11';

  it('reads back the section key a page of this course ended on', () => {
    expect(quizListPosition(undefined, course)).toBeUndefined();
    expect(quizListPosition(encodeCursor({ sort: '3.1', id: course }), course)).toBe('3.1');
  });

  it("refuses another course's cursor and sort values that are not section keys", () => {
    const other = '9f0e8d7c-6b5a-4c3d-8e2f-1a0b9c8d7e6f';
    expect(blamed(() => quizListPosition(encodeCursor({ sort: '3.1', id: other }), course))).toEqual(['cursor']);
    expect(blamed(() => quizListPosition(encodeCursor({ sort: "3' OR 1=1", id: course }), course))).toEqual(['cursor']);
    expect(blamed(() => quizListPosition('not-a-cursor', course))).toEqual(['cursor']);
  });
});
