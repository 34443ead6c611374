import type { StatementList } from '../material-types.js';
import { listCategory } from './list-category.js';

const list = (intro: string, context = ''): StatementList => ({ sectionKey: '3.1', intro, context, items: ['甲负责调度', '乙负责存储'], numbered: false, procedure: false });

describe('listCategory', () => {
  it('names no category for a list with no intro (a list right under its heading), in either language', () => {
    expect(listCategory(list(''), 'zh')).toBeNull();
    expect(listCategory(list(''), 'en')).toBeNull();
    expect(listCategory(list('：'), 'zh')).toBeNull();
  });

  it('still reads the category of a real intro', () => {
    expect(listCategory(list('只在单机上运行容器有以下痛点：'), 'zh')).toMatchObject({ zh: '只在单机上运行容器的痛点' });
    expect(listCategory(list('Stateless services have these traits:'), 'en')).toMatchObject({ en: 'traits of stateless services' });
  });
});
