import { AppException } from '../common/errors/app.exception.js';
import { decodeCursor } from '../common/pagination/page.js';

const SECTION_KEY = /^\d{1,3}(?:\.\d{1,3}){0,5}$/;
const QUIZ_ID = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})~(\d{1,3}(?:\.\d{1,3}){0,5})$/i;

/**
 * A practice quiz is a view over the approved questions of one section (with its
 * subsections) of a course, so its id is just `<courseId>~<sectionKey>`: stable, readable,
 * and nothing to keep in sync.
 */
export function quizId(courseId: string, sectionKey: string): string {
  return `${courseId}~${sectionKey}`;
}

export function parseQuizId(id: string): { courseId: string; sectionKey: string } {
  const match = QUIZ_ID.exec(id);
  if (!match) throw new AppException('not-found', `"${id.slice(0, 80)}" is not a quiz id (<courseId>~<sectionKey>)`);
  return { courseId: match[1]!.toLowerCase(), sectionKey: match[2]! };
}

/** True when `key` is `scope` itself or one of its subsections. */
export function inScope(key: string, scope: string): boolean {
  return key === scope || key.startsWith(`${scope}.`);
}

/** The section key after which a page of a course's quiz list starts; the cursor must be this course's. */
export function quizListPosition(cursor: string | undefined, courseId: string): string | undefined {
  const position = decodeCursor(cursor, 'text');
  if (!position) return undefined;
  if (position.id !== courseId || !SECTION_KEY.test(position.sort)) {
    throw AppException.validation([{ path: 'cursor', message: 'cursor is not a cursor this API issued for this list' }]);
  }
  return position.sort;
}
