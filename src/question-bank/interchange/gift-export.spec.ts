import { toGift } from './gift-export.js';
import { parseGift } from './gift-import.js';
import { META_PREFIX } from './gift-metadata.js';
import type { ExchangeQuestion } from './types.js';
import { loadSampleQuestions } from '../../../test/fixtures/interchange/load-fixtures.js';

const sample = loadSampleQuestions();
const one = (id: string): ExchangeQuestion => sample.find((q) => q.id === id) as ExchangeQuestion;
/** The GIFT body of a single question, without its metadata comment. */
const body = (q: ExchangeQuestion): string => toGift([q]).split('\n').slice(1).join('\n').trim();

describe('toGift', () => {
  it('writes single choice with =right and ~wrong, a ::title:: and ####general feedback', () => {
    expect(body(one('3f1c2a9e-5b7d-4c1e-9a2b-0c3d4e5f6a7b'))).toBe(
      '::3.1 调度器：职责::以下哪个组件负责为 Pod 选择节点？（单选）{\n\t~kubelet；节点代理\n\t=kube-scheduler：调度器\n\t~“etcd”——键值存储\n\t####调度器（kube-scheduler）根据资源请求、亲和性等条件为 Pod 选择节点。\n}',
    );
  });

  it('escapes ~ = # { } : and backslashes, and writes line breaks as \\n', () => {
    const text = body(one('k8s-3.1-scheduler-role'));
    expect(text).toContain('Pods whose \\{spec.nodeName\\} is empty');
    expect(text).toContain('(Hint\\: 50% \\= half \\~ \\#1){');
    expect(text).toContain('\t~a \\= b \\~ c \\# d\n');
    expect(text).toContain('\t~C\\:\\\\path\\\\to\\\\kubelet \\\\n not a newline\n');
    expect(text).toContain('spec.nodeName.\\nSee also\\: kubectl');
    // A leading %n% would be read as a weight, a leading [html] as a format marker.
    expect(text).toContain('\t~%0%%50% of nodes\n');
    expect(text).toContain('\t~[moodle][html]<b>etcd</b>\n');
    expect(body(one('k8s-7-special-title'))).toMatch(/^::7 Title \\:\\: with \\\{braces\\\} \\= \\~ \\#::\[moodle\]\[markdown\]/);
  });

  it('weights multiple answers: the right ones share 100 %, the wrong ones cost 100 %', () => {
    const lines = body(one('k8s-2-node-components')).split('\n').filter((l) => l.startsWith('\t~'));
    const weights = lines.map((l) => Number(/^\t~%(-?[\d.]+)%/.exec(l)?.[1]));
    expect(weights).toEqual([33.33333, -100, 33.33333, -100, 33.33333]);
    expect(weights.filter((w) => w > 0).reduce((a, b) => a + b, 0)).toBeCloseTo(100, 3);
    expect(body(one('k8s-2-cp-components-zh'))).toContain('\t~%50%etcd\n\t~%50%kube-controller-manager\n\t~%-100%kubelet\n');
  });

  it('writes true-false as {T} or {F}', () => {
    expect(body(one('k8s-1-pod-tf-zh'))).toBe('::1 Pod 是最小单元::容器是 Kubernetes 中可以创建和部署的最小单元。{F####错误：最小单元是 Pod，一个 Pod 可以包含多个容器。}');
    expect(body({ ...one('k8s-1-pod-tf-zh'), explanation: '', answerKey: { type: 'true-false', correct: true } })).toMatch(/\{T\}$/);
  });

  it('embeds a one-blank cloze as a short answer where the blank is, with every accepted answer', () => {
    expect(body(one('k8s-1-why-cloze'))).toBe(
      '::1 Why Kubernetes::Kubernetes aims to make deploying {=containerized =containerised =container####Kubernetes manages applications packaged as container images.} applications simple and efficient.',
    );
    expect(body(one('k8s-4-port-cloze-zh'))).toBe('::4 API 端口::kube-apiserver 默认的安全端口是{=6443####默认安全端口为 6443。}');
  });

  it('writes a multi-blank cloze as a short answer of the first blank, later blanks left as {{n}}', () => {
    expect(body(one('k8s-5-multi-cloze'))).toBe('::5 Three blanks::A {=Pod####Pods, Services and ReplicaSets.} groups containers;\\na \\{\\{2\\}\\} exposes them; a \\{\\{3\\}\\} keeps N replicas.');
  });

  it('writes matching as =prompt -> choice, leaving distractors to the metadata', () => {
    const q = one('k8s-1-basic-terms');
    expect(body(q)).toContain('{\n\t=Pod -> The smallest deployable unit \\{1+ containers\\}\n\t=Node -> A machine that runs Pods\n\t=Control plane -> Makes global decisions \\= scheduling\n\t=Worker -> A machine that runs Pods\n');
    expect(body(q)).not.toContain('stores images');
    expect(toGift([q])).toContain('"texts":{"choices":{"d":"A registry that stores images"}}');
  });

  it('writes ordering as matching of positions to items in the right order', () => {
    expect(body(one('k8s-1.1-history-order'))).toContain(
      '{\n\t=Position 1 -> Google runs Borg\\: internal clusters\n\t=Position 2 -> Google open-sources Kubernetes\n\t=Position 3 -> Kubernetes 1.0 is released -> donated to the CNCF\n\t=Position 4 -> Kubernetes graduates \\{first project\\}\n',
    );
    expect(body(one('k8s-3-pod-start-order-zh'))).toContain('\t=第 1 位 -> API Server 写入 etcd\n');
  });

  it('falls back to a description question when GIFT cannot show the question', () => {
    expect(body(one('k8s-2-two-pairs'))).toBe('::2 Two pairs::Match the objects.');
    expect(body(one('k8s-2-arrow-prompts'))).toBe('::2 Traffic paths::Match each path with what it describes.');
    expect(body(one('k8s-6-arrow-cloze'))).toBe('::6 Arrow answer::The request path is client \\{\\{1\\}\\} Pod.');
  });

  it('precedes every question with a one-line kubequiz metadata comment', () => {
    const lines = toGift(sample).split('\n');
    const metas = lines.filter((l) => l.startsWith(META_PREFIX));
    expect(metas).toHaveLength(sample.length);
    metas.forEach((line, i) => {
      const meta = JSON.parse(line.slice(META_PREFIX.length));
      expect(meta).toMatchObject({ v: 1, id: sample[i].id, type: sample[i].content.type, language: sample[i].language, key: sample[i].answerKey });
      expect(lines[lines.indexOf(line) + 1]).toMatch(/^::/);
    });
  });

  it('writes a $CATEGORY line, followed by a blank line, whenever the section changes', () => {
    const gift = toGift(sample.slice(0, 4), { category: 'kubequiz' });
    expect(gift.match(/^\$CATEGORY: .*$/gm)).toEqual(['$CATEGORY: kubequiz/3.1', '$CATEGORY: kubequiz/2']);
    expect(gift).toMatch(/^\$CATEGORY: kubequiz\/3\.1\n\n\/\/ kubequiz:/);
    expect(toGift([one('k8s-1-etcd-tf')], { category: 'kubequiz' })).toMatch(/^\$CATEGORY: kubequiz\n\n/);
  });

  it('separates questions by one blank line and keeps Moodle-readable bodies without the metadata', () => {
    expect(toGift([])).toBe('');
    const stripped = toGift(sample)
      .split('\n')
      .filter((l) => !l.startsWith('//'))
      .join('\n');
    const { questions, errors } = parseGift(stripped);
    // Without metadata: ordering reads as matching, multi-blank cloze and description fallbacks do not import.
    expect(errors.map((e) => e.message)).toEqual([
      expect.stringContaining('"1 历史"'),
      expect.stringContaining('"5 Three blanks"'),
      expect.stringContaining('"2 Two pairs": no answer block'),
      expect.stringContaining('"2 Traffic paths": no answer block'),
      expect.stringContaining('"6 Arrow answer": no answer block'),
    ]);
    expect(questions.map((q) => q.content.type)).toEqual([
      'single-choice', 'single-choice', 'multiple-response', 'multiple-response', 'true-false', 'true-false',
      'cloze', 'cloze', 'cloze', 'matching', 'matching', 'matching', 'matching', 'true-false',
    ]);
  });
});
