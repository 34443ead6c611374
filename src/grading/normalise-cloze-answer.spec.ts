import { normaliseClozeAnswer } from './normalise-cloze-answer.js';

describe('normaliseClozeAnswer', () => {
  it('maps full-width letters and hyphen to ASCII (NFKC)', () => {
    expect(normaliseClozeAnswer('ｋｕｂｅ－ｐｒｏｘｙ')).toBe('kube-proxy');
  });

  it('ignores case', () => {
    expect(normaliseClozeAnswer('Kube-Proxy')).toBe('kube-proxy');
  });

  it('collapses and trims whitespace, including the ideographic space', () => {
    expect(normaliseClozeAnswer('  control \t\n plane\u3000')).toBe('control plane');
  });

  it('removes spaces between CJK characters', () => {
    expect(normaliseClozeAnswer('控制 平面')).toBe('控制平面');
  });

  it('removes spaces between CJK and Latin text but keeps them between Latin words', () => {
    expect(normaliseClozeAnswer('使用 kubectl apply 命令')).toBe('使用kubectl apply命令');
  });

  it('drops trailing 。 . , ， and the spaces around them', () => {
    expect(normaliseClozeAnswer('控制平面。')).toBe('控制平面');
    expect(normaliseClozeAnswer('etcd.')).toBe('etcd');
    expect(normaliseClozeAnswer('etcd ,')).toBe('etcd');
    expect(normaliseClozeAnswer('etcd，')).toBe('etcd');
    expect(normaliseClozeAnswer('etcd.。')).toBe('etcd');
  });

  it('keeps inner punctuation such as a version dot', () => {
    expect(normaliseClozeAnswer('v1.29.')).toBe('v1.29');
  });

  it('maps full-width digits and full stop', () => {
    expect(normaliseClozeAnswer('１．２９')).toBe('1.29');
  });

  it('maps half-width katakana to full-width', () => {
    expect(normaliseClozeAnswer('ﾎﾟｯﾄﾞ')).toBe('ポッド');
  });

  it('leaves Korean word spacing alone', () => {
    expect(normaliseClozeAnswer('컨트롤 플레인')).toBe('컨트롤 플레인');
  });

  it('turns punctuation-only input into the empty string', () => {
    expect(normaliseClozeAnswer(' 。 ')).toBe('');
  });
});
