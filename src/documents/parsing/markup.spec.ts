import { readFileSync } from 'node:fs';
import { parseDocument } from './parse-document.js';

const evaluation = (name: string): Buffer =>
  readFileSync(new URL(`../../../test/fixtures/documents/evaluation/${name}`, import.meta.url));

const MARKUP = /\{\{[<%]|[%>]\}\}|<!--|-->|\{#[\w-]+\}|```|^---$/mu;

describe('parseDocument: documentation-site markup', () => {
  const en = parseDocument(evaluation('deployment-docs.en.md'));
  const zh = parseDocument(evaluation('deployment-docs.zh.md'));

  it('takes the title from the front matter and leaves no shortcode, comment or anchor in titles or text', () => {
    expect(en.title).toBe('Deployments');
    expect(zh.title).toBe('Deployment');
    for (const s of [...en.sections, ...zh.sections]) {
      expect({ key: s.key, title: s.title, leftover: MARKUP.test(s.title) || MARKUP.test(s.text) }).toEqual({ key: s.key, title: s.title, leftover: false });
    }
    expect(en.sections.map((s) => s.title)).toEqual(['Deployments', 'Use cases', 'Creating a Deployment', 'Updating a Deployment', 'Rolling back a Deployment', "What's next"]);
  });

  it('makes the opening definition before the first heading a lead section', () => {
    expect(en.sections[0]).toMatchObject({ key: '1', title: 'Deployments', level: 1 });
    expect(en.sections[0]!.text).toContain('A Deployment keeps a chosen number of identical Pods running');
    expect(zh.sections[0]!.text).toContain('Deployment 让指定数量的相同 Pod 保持运行');
  });

  it('keeps the text of notes and cautions as prose, the text of a glossary tooltip, and drops layout-only shortcodes', () => {
    expect(en.sections[0]!.text).toContain('Do not edit the ReplicaSets that a Deployment owns.');
    const creating = en.sections.find((s) => s.title === 'Creating a Deployment')!;
    expect(creating.text).toContain('Pick a selector that no other controller uses.');
    expect(creating.text).not.toContain('code_sample');
    expect(creating.body).not.toContain('nginx-deployment.yaml" %}}');
  });

  it('keeps fenced code and tables out of the prose, and code in the body', () => {
    const creating = en.sections.find((s) => s.title === 'Creating a Deployment')!;
    expect(creating.text).not.toContain('kubectl apply -f');
    expect(creating.text).not.toContain('Waiting for rollout to finish');
    expect(creating.body).toContain('kubectl apply -f');
    const updating = en.sections.find((s) => s.title === 'Updating a Deployment')!;
    expect(updating.text).not.toContain('maxSurge');
    expect(updating.text).toContain('By default a Deployment uses the RollingUpdate strategy');
  });

  it('judges the language on prose only: English originals kept in comments do not make a Chinese page English', () => {
    const page = [
      '---', 'title: 服务', '---',
      '<!--', 'A Service exposes a set of Pods behind one stable address and load-balances the traffic across them, so that clients never need to track individual Pod addresses or restarts.', '-->',
      'Service 为一组 Pod 提供稳定的地址。',
      '```yaml', 'apiVersion: v1', 'kind: Service', 'metadata:', '  name: my-service', 'spec:', '  selector:', '    app.kubernetes.io/name: MyApp', '```',
    ].join('\n');
    expect(parseDocument(page).language).toBe('zh');
    expect(parseDocument(page, { language: 'en' }).language).toBe('en');
    expect(parseDocument('---\nlanguage: zh-cn\n---\n\nKubernetes kubectl kube-apiserver etcd.\n\n## A\n\nText.').language).toBe('zh');
  });
});
