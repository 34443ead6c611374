import PDFDocument from 'pdfkit';
import { assertValidDate } from './credential-types.js';
import { formatPercent } from './open-badge-credential.js';
import { PALETTE, cjkFont, drawDivider, drawFrame, drawQrCode, drawSeal } from './pdf-drawing.js';

export interface CertificatePdfInput {
  certificateId: string;
  /** Any script; rendered with Noto Sans Hans, which covers Latin and Simplified Chinese. */
  recipientName: string;
  examTitle: string;
  /** 0–100. */
  scorePercent: number;
  issuedAt: Date;
  expiresAt?: Date;
  issuerName: string;
  /** Public page the QR code points to. */
  verificationUrl: string;
}

// A4 in PostScript points; pdfkit's 'A4' is 595.28 × 841.89, landscape swaps them.
const PAGE = { width: 841.89, height: 595.28 } as const;
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * Parses the CJK fonts now (~0.5 s, once per process) instead of on the first render; call it
 * at application start-up so the first certificate download is not the slow one.
 */
export function preloadCertificateFonts(): void {
  for (const weight of ['Light', 'Regular', 'Medium'] as const) cjkFont(weight);
}

/**
 * Renders the printable certificate. The bytes depend only on the input: the document dates are
 * the issue date (pdfkit would use the clock), pdfkit derives the trailer /ID from those
 * dates and the info dictionary, and font subset tags come from the font's order in the document.
 */
export async function renderCertificatePdf(input: CertificatePdfInput): Promise<Buffer> {
  validate(input);
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margin: 0,
    pdfVersion: '1.7',
    lang: 'en',
    displayTitle: true,
    info: {
      Title: `Certificate ${input.certificateId}`,
      Author: input.issuerName,
      Subject: `${input.examTitle}: ${input.recipientName}`,
      Creator: 'kubequiz',
      Producer: 'kubequiz',
      CreationDate: input.issuedAt,
      ModDate: input.issuedAt,
    },
  });
  const done = collect(doc);
  // Every glyph comes from embedded fonts: the standard 14 PDF fonts are not embedded and
  // viewers substitute them with different metrics, which spaced the old serif title oddly.
  for (const [name, weight] of [['light', 'Light'], ['regular', 'Regular'], ['medium', 'Medium']] as const) {
    // pdfkit 0.20 accepts a parsed fontkit font; @types/pdfkit only models paths and buffers.
    doc.registerFont(name, cjkFont(weight) as unknown as PDFKit.Mixins.PDFFontSource);
  }
  drawPage(doc, input);
  doc.end();
  return done;
}

function drawPage(doc: PDFKit.PDFDocument, input: CertificatePdfInput): void {
  const { width } = PAGE;
  const center = width / 2;
  drawFrame(doc, PAGE.width, PAGE.height);

  centered(doc, input.issuerName.toUpperCase(), 'medium', 10.5, PALETTE.gold, 66, { characterSpacing: 3.2 });
  centered(doc, 'CERTIFICATE OF ACHIEVEMENT', 'light', 31, PALETTE.ink, 92, { characterSpacing: 4.5 });
  drawDivider(doc, center, 150, 150);
  centered(doc, 'This is to certify that', 'light', 14, PALETTE.muted, 170);
  fitted(doc, input.recipientName, 'medium', 34, 600, PALETTE.ink, 194);
  doc.save().lineWidth(0.6).moveTo(center - 190, 252).lineTo(center + 190, 252).stroke(PALETTE.goldLight).restore();
  centered(doc, 'has successfully passed the examination', 'light', 14, PALETTE.muted, 264);
  const titleBottom = wrapped(doc, input.examTitle, 'regular', 21, 620, PALETTE.ink, 290);
  const score = `with a score of ${formatPercent(input.scorePercent)}%`;
  centered(doc, score, 'light', 14, PALETTE.ink, Math.max(titleBottom + 8, 326));

  drawDetails(doc, input);
  drawSeal(doc, center, 468, 50, '• VERIFIABLE CREDENTIAL • OPEN BADGES 3.0 ', 'KQ', 'medium');
  drawVerification(doc, input);
}

function drawDetails(doc: PDFKit.PDFDocument, input: CertificatePdfInput): void {
  const x = 78;
  let y = 412;
  const rows: Array<[string, string, string, number]> = [
    ['DATE OF ISSUE', formatDate(input.issuedAt), 'regular', 12.5],
    ['VALID UNTIL', input.expiresAt ? formatDate(input.expiresAt) : 'No expiry', 'regular', 12.5],
    ['CERTIFICATE ID', input.certificateId, 'regular', 9],
  ];
  for (const [label, value, font, size] of rows) {
    doc.font('medium').fontSize(7).fillColor(PALETTE.gold).text(label, x, y, { characterSpacing: 1.6, lineBreak: false });
    doc.font(font).fontSize(size).fillColor(PALETTE.ink).text(value, x, y + 10, { width: 250, lineBreak: true });
    y += 38;
  }
}

function drawVerification(doc: PDFKit.PDFDocument, input: CertificatePdfInput): void {
  const size = 92;
  const x = PAGE.width - 78 - size;
  const y = 400;
  drawQrCode(doc, input.verificationUrl, x, y, size, PALETTE.ink);
  doc.font('medium').fontSize(7).fillColor(PALETTE.gold);
  doc.text('SCAN TO VERIFY', x - 60, y + size + 8, { width: size + 60, align: 'right', characterSpacing: 1.6, lineBreak: false });
  // The URL is also a link, for the PDF read on screen rather than printed.
  doc.font('regular').fontSize(6.5).fillColor(PALETTE.muted);
  doc.text(input.verificationUrl, x - 160, y + size + 19, { width: size + 160, align: 'right', link: input.verificationUrl });
}

type TextOptions = PDFKit.Mixins.TextOptions;

function centered(
  doc: PDFKit.PDFDocument,
  text: string,
  font: string,
  size: number,
  color: string,
  y: number,
  options: TextOptions = {},
): void {
  doc.font(font).fontSize(size).fillColor(color);
  doc.text(text, 60, y, { width: PAGE.width - 120, align: 'center', lineBreak: false, ...options });
}

/** One line, shrunk until it fits: a name must never wrap or overflow the frame. */
function fitted(doc: PDFKit.PDFDocument, text: string, font: string, size: number, maxWidth: number, color: string, y: number): void {
  let fontSize = size;
  doc.font(font).fontSize(fontSize);
  while (fontSize > 12 && doc.widthOfString(text) > maxWidth) {
    fontSize -= 1;
    doc.fontSize(fontSize);
  }
  // Keep the baseline where the full-size name would sit.
  centered(doc, text, font, fontSize, color, y + (size - fontSize) * 0.8);
}

/** Up to two centred lines, the rest cut with an ellipsis; returns the y below the text. */
function wrapped(doc: PDFKit.PDFDocument, text: string, font: string, size: number, width: number, color: string, y: number): number {
  doc.font(font).fontSize(size).fillColor(color);
  const lineHeight = doc.currentLineHeight(true);
  const options: TextOptions = { width, align: 'center', height: lineHeight * 2 + 1, ellipsis: true };
  doc.text(text, (PAGE.width - width) / 2, y, options);
  const lines = Math.min(2, Math.max(1, Math.round(doc.heightOfString(text, { width }) / lineHeight)));
  return y + lines * lineHeight;
}

function collect(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}

/** Dates are printed in UTC with English month names: the same on every server and locale. */
function formatDate(date: Date): string {
  return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}

function validate(input: CertificatePdfInput): void {
  assertValidDate(input.issuedAt, 'issuedAt');
  if (input.expiresAt) assertValidDate(input.expiresAt, 'expiresAt');
  for (const key of ['certificateId', 'recipientName', 'examTitle', 'issuerName', 'verificationUrl'] as const) {
    if (typeof input[key] !== 'string' || input[key].trim() === '') throw new TypeError(`${key} must not be empty`);
  }
  if (!URL.canParse(input.verificationUrl)) throw new TypeError('verificationUrl must be an absolute URL');
  if (!Number.isFinite(input.scorePercent) || input.scorePercent < 0 || input.scorePercent > 100) {
    throw new TypeError('scorePercent must be between 0 and 100');
  }
}
