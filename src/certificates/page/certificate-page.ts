import type { ContentLanguage } from '../../common/i18n/pick-language.js';
import type { CertificateVerificationDto } from '../dto/verification.dto.js';
import { html, raw, safeHttpUrl, type SafeHtml } from './html.js';
import { PAGE_CSS } from './page-style.js';
import { PAGE_TEXT, formatDate, type PageText } from './page-text.js';

/** What the page shows beyond the JSON answer, gated on the holder's choice to go public. */
export interface CertificatePageView {
  answer: CertificateVerificationDto;
  /** Canonical URL of this page (og:url, language links). */
  pageUrl: string;
  /** Only when the holder made the certificate public (score band, lab tasks, downloads). */
  details: {
    scoreBand: string;
    labTasksPassed: string[];
    downloads: { jwt: string; json: string; pdf: string };
  } | null;
  /** Key id that signed the credential, for the "how this was verified" line. */
  kid: string | null;
  /** For a known certificate: the name-check form (offered when the name is hidden) and its answer. */
  nameCheck: NameCheckView | null;
}

export interface NameCheckView {
  /** Where the form posts. */
  action: string;
  /** Why the name is not shown: the holder hid it, or (older certificates) never chose; null when shown. */
  hiddenBecause: 'holder-hid-it' | 'never-chosen' | null;
  /** The answer to the name just checked. */
  answer?: { name: string; matches: boolean } | { tooManyChecks: true };
}

const MARKS = { valid: '✓', revoked: '✕', expired: '!', invalid: '✕', unknown: '?' } as const;

/** Server-rendered, script-free verification page. Every value from the database goes through `html`. */
export function renderCertificatePage(view: CertificatePageView, language: ContentLanguage): string {
  const text = PAGE_TEXT[language];
  const { answer } = view;
  const verdict = text.verdict[answer.status];
  const examTitle = answer.exam?.title ?? null;
  const title = text.title(verdict.heading, examTitle);
  const description = text.description(verdict.heading, examTitle, answer.issuer?.name ?? null);
  const page = html`<!doctype html>
<html lang="${text.htmlLang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${title} · ${text.siteName}</title>
<meta name="description" content="${description}">
<meta property="og:type" content="website">
<meta property="og:site_name" content="${text.siteName}">
<meta property="og:title" content="${title}">
<meta property="og:description" content="${description}">
<meta property="og:url" content="${view.pageUrl}">
<meta property="og:locale" content="${text.locale.replace('-', '_')}">
<link rel="canonical" href="${view.pageUrl}">
<link rel="alternate" hreflang="en" href="${withLang(view.pageUrl, 'en')}">
<link rel="alternate" hreflang="zh" href="${withLang(view.pageUrl, 'zh')}">
<link rel="icon" href="data:,">
<style>${raw(PAGE_CSS)}</style>
</head>
<body>
<main>
<article class="card">
${languageSwitch(view, language, text)}
<section class="verdict ${answer.status}" aria-labelledby="verdict">
<p class="mark" aria-hidden="true">${MARKS[answer.status]}</p>
<div>
<h1 id="verdict" data-verdict="${answer.status}">${verdict.heading}</h1>
<p>${verdict.summary}</p>
${verdictDetail(answer, text)}
</div>
</section>
${answer.status === 'unknown' ? html`<section class="more"><p>${text.unknownHelp}</p></section>` : facts(view, text, language)}
${footer(view, text)}
</article>
</main>
</body>
</html>
`;
  return page.value;
}

function languageSwitch(view: CertificatePageView, language: ContentLanguage, text: PageText): SafeHtml {
  const link = (lang: ContentLanguage, label: string, htmlLang: string) =>
    lang === language
      ? html`<a href="${withLang(view.pageUrl, lang)}" hreflang="${lang}" lang="${htmlLang}" aria-current="page">${label}</a>`
      : html`<a href="${withLang(view.pageUrl, lang)}" hreflang="${lang}" lang="${htmlLang}">${label}</a>`;
  return html`<nav class="top" aria-label="${text.languageSwitch}"><span>${text.siteName}</span><span>${link('zh', '中文', 'zh-Hans')} · ${link('en', 'English', 'en')}</span></nav>`;
}

function verdictDetail(answer: CertificateVerificationDto, text: PageText): SafeHtml | null {
  if (answer.status === 'revoked' && answer.revokedAt) {
    return html`<p class="when">${text.revokedOn(formatDate(text, answer.revokedAt))}</p>${
      answer.revocationReason ? html`<p>${text.reason(answer.revocationReason)}</p>` : null
    }`;
  }
  if (answer.status === 'expired' && answer.validUntil) return html`<p class="when">${text.expiredOn(formatDate(text, answer.validUntil))}</p>`;
  return null;
}

/**
 * A plain form (the page runs no script): the visitor types the name from the PDF and the
 * server answers with this page and a yes or no. The name itself is never shown.
 */
function nameCheckSection(nameCheck: NameCheckView | null, language: ContentLanguage, text: PageText): SafeHtml | null {
  if (!nameCheck || (!nameCheck.hiddenBecause && !nameCheck.answer)) return null;
  const { answer } = nameCheck;
  const typed = answer && 'name' in answer ? answer.name : '';
  const result = !answer
    ? null
    : 'tooManyChecks' in answer
      ? html`<p class="check-answer limited" role="status" data-name-check="limited">${text.nameCheckTooMany}</p>`
      : answer.matches
        ? html`<p class="check-answer yes" role="status" data-name-check="yes">${text.nameCheckYes(answer.name)}</p>`
        : html`<p class="check-answer no" role="status" data-name-check="no">${text.nameCheckNo(answer.name)}</p>`;
  return html`<section class="more" aria-labelledby="name-check"><h2 id="name-check">${text.nameCheckHeading}</h2>
<p>${text.nameCheckHelp}</p>
${result}
<form class="name-check" method="post" action="${nameCheck.action}">
<input type="hidden" name="lang" value="${language}">
<label for="name-check-input">${text.nameCheckLabel}</label>
<span class="row"><input id="name-check-input" name="name" type="text" required maxlength="200" autocomplete="off" value="${typed}"><button type="submit">${text.nameCheckButton}</button></span>
</form></section>`;
}

function facts(view: CertificatePageView, text: PageText, language: ContentLanguage): SafeHtml {
  const { answer, details } = view;
  const issuerUrl = safeHttpUrl(answer.issuer?.url);
  const issuer = answer.issuer ? (issuerUrl ? html`<a href="${issuerUrl}" rel="nofollow noopener">${answer.issuer.name}</a>` : html`${answer.issuer.name}`) : null;
  const rows: Array<[string, SafeHtml | string]> = [
    [text.recipient, answer.recipient?.displayName ?? html`<em>${view.nameCheck?.hiddenBecause === 'never-chosen' ? text.nameNotPublished : text.nameHidden}</em>`],
    [text.exam, answer.exam?.title ?? ''],
    [text.issuer, issuer ?? ''],
    [text.result, details ? text.passedWithBand(details.scoreBand) : text.passed],
    [text.issued, answer.issuedAt ? formatDate(text, answer.issuedAt) : ''],
    [text.expires, answer.validUntil ? formatDate(text, answer.validUntil) : text.noExpiry],
    [text.certificateId, html`<code>${answer.certificateId}</code>`],
  ];
  return html`<dl>${rows.map(([label, value]) => html`<dt>${label}</dt><dd>${value}</dd>`)}</dl>
${nameCheckSection(view.nameCheck, language, text)}
${
  details && details.labTasksPassed.length > 0
    ? html`<section class="more"><h2>${text.labTasks}</h2><ul>${details.labTasksPassed.map((task) => html`<li>${task}</li>`)}</ul></section>`
    : null
}
<section class="more"><h2>${text.downloads}</h2>${
    details
      ? html`<ul class="downloads"><li><a href="${details.downloads.jwt}" download>${text.downloadJwt}</a></li><li><a href="${details.downloads.json}" download>${text.downloadJson}</a></li><li><a href="${details.downloads.pdf}">${text.downloadPdf}</a></li></ul>`
      : html`<p>${text.downloadsPrivate}</p>`
  }</section>`;
}

function footer(view: CertificatePageView, text: PageText): SafeHtml {
  const { answer } = view;
  const checkedAt = formatDate(text, answer.checkedAt, true);
  if (answer.status === 'unknown') return html`<footer><p>${text.checkedAt(checkedAt)}</p></footer>`;
  const signature = answer.checks.find((check) => check.check === 'signature');
  const status = answer.checks.find((check) => check.check === 'status');
  return html`<footer><h2>${text.howVerified}</h2>
<p>${signature?.passed ? text.signatureChecked(answer.issuer?.name ?? '', view.kid ?? '') : text.signatureFailed}</p>
${status ? html`<p>${text.statusChecked(checkedAt)}</p>` : html`<p>${text.checkedAt(checkedAt)}</p>`}
</footer>`;
}

function withLang(pageUrl: string, lang: ContentLanguage): string {
  const url = new URL(pageUrl);
  url.searchParams.set('lang', lang);
  return url.toString();
}

/** A band rather than the exact score: "80–89%", and "90–100%" at the top. */
export function scoreBand(score: number): string {
  if (score >= 90) return '90–100%';
  const low = Math.max(0, Math.floor(score / 10) * 10);
  return `${low}–${low + 9}%`;
}
