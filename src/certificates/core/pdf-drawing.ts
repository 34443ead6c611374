// Vector drawing helpers for the certificate PDF: fonts, QR code, frame and seal.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import * as fontkit from 'fontkit';
import QRCode from 'qrcode';

export const PALETTE = {
  paper: '#FBF8F1',
  ink: '#1C2A43',
  muted: '#5D6778',
  gold: '#B08D3C',
  goldLight: '#D9C48E',
} as const;

type Doc = PDFKit.PDFDocument;

export type CjkWeight = 'Light' | 'Regular' | 'Medium';

const fontCache = new Map<CjkWeight, fontkit.Font>();

/**
 * Noto Sans Hans from @embedpdf/fonts-sc, parsed once per process. The package's `exports` map
 * hides its fonts folder, so the path is derived from its main entry (dist/index.*). Parsing
 * an ~8 MB OTF costs ~30 ms, three weights per certificate would dominate rendering; pdfkit
 * accepts a parsed fontkit font and still embeds only the glyphs each document uses.
 */
export function cjkFont(weight: CjkWeight): fontkit.Font {
  let font = fontCache.get(weight);
  if (!font) {
    const entry = createRequire(import.meta.url).resolve('@embedpdf/fonts-sc');
    const parsed = fontkit.create(readFileSync(path.join(path.dirname(entry), '..', 'fonts', `NotoSansHans-${weight}.otf`)));
    if (!('layout' in parsed)) throw new Error(`NotoSansHans-${weight}.otf is a font collection, expected one font`);
    font = parsed;
    fontCache.set(weight, font);
  }
  return font;
}

/**
 * Draws the QR code as vector rectangles (one per horizontal run of dark modules): sharp at any
 * zoom, smaller than a PNG, and free of image-encoder output that could vary between versions.
 */
export function drawQrCode(doc: Doc, text: string, x: number, y: number, size: number, color: string): void {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const quiet = 2;
  const cell = size / (modules.size + quiet * 2);
  doc.save();
  for (let row = 0; row < modules.size; row += 1) {
    let col = 0;
    while (col < modules.size) {
      if (!modules.get(row, col)) {
        col += 1;
        continue;
      }
      const start = col;
      while (col < modules.size && modules.get(row, col)) col += 1;
      // A hair of overlap hides the seams some viewers draw between adjacent rectangles.
      doc.rect(x + (start + quiet) * cell, y + (row + quiet) * cell, (col - start) * cell + 0.05, cell + 0.05);
    }
  }
  doc.fill(color).restore();
}

export function drawFrame(doc: Doc, width: number, height: number): void {
  doc.save().rect(0, 0, width, height).fill(PALETTE.paper);
  doc.lineWidth(2.2).rect(22, 22, width - 44, height - 44).stroke(PALETTE.ink);
  doc.lineWidth(0.8).rect(30, 30, width - 60, height - 60).stroke(PALETTE.gold);
  doc.lineWidth(0.4).rect(34, 34, width - 68, height - 68).stroke(PALETTE.goldLight);
  for (const [cx, cy] of [
    [30, 30],
    [width - 30, 30],
    [30, height - 30],
    [width - 30, height - 30],
  ]) {
    diamond(doc, cx, cy, 6.5).fill(PALETTE.gold);
    diamond(doc, cx, cy, 3).fill(PALETTE.paper);
  }
  doc.restore();
}

/** A thin gold rule with a small diamond in the middle, used as a divider. */
export function drawDivider(doc: Doc, centerX: number, y: number, halfWidth: number): void {
  doc.save().lineWidth(0.7).strokeColor(PALETTE.gold);
  doc.moveTo(centerX - halfWidth, y).lineTo(centerX - 9, y).stroke();
  doc.moveTo(centerX + 9, y).lineTo(centerX + halfWidth, y).stroke();
  diamond(doc, centerX, y, 4).fill(PALETTE.gold);
  doc.restore();
}

/** A rosette seal with text set along its rim. */
export function drawSeal(
  doc: Doc,
  cx: number,
  cy: number,
  radius: number,
  rimText: string,
  centerText: string,
  font: string,
): void {
  doc.save();
  const points = 36;
  const outer: Array<[number, number]> = [];
  for (let i = 0; i < points * 2; i += 1) {
    const angle = (Math.PI * i) / points;
    const r = i % 2 === 0 ? radius : radius - 3.5;
    outer.push([cx + r * Math.cos(angle), cy + r * Math.sin(angle)]);
  }
  doc.polygon(...outer).fill(PALETTE.gold);
  doc.lineWidth(0.8).circle(cx, cy, radius - 7).stroke(PALETTE.paper);
  doc.lineWidth(0.5).circle(cx, cy, radius - 21).stroke(PALETTE.paper);
  const fontSize = 6.6;
  doc.font(font).fontSize(fontSize).fillColor(PALETTE.paper);
  const textRadius = radius - 16.5;
  const chars = [...rimText];
  const step = (2 * Math.PI) / chars.length;
  chars.forEach((char, i) => {
    // Start at the top and run clockwise; each glyph is rotated to stand on the rim.
    const angle = -Math.PI / 2 + i * step;
    const width = doc.widthOfString(char);
    doc.save();
    doc.translate(cx + textRadius * Math.cos(angle), cy + textRadius * Math.sin(angle));
    doc.rotate((angle * 180) / Math.PI + 90);
    doc.text(char, -width / 2, -fontSize / 2, { lineBreak: false });
    doc.restore();
  });
  doc.font(font).fontSize(16).fillColor(PALETTE.paper);
  const w = doc.widthOfString(centerText);
  doc.text(centerText, cx - w / 2, cy - 11, { lineBreak: false });
  doc.restore();
}

function diamond(doc: Doc, cx: number, cy: number, r: number): Doc {
  return doc.polygon([cx, cy - r], [cx + r, cy], [cx, cy + r], [cx - r, cy]);
}
