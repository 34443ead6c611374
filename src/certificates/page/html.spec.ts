import { escapeHtml, html, raw, safeHttpUrl } from './html.js';

describe('html', () => {
  it('escapes every interpolated value, in text and attributes', () => {
    const name = '<script>alert(1)</script>';
    const attribute = '" onmouseover="alert(1)';
    expect(html`<p title="${attribute}">${name}</p>`.value).toBe(
      '<p title="&quot; onmouseover=&quot;alert(1)">&lt;script&gt;alert(1)&lt;/script&gt;</p>',
    );
    expect(escapeHtml(`&'\``)).toBe('&amp;&#39;&#96;');
  });

  it('nests safe fragments and lists without escaping them twice', () => {
    const items = ['a&b', 'c'].map((item) => html`<li>${item}</li>`);
    expect(html`<ul>${items}</ul>${null}${false}${raw('<hr>')}`.value).toBe('<ul><li>a&amp;b</li><li>c</li></ul><hr>');
  });

  it('links only http(s) URLs', () => {
    expect(safeHttpUrl('javascript:alert(1)')).toBeNull();
    expect(safeHttpUrl('data:text/html,x')).toBeNull();
    expect(safeHttpUrl('https://demo.example/a?b=1')).toBe('https://demo.example/a?b=1');
    expect(safeHttpUrl(null)).toBeNull();
  });
});
