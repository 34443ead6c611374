import { benchParseCourse } from './parse-course.bench.js';

describe('benchParseCourse', () => {
  it('reports medians for the whole course', async () => {
    const results = await benchParseCourse();
    expect(results.map((r) => r.unit)).toEqual(['ms', 'ms', 'ms', 'sections']);
    expect(results[3]!.value).toBe(56);
    // Speed is judged in `npm run bench`, not here: a timed assertion fails on a busy machine.
    expect(results[0]!.value).toBeGreaterThan(0);
  });
});
