import { benchParseCourse } from './parse-course.bench.js';

describe('benchParseCourse', () => {
  it('reports medians for the whole course, well under 100 ms', async () => {
    const results = await benchParseCourse();
    expect(results.map((r) => r.unit)).toEqual(['ms', 'ms', 'ms', 'sections']);
    expect(results[3]!.value).toBe(56);
    // Generous bound: CI machines are slower than the target machine.
    expect(results[0]!.value).toBeLessThan(300);
  });
});
