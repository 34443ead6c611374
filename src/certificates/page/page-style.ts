import { createHash } from 'node:crypto';

/**
 * The page's only style sheet, inline and allowed by its hash in the Content-Security-Policy:
 * no request for a stylesheet, and no other inline style can run.
 */
export const PAGE_CSS = `
:root{color-scheme:light;--ink:#1c2430;--muted:#556070;--line:#dde2e8;--bg:#f4f6f8}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--ink);font:16px/1.55 system-ui,-apple-system,"Segoe UI","PingFang SC","Hiragino Sans GB","Noto Sans CJK SC","Microsoft YaHei",sans-serif}
main{max-width:44rem;margin:0 auto;padding:1rem}
.card{background:#fff;border:1px solid var(--line);border-radius:12px;overflow:hidden}
.top{display:flex;justify-content:space-between;align-items:center;gap:1rem;padding:.75rem 1.25rem;border-bottom:1px solid var(--line);font-size:.9rem;color:var(--muted)}
.top a{color:inherit}
.top [aria-current]{font-weight:600;color:var(--ink);text-decoration:none}
.verdict{padding:1.5rem 1.25rem;border-bottom:1px solid var(--line);display:flex;gap:1rem;align-items:flex-start}
.mark{flex:none;width:3rem;height:3rem;border-radius:50%;display:flex;align-items:center;justify-content:center;font-size:1.6rem;font-weight:700;color:#fff;margin:0}
.verdict h1{margin:0;font-size:1.75rem;line-height:1.2}
.verdict p{margin:.35rem 0 0}
.valid{background:#e8f6ee}.valid .mark{background:#0b6b3a}.valid h1{color:#0b6b3a}
.revoked,.invalid{background:#fdecec}.revoked .mark,.invalid .mark{background:#a4161a}.revoked h1,.invalid h1{color:#a4161a}
.expired{background:#fff4e0}.expired .mark{background:#8a5300}.expired h1{color:#8a5300}
.unknown{background:#eef0f3}.unknown .mark{background:#3d4451}.unknown h1{color:#3d4451}
.when{font-weight:600}
dl{margin:0;padding:.5rem 1.25rem;display:grid;grid-template-columns:minmax(8rem,auto) 1fr;gap:.5rem 1rem}
dt{color:var(--muted)}
dd{margin:0;overflow-wrap:anywhere}
section.more{padding:.75rem 1.25rem;border-top:1px solid var(--line)}
h2{font-size:1rem;margin:.25rem 0 .5rem}
ul{margin:0;padding-left:1.25rem}
.downloads{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.5rem}
.downloads a{display:inline-block;padding:.4rem .8rem;border:1px solid var(--line);border-radius:8px;color:#114a8b;text-decoration:none}
.downloads a:hover,.downloads a:focus{border-color:#114a8b;text-decoration:underline}
footer{padding:.75rem 1.25rem 1.25rem;border-top:1px solid var(--line);font-size:.9rem;color:var(--muted)}
footer p{margin:.25rem 0;overflow-wrap:anywhere}
code{font-size:.85em;overflow-wrap:anywhere}
a:focus-visible,input:focus-visible,button:focus-visible{outline:3px solid #114a8b;outline-offset:2px}
.name-check label{display:block;font-size:.9rem;color:var(--muted);margin-bottom:.25rem}
.name-check .row{display:flex;gap:.5rem;flex-wrap:wrap}
.name-check input{flex:1 1 12rem;min-width:0;font:inherit;padding:.4rem .6rem;border:1px solid #9aa4b1;border-radius:8px}
.name-check button{font:inherit;padding:.4rem 1rem;border:1px solid #114a8b;border-radius:8px;background:#114a8b;color:#fff;cursor:pointer}
.check-answer{margin:.25rem 0 .75rem;padding:.5rem .75rem;border-radius:8px;font-weight:600;overflow-wrap:anywhere}
.check-answer.yes{background:#e8f6ee;color:#0b6b3a}.check-answer.no{background:#fdecec;color:#a4161a}.check-answer.limited{background:#fff4e0;color:#8a5300}
@media (max-width:32rem){main{padding:0}.card{border-radius:0;border-left:0;border-right:0}dl{grid-template-columns:1fr;gap:0 0}dd{margin-bottom:.5rem}.verdict h1{font-size:1.4rem}}
`.trim();

export const PAGE_CSS_HASH = `sha256-${createHash('sha256').update(PAGE_CSS, 'utf8').digest('base64')}`;

/** No scripts at all, no third-party anything, the one style sheet by hash, no framing; forms post only here (the name check). */
export const PAGE_CSP = [
  "default-src 'none'",
  `style-src '${PAGE_CSS_HASH}'`,
  "img-src 'self' data:",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');
