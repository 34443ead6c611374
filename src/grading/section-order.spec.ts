import { compareSectionKeys, sortSectionKeys } from './section-order.js';

describe('compareSectionKeys', () => {
  it('orders dotted keys numerically part by part', () => {
    expect(['2', '1.10', '1', '1.2', '10', '1.2.1'].sort(compareSectionKeys)).toEqual(['1', '1.2', '1.2.1', '1.10', '2', '10']);
  });

  it('falls back to code-unit order for non-numeric parts', () => {
    expect(['b', 'a.2', 'a.10', 'A'].sort(compareSectionKeys)).toEqual(['A', 'a.2', 'a.10', 'b']);
  });

  it('sortSectionKeys gives the same order', () => {
    expect(sortSectionKeys(new Set(['2', '1.10', '1', '1.2']))).toEqual(['1', '1.2', '1.10', '2']);
  });
});
