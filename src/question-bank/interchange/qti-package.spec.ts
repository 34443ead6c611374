import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { strFromU8, unzipSync } from 'fflate';
import { toQtiItem } from './qti-item.js';
import { toQtiPackage } from './qti-package.js';
import type { ExchangeQuestion } from './types.js';
import { loadSampleQuestions } from '../../../test/fixtures/interchange/load-fixtures.js';

type Node = Record<string, unknown>;
const parser = new XMLParser({
  ignoreAttributes: false,
  parseTagValue: false,
  parseAttributeValue: false,
  isArray: (name) => ['resource', 'responseDeclaration', 'value', 'simpleChoice', 'simpleMatchSet', 'simpleAssociableChoice', 'mapEntry', 'textEntryInteraction', 'mapResponse'].includes(name),
});

const sample = loadSampleQuestions();
const one = (id: string): ExchangeQuestion => sample.find((q) => q.id === id) as ExchangeQuestion;
const item = (q: ExchangeQuestion): Node => (parser.parse(toQtiItem(q)) as { assessmentItem: Node }).assessmentItem;
const declarations = (it: Node): Node[] => it.responseDeclaration as Node[];
const correct = (decl: Node): string[] => (decl.correctResponse as { value: string[] }).value;
const body = (it: Node): Node => it.itemBody as Node;
const attr = (node: unknown, name: string): string => (node as Node)[`@_${name}`] as string;
const ids = (choices: unknown): string[] => (choices as Node[]).map((c) => attr(c, 'identifier'));
const template = (it: Node): string => attr(it.responseProcessing, 'template');

describe('toQtiPackage', () => {
  let files: Record<string, Uint8Array>;
  beforeAll(async () => {
    files = unzipSync(await toQtiPackage(sample));
  });

  it('is a zip with imsmanifest.xml and one item file per question', () => {
    expect(Object.keys(files).sort()).toEqual(['imsmanifest.xml', ...sample.map((q) => `items/${q.id.match(/^[a-z]/) ? q.id : `Q_${q.id}`}.xml`)].sort());
  });

  it('lists every item as an imsqti_item_xmlv2p1 resource in the manifest', () => {
    const text = strFromU8(files['imsmanifest.xml']);
    expect(XMLValidator.validate(text)).toBe(true);
    const manifest = (parser.parse(text) as { manifest: Node }).manifest;
    expect(attr(manifest, 'xmlns')).toBe('http://www.imsglobal.org/xsd/imscp_v1p1');
    expect((manifest.metadata as Node).schema).toBe('QTIv2.1 Package');
    const resources = (manifest.resources as { resource: Node[] }).resource;
    expect(resources).toHaveLength(sample.length);
    for (const resource of resources) {
      expect(attr(resource, 'type')).toBe('imsqti_item_xmlv2p1');
      expect(attr(resource.file, 'href')).toBe(attr(resource, 'href'));
      expect(files[attr(resource, 'href')]).toBeDefined();
    }
  });

  it('writes well-formed assessmentItems in the QTI 2.1 namespace with unique NCName identifiers', () => {
    const identifiers = new Set<string>();
    for (const [name, data] of Object.entries(files)) {
      if (name === 'imsmanifest.xml') continue;
      const text = strFromU8(data);
      expect(XMLValidator.validate(text)).toBe(true);
      const it = (parser.parse(text) as { assessmentItem: Node }).assessmentItem;
      expect(attr(it, 'xmlns')).toBe('http://www.imsglobal.org/xsd/imsqti_v2p1');
      expect(attr(it, 'identifier')).toMatch(/^[A-Za-z_][A-Za-z0-9._-]*$/);
      expect(name).toBe(`items/${attr(it, 'identifier')}.xml`);
      identifiers.add(attr(it, 'identifier'));
    }
    expect(identifiers.size).toBe(sample.length);
    expect(identifiers).toContain('Q_3f1c2a9e-5b7d-4c1e-9a2b-0c3d4e5f6a7b');
  });

  it('is reproducible and renames clashing identifiers', async () => {
    expect(await toQtiPackage(sample)).toEqual(await toQtiPackage(sample));
    const twice = Object.keys(unzipSync(await toQtiPackage([one('k8s-1-etcd-tf'), one('k8s-1-etcd-tf')])));
    expect(twice).toEqual(['imsmanifest.xml', 'items/k8s-1-etcd-tf.xml', 'items/k8s-1-etcd-tf_2.xml']);
  });
});

describe('toQtiItem', () => {
  it('writes single choice as choiceInteraction maxChoices=1 with match_correct', () => {
    const it = item(one('3f1c2a9e-5b7d-4c1e-9a2b-0c3d4e5f6a7b'));
    expect(attr(it, 'xml:lang')).toBe('zh');
    expect(attr(it, 'title')).toBe('3.1 调度器：职责');
    const [decl] = declarations(it);
    expect([attr(decl, 'cardinality'), attr(decl, 'baseType'), correct(decl)]).toEqual(['single', 'identifier', ['b']]);
    const interaction = body(it).choiceInteraction as Node;
    expect(attr(interaction, 'maxChoices')).toBe('1');
    expect(interaction.prompt).toBe('以下哪个组件负责为 Pod 选择节点？（单选）');
    expect(ids(interaction.simpleChoice)).toEqual(['a', 'b', 'c']);
    expect(template(it)).toBe('http://www.imsglobal.org/question/qti_v2p1/rptemplates/match_correct');
    expect((body(it).rubricBlock as Node).p).toContain('调度器');
  });

  it('writes multiple response as choiceInteraction maxChoices=0 and prefixes ids starting with a digit', () => {
    const it = item(one('k8s-2-node-components'));
    const [decl] = declarations(it);
    expect([attr(decl, 'cardinality'), correct(decl)]).toEqual(['multiple', ['c', 'a', 'e']]);
    expect(attr(body(it).choiceInteraction, 'maxChoices')).toBe('0');
    const digits = { ...one('k8s-2-node-components'), content: { type: 'multiple-response' as const, stem: 'Pick.', options: [{ id: '1', text: 'x' }, { id: '2', text: 'y' }, { id: '3', text: 'z' }] }, answerKey: { type: 'multiple-response' as const, correct: ['2'] } };
    expect(ids((body(item(digits)).choiceInteraction as Node).simpleChoice)).toEqual(['O_1', 'O_2', 'O_3']);
    expect(correct(declarations(item(digits))[0])).toEqual(['O_2']);
  });

  it('writes true-false as a two-choice choiceInteraction', () => {
    const it = item(one('k8s-1-pod-tf-zh'));
    const interaction = body(it).choiceInteraction as Node;
    expect(ids(interaction.simpleChoice)).toEqual(['true', 'false']);
    expect((interaction.simpleChoice as Node[]).map((c) => c['#text'])).toEqual(['正确', '错误']);
    expect(correct(declarations(it)[0])).toEqual(['false']);
    expect(template(it)).toMatch(/match_correct$/);
  });

  it('writes a one-blank cloze as a textEntryInteraction with a mapping of accepted answers', () => {
    const it = item(one('k8s-1-why-cloze'));
    const [decl] = declarations(it);
    expect([attr(decl, 'identifier'), attr(decl, 'baseType'), correct(decl)]).toEqual(['RESPONSE', 'string', ['containerized']]);
    const entries = (decl.mapping as { mapEntry: Node[] }).mapEntry;
    expect(entries.map((e) => [attr(e, 'mapKey'), attr(e, 'mappedValue'), attr(e, 'caseSensitive')])).toEqual([
      ['containerized', '1', 'false'],
      ['containerised', '1', 'false'],
      ['container', '1', 'false'],
    ]);
    expect(((body(it).p as Node).textEntryInteraction as Node[]).map((t) => attr(t, 'responseIdentifier'))).toEqual(['RESPONSE']);
    expect(template(it)).toMatch(/map_response$/);
  });

  it('writes one textEntryInteraction per blank of a multi-blank cloze, summing their mappings', () => {
    const it = item(one('k8s-5-multi-cloze'));
    expect(declarations(it).map((d) => [attr(d, 'identifier'), correct(d)])).toEqual([
      ['RESPONSE_1', ['Pod']],
      ['RESPONSE_2', ['Service']],
      ['RESPONSE_3', ['ReplicaSet']],
    ]);
    expect(((body(it).p as Node).textEntryInteraction as Node[]).map((t) => attr(t, 'responseIdentifier'))).toEqual(['RESPONSE_1', 'RESPONSE_2', 'RESPONSE_3']);
    const sum = ((it.responseProcessing as Node).setOutcomeValue as Node).sum as Node;
    expect((sum.mapResponse as Node[]).map((m) => attr(m, 'identifier'))).toEqual(['RESPONSE_1', 'RESPONSE_2', 'RESPONSE_3']);
  });

  it('writes matching as a matchInteraction of directed pairs, distractors included', () => {
    const it = item(one('k8s-1-basic-terms'));
    const [decl] = declarations(it);
    expect([attr(decl, 'cardinality'), attr(decl, 'baseType'), correct(decl)]).toEqual(['multiple', 'directedPair', ['P_p1 C_b', 'P_p2 C_a', 'P_p3 C_c', 'P_p4 C_a']]);
    const interaction = body(it).matchInteraction as Node;
    expect(attr(interaction, 'maxAssociations')).toBe('4');
    const [prompts, choices] = interaction.simpleMatchSet as Node[];
    expect(ids(prompts.simpleAssociableChoice)).toEqual(['P_p1', 'P_p2', 'P_p3', 'P_p4']);
    expect(ids(choices.simpleAssociableChoice)).toEqual(['C_a', 'C_b', 'C_c', 'C_d']);
    expect(template(it)).toMatch(/map_response$/);
  });

  it('writes ordering as an orderInteraction with an ordered correct response', () => {
    const it = item(one('k8s-1.1-history-order'));
    const [decl] = declarations(it);
    expect([attr(decl, 'cardinality'), attr(decl, 'baseType'), correct(decl)]).toEqual(['ordered', 'identifier', ['b', 'd', 'a', 'c']]);
    const interaction = body(it).orderInteraction as Node;
    expect(ids(interaction.simpleChoice)).toEqual(['a', 'b', 'c', 'd']);
    expect((interaction.simpleChoice as Node[])[0]['#text']).toBe('Kubernetes 1.0 is released -> donated to the CNCF');
    expect(template(it)).toMatch(/match_correct$/);
  });

  it('keeps line breaks and escapes markup', () => {
    const xml = toQtiItem({ ...one('k8s-1-etcd-tf'), title: 'a < b & "c"' });
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).toContain('<prompt>etcd stores the cluster state.<br/>It is a key-value store: {key} = value.<br/>// this line is not a comment</prompt>');
    expect(xml).toContain('title="a &lt; b &amp; &quot;c&quot;"');
  });
});
