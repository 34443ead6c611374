import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { toMoodleXml } from './moodle-xml-export.js';
import type { ExchangeQuestion } from './types.js';
import { loadSampleQuestions } from '../../../test/fixtures/interchange/load-fixtures.js';

interface XmlText {
  text: string;
}
interface XmlAnswer {
  '@_fraction': string;
  text: string;
}
interface XmlQuestion {
  '@_type': string;
  name: XmlText;
  questiontext: XmlText & { '@_format': string };
  generalfeedback: XmlText;
  idnumber: string;
  single?: string;
  shuffleanswers?: string;
  answer?: XmlAnswer[];
  subquestion?: { text: string; answer: XmlText[] }[];
  tags?: { tag: XmlText[] };
  category?: XmlText;
}

const parser = new XMLParser({
  ignoreAttributes: false,
  parseTagValue: false,
  trimValues: false,
  isArray: (name) => ['question', 'answer', 'subquestion', 'tag'].includes(name),
});
const parse = (xml: string): XmlQuestion[] => (parser.parse(xml) as { quiz: { question: XmlQuestion[] } }).quiz.question;

const sample = loadSampleQuestions();
const one = (id: string): ExchangeQuestion => sample.find((q) => q.id === id) as ExchangeQuestion;
const only = (id: string, orderingAs?: 'ordering' | 'matching'): XmlQuestion => parse(toMoodleXml([one(id)], { orderingAs }))[0];

describe('toMoodleXml', () => {
  const xml = toMoodleXml(sample);
  const questions = parse(xml);

  it('writes well-formed XML with one <question> per question', () => {
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<quiz>\n')).toBe(true);
    expect(questions).toHaveLength(sample.length);
    expect(questions.map((q) => q['@_type'])).toEqual([
      'multichoice', 'multichoice', 'multichoice', 'multichoice', 'truefalse', 'truefalse',
      'shortanswer', 'shortanswer', 'shortanswer', 'cloze', 'cloze', 'matching', 'matching', 'matching', 'matching',
      'ordering', 'ordering', 'shortanswer', 'truefalse',
    ]);
  });

  it('keeps names, ids, HTML question texts, general feedback and tags', () => {
    questions.forEach((q, i) => {
      expect(q.name.text).toBe(sample[i].title);
      expect(q.idnumber).toBe(sample[i].id);
      expect(q.questiontext['@_format']).toBe('html');
      expect(q.questiontext.text.startsWith('<p>')).toBe(true);
      expect(q.generalfeedback.text).toBe(sample[i].explanation ? `<p>${sample[i].explanation.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\n/g, '<br>')}</p>` : '');
      expect(q.tags?.tag.map((t) => t.text) ?? []).toEqual(sample[i].tags);
    });
    expect(questions[4].questiontext.text).toBe('<p>etcd stores the cluster state.<br>It is a key-value store: {key} = value.<br>// this line is not a comment</p>');
    expect(only('k8s-3.1-scheduler-role').answer?.[5].text).toBe('<p>[html]&lt;b&gt;etcd&lt;/b&gt;</p>');
  });

  it('writes single choice with <single>true</single> and fractions 100 / 0', () => {
    const q = only('3f1c2a9e-5b7d-4c1e-9a2b-0c3d4e5f6a7b');
    expect(q.single).toBe('true');
    expect(q.shuffleanswers).toBe('true');
    expect(q.answer?.map((a) => [a['@_fraction'], a.text])).toEqual([['0', '<p>kubelet；节点代理</p>'], ['100', '<p>kube-scheduler：调度器</p>'], ['0', '<p>“etcd”——键值存储</p>']]);
  });

  it('writes multiple response with <single>false</single>, right fractions summing to 100 and negative wrong ones', () => {
    const q = only('k8s-2-node-components');
    expect(q.single).toBe('false');
    const fractions = (q.answer ?? []).map((a) => Number(a['@_fraction']));
    expect(fractions).toEqual([33.33333, -100, 33.33333, -100, 33.33333]);
    expect(fractions.filter((f) => f > 0).reduce((a, b) => a + b, 0)).toBeCloseTo(100, 3);
  });

  it('writes true-false with a true and a false answer', () => {
    expect(only('k8s-1-pod-tf-zh').answer?.map((a) => [a.text, a['@_fraction']])).toEqual([['true', '0'], ['false', '100']]);
    expect(only('k8s-1-etcd-tf').answer?.map((a) => [a.text, a['@_fraction']])).toEqual([['true', '100'], ['false', '0']]);
  });

  it('writes a one-blank cloze as shortanswer with every accepted answer', () => {
    const q = only('k8s-1-why-cloze');
    expect(q.questiontext.text).toBe('<p>Kubernetes aims to make deploying _____ applications simple and efficient.</p>');
    expect(q.answer?.map((a) => [a.text, a['@_fraction']])).toEqual([['containerized', '100'], ['containerised', '100'], ['container', '100']]);
    expect(only('k8s-4-etcd-start-cloze').answer?.map((a) => a.text)).toEqual(['etcd', '%etcd%', 'a=b {c} ~d #e :f']);
  });

  it('writes a multi-blank cloze in Moodle multianswer syntax, escaping } # ~ / " \\', () => {
    expect(only('k8s-1-history-cloze').questiontext.text).toBe(
      '<p>Kubernetes 以 Google 内部的大规模集群管理系统 {1:SHORTANSWER:=Borg~=博格} 为原型，后来捐赠给了 {1:SHORTANSWER:=CNCF~=Cloud Native Computing Foundation~=云原生计算基金会}（云原生计算基金会）。</p>',
    );
    expect(only('k8s-5-multi-cloze').questiontext.text).toBe(
      '<p>A {1:SHORTANSWER:=Pod} groups containers;<br>a {1:SHORTANSWER:=Service~=svc {x\\}} exposes them; a {1:SHORTANSWER:=ReplicaSet~=a=b\\#c} keeps N replicas.</p>',
    );
    expect(only('k8s-5-multi-cloze').answer).toBeUndefined();
  });

  it('writes matching subquestions, a distractor as a subquestion without text', () => {
    const q = only('k8s-1-basic-terms');
    expect(q.subquestion?.map((s) => [s.text, s.answer[0].text])).toEqual([
      ['<p>Pod</p>', 'The smallest deployable unit {1+ containers}'],
      ['<p>Node</p>', 'A machine that runs Pods'],
      ['<p>Control plane</p>', 'Makes global decisions = scheduling'],
      ['<p>Worker</p>', 'A machine that runs Pods'],
      ['', 'A registry that stores images'],
    ]);
    expect(only('k8s-2-arrow-prompts').subquestion?.[0].text).toBe('<p>client -&gt; Service</p>');
  });

  it('writes ordering as qtype_ordering with items in the right order, or as matching of positions', () => {
    const q = only('k8s-1.1-history-order');
    expect(q.answer?.map((a) => [a['@_fraction'], a.text])).toEqual([
      ['1', '<p>Google runs Borg: internal clusters</p>'],
      ['2', '<p>Google open-sources Kubernetes</p>'],
      ['3', '<p>Kubernetes 1.0 is released -&gt; donated to the CNCF</p>'],
      ['4', '<p>Kubernetes graduates {first project}</p>'],
    ]);
    expect(toMoodleXml([one('k8s-1.1-history-order')])).toContain('<gradingtype>ABSOLUTE_POSITION</gradingtype>');
    const asMatching = only('k8s-3-pod-start-order-zh', 'matching');
    expect(asMatching['@_type']).toBe('matching');
    expect(asMatching.subquestion?.map((s) => [s.text, s.answer[0].text])).toEqual([
      ['<p>第 1 位</p>', 'API Server 写入 etcd'],
      ['<p>第 2 位</p>', '调度器绑定节点'],
      ['<p>第 3 位</p>', 'kubelet 启动容器'],
    ]);
  });

  it('writes a category pseudo-question whenever the section changes', () => {
    const withCategories = parse(toMoodleXml(sample.slice(0, 4), { category: '$course$/kubequiz' }));
    expect(withCategories.map((q) => q['@_type'])).toEqual(['category', 'multichoice', 'multichoice', 'category', 'multichoice', 'multichoice']);
    expect(withCategories[0].category?.text).toBe('$course$/kubequiz/3.1');
  });

  it('escapes markup and a "]]>" inside CDATA', () => {
    const q = { ...one('k8s-1-etcd-tf'), title: 'a <b> & "c"', content: { type: 'true-false' as const, stem: 'x ]]> y <script>' } };
    const out = toMoodleXml([q]);
    expect(XMLValidator.validate(out)).toBe(true);
    const parsed = parse(out)[0];
    expect(parsed.name.text).toBe('a <b> & "c"');
    expect(parsed.questiontext.text).toBe('<p>x ]]&gt; y &lt;script&gt;</p>');
  });
});
