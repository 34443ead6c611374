import { readFileSync } from 'node:fs';
import { DocumentParseError } from './document-parse-error.js';
import { contentHash } from './normalise-text.js';
import { parseDocument } from './parse-document.js';
import type { ParsedDocument } from './types.js';

const fixture = (name: string): Buffer =>
  readFileSync(new URL(`../../../test/fixtures/documents/${name}`, import.meta.url));

const outline = (doc: ParsedDocument): string[] => doc.sections.map((s) => `${s.key} ${s.title}`);

function parseError(run: () => unknown): DocumentParseError {
  try {
    run();
  } catch (e) {
    if (e instanceof DocumentParseError) return e;
    throw e;
  }
  throw new Error('expected a DocumentParseError');
}

describe('parseDocument: Markdown', () => {
  const doc = parseDocument(fixture('markdown-front-matter.md'));

  it('ignores front matter, takes the lone # heading as title and uses the heading numbers', () => {
    expect(doc.format).toBe('markdown');
    expect(doc.language).toBe('en');
    expect(doc.title).toBe('Rolling out a web app');
    expect(doc.preamble).toBe('This guide walks through shipping a small web app to a cluster.');
    expect(doc.keySource).toBe('explicit');
    expect(outline(doc)).toEqual(['1 Preparing the image', '1.1 Tagging', '1.2 Pushing', '2 Deploying', '3 Exposing']);
    expect(JSON.stringify(doc)).not.toContain('kubequiz fixtures');
  });

  it('fills parent, level, order and index', () => {
    const tagging = doc.sections.find((s) => s.key === '1.2')!;
    expect(tagging).toMatchObject({ level: 2, parentKey: '1', order: 2, index: 2 });
    expect(doc.sections.find((s) => s.key === '3')).toMatchObject({ level: 1, parentKey: null, order: 3 });
  });

  it('keeps code comments and deep headings inside the body', () => {
    const prep = doc.sections[0]!;
    expect(prep.body).toContain('# not a heading');
    expect(prep.body).not.toContain('Tagging');
    expect(doc.sections.find((s) => s.key === '2')!.text).toContain('A deep heading stays in the body');
  });

  it('renders plain text with list markers and without inline markup', () => {
    expect(doc.sections.find((s) => s.key === '1.2')!.text).toBe(
      '- Log in to the registry.\n- Push the tag.\n- Check that the digest matches.',
    );
    const deploying = doc.sections.find((s) => s.key === '2')!;
    expect(deploying.body).toContain('**Deployment**');
    expect(deploying.text).toContain('A Deployment is responsible');
  });

  it('numbers by position when heading numbers are missing or inconsistent', () => {
    const notes = parseDocument(fixture('markdown-unnumbered.md'));
    expect(notes.keySource).toBe('positional');
    expect(outline(notes)).toEqual(['1 Why scheduling matters', '1.1 Filtering', '1.2 Scoring', '2 5 Taints']);
  });

  it('treats a numbered lone # heading as a chapter, not as the document title', () => {
    const doc = parseDocument('# 3 Architecture\n\nParts.\n\n## 3.1 Control plane\n\nThe scheduler.\n\n## 3.2 etcd\n\nState.\n');
    expect(doc.title).toBeNull();
    expect(doc.keySource).toBe('explicit');
    expect(doc.sections.map((s) => [s.key, s.title])).toEqual([
      ['3', 'Architecture'],
      ['3.1', 'Control plane'],
      ['3.2', 'etcd'],
    ]);
  });

  it('accepts Chinese numerals for top-level Markdown headings', () => {
    const doc2 = parseDocument('## 一、概述\n\n正文。\n\n### 1.1 由来\n\n更多。\n\n## 二、架构\n\n控制平面。\n');
    expect(doc2.keySource).toBe('explicit');
    expect(outline(doc2)).toEqual(['1 概述', '1.1 由来', '2 架构']);
    expect(doc2.language).toBe('zh');
  });
});

describe('parseDocument: plain text', () => {
  it('parses a one-line Chinese article with a TOC and trailing link boilerplate', () => {
    const doc = parseDocument(fixture('flattened-zh-one-line.txt'));
    expect(doc.format).toBe('text');
    expect(doc.language).toBe('zh');
    expect(outline(doc)).toEqual([
      '1 镜像概述', '1.1 什么是镜像', '1.2 镜像的分层', '2 镜像的使用', '2.1 拉取镜像', '2.2 构建镜像', '2.3 推送镜像', '3 小结',
    ]);
    expect(doc.preamble).toBe('容器镜像入门笔记');
    const all = JSON.stringify(doc);
    for (const chrome of ['当前位置', '相关文章', '网站建设多少钱', 'example.cn', '目录']) expect(all).not.toContain(chrome);
    expect(doc.sections.find((s) => s.key === '1.1')!.body).toContain('nginx:1.25.3');
    expect(doc.sections.find((s) => s.key === '3')!.body).toBe('镜像解决了“在我这里能跑”的问题：开发、测试和生产使用同一个镜像。');
  });

  it('puts flattened list items back on their own lines', () => {
    const doc = parseDocument(fixture('flattened-zh-one-line.txt'));
    expect(doc.sections.find((s) => s.key === '1.2')!.text.split('\n')).toEqual([
      '镜像由多个只读层叠加而成，每条构建指令会产生一层。 分层带来的好处有：',
      '1、相同的层只需存储一份',
      '2、拉取时只下载缺少的层',
      '3、构建时可以复用缓存',
    ]);
    expect(doc.sections.find((s) => s.key === '2.3')!.text).toBe('推送前需要先登录仓库。\n•给镜像打上仓库地址的标签\n•执行 docker push');
  });

  it('parses English text with numbered headings and leaves numbered lists in the body', () => {
    const doc = parseDocument(fixture('english-numbered.txt'));
    expect(doc.language).toBe('en');
    expect(outline(doc)).toEqual(['1 Introduction', '1.1 Volumes', '1.2 Persistent volumes', '2 Using a claim', '3 Access modes']);
    expect(doc.sections.find((s) => s.key === '2')!.body).toContain('3. Mount the claim in the Pod spec.');
    const all = JSON.stringify(doc);
    for (const chrome of ['Related posts', 'faster builds', 'blog.example.com', 'Home > Blog']) expect(all).not.toContain(chrome);
  });

  it('makes one section of a text without headings', () => {
    const doc = parseDocument(fixture('no-headings.txt'));
    expect(doc.sections).toHaveLength(1);
    expect(doc.sections[0]).toMatchObject({ key: '1', level: 1, parentKey: null, order: 1, index: 0 });
    expect(doc.sections[0]!.body).toContain('Nothing in this note is numbered');
    expect(doc.sections[0]!.title.length).toBeLessThanOrEqual(40);
  });

  it('titles a headingless text by its first short line', () => {
    const doc = parseDocument('Label selectors\nThey filter objects by their labels.\n');
    expect(doc.sections).toEqual([
      expect.objectContaining({ key: '1', title: 'Label selectors', text: 'They filter objects by their labels.' }),
    ]);
  });
});

describe('parseDocument: refused input', () => {
  it('refuses empty input', () => {
    expect(parseError(() => parseDocument(fixture('empty.txt'))).code).toBe('EMPTY');
    expect(parseError(() => parseDocument('')).code).toBe('EMPTY');
  });

  it('refuses binary input', () => {
    expect(parseError(() => parseDocument(fixture('binary.png'))).code).toBe('BINARY');
    expect(parseError(() => parseDocument('abc\u0000def')).code).toBe('BINARY');
  });

  it('refuses bytes that are not UTF-8', () => {
    expect(parseError(() => parseDocument(fixture('latin1.txt'))).code).toBe('NOT_UTF8');
  });

  it('refuses input above maxBytes before parsing it', () => {
    const bytes = fixture('english-numbered.txt');
    const error = parseError(() => parseDocument(bytes, { maxBytes: 100 }));
    expect(error.code).toBe('TOO_LARGE');
    expect(error.details).toEqual({ maxBytes: 100, actualBytes: bytes.byteLength });
    expect(() => parseDocument(bytes, { maxBytes: bytes.byteLength })).not.toThrow();
  });

  it('counts UTF-8 bytes, not characters, for strings', () => {
    expect(parseError(() => parseDocument('容器'.repeat(10), { maxBytes: 40 })).code).toBe('TOO_LARGE');
  });
});

describe('parseDocument: language, format and hash', () => {
  it('honours explicit options', () => {
    const doc = parseDocument('# Title\n\nText.', { format: 'text', language: 'zh' });
    expect(doc).toMatchObject({ format: 'text', language: 'zh' });
  });

  it('hashes normalised content: line endings, BOM and trailing spaces do not make a new version', () => {
    const a = parseDocument('## 1 Pods\n\nA Pod runs containers.\n');
    const b = parseDocument('\uFEFF## 1 Pods  \r\n\r\n\r\n\r\nA Pod runs containers.\r\n');
    const c = parseDocument('## 1 Pods\n\nA Pod runs two containers.\n');
    expect(a.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(b.contentHash).toBe(a.contentHash);
    expect(c.contentHash).not.toBe(a.contentHash);
    expect(contentHash('## 1 Pods\n\nA Pod runs containers.')).toBe(a.contentHash);
  });
});
