import { splitSentences } from './sentences.js';

describe('splitSentences', () => {
  it('splits Chinese on 。！？； and keeps closing quotes', () => {
    expect(splitSentences('调度器负责选择节点。它分两个阶段！真的吗？是的；“结束。”下一句', 'zh')).toEqual([
      '调度器负责选择节点。', '它分两个阶段！', '真的吗？', '是的；', '“结束。”', '下一句',
    ]);
  });

  it('does not split Chinese on operators or version numbers', () => {
    expect(splitSentences('使用不等于（!=），例如 v1.28 版本。下一句。', 'zh')).toEqual(['使用不等于（!=），例如 v1.28 版本。', '下一句。']);
  });

  it('splits English on . ! ? but not after e.g., decimals, versions or kube-proxy', () => {
    const text = 'Use a runtime, e.g. containerd. Version 1.28.2 removed it! Is kube-proxy needed? It costs 2.5 ms i.e. little. Done';
    expect(splitSentences(text, 'en')).toEqual([
      'Use a runtime, e.g. containerd.', 'Version 1.28.2 removed it!', 'Is kube-proxy needed?', 'It costs 2.5 ms i.e. little.', 'Done',
    ]);
  });

  it('treats each line as its own block and drops list markers and emphasis', () => {
    expect(splitSentences('Intro line\n- **Node controller**: notices failures.\n2. Second item', 'en')).toEqual([
      'Intro line', 'Node controller: notices failures.', 'Second item',
    ]);
  });
});
