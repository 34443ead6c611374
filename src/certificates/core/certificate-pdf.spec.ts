import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import jsQRModule from 'jsqr';
import { renderCertificatePdf } from './certificate-pdf.js';
import { samplePdfInput } from './testing/sample-certificate.js';

// pdftotext/pdfinfo/pdftoppm come from Debian's poppler-utils (installed by the CI script).
function poppler(tool: string, args: string[]): string {
  try {
    return execFileSync(tool, args, { encoding: 'utf8' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error(`${tool} is missing: install Debian package poppler-utils (apt-get install -y poppler-utils)`);
    }
    throw error;
  }
}

// jsqr is a CommonJS bundle with `exports.default`; under ESM interop the function may sit one level down.
type JsQr = (data: Uint8ClampedArray, width: number, height: number) => { data: string } | null;
const jsQR = ((jsQRModule as unknown as { default?: JsQr }).default ?? jsQRModule) as unknown as JsQr;

/** Rasterises page 1 to a binary PPM (P6) and returns RGBA pixels, the input jsQR wants. */
function rasterise(pdfFile: string, dpi: number): { data: Uint8ClampedArray; width: number; height: number } {
  const prefix = pdfFile.replace(/\.pdf$/, '');
  poppler('pdftoppm', ['-r', String(dpi), '-singlefile', pdfFile, prefix]);
  const ppm = readFileSync(`${prefix}.ppm`);
  const [, width, height, maxval, headerLength] = (() => {
    const match = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(ppm.subarray(0, 50).toString('latin1'));
    if (!match) throw new Error('pdftoppm did not write a binary PPM');
    return [match[0], Number(match[1]), Number(match[2]), Number(match[3]), match[0].length];
  })();
  expect(maxval).toBe(255);
  const data = new Uint8ClampedArray(width * height * 4);
  for (let i = 0, j = headerLength; i < width * height; i += 1, j += 3) {
    data.set([ppm[j], ppm[j + 1], ppm[j + 2], 255], i * 4);
  }
  return { data, width, height };
}

describe('renderCertificatePdf', () => {
  let workDir: string;
  let pdfPath: string;
  let pdf: Buffer;

  beforeAll(async () => {
    workDir = mkdtempSync(path.join(tmpdir(), 'certificate-pdf-'));
    pdf = await renderCertificatePdf(samplePdfInput());
    pdfPath = path.join(workDir, 'certificate.pdf');
    writeFileSync(pdfPath, pdf);
  });

  afterAll(() => rmSync(workDir, { recursive: true, force: true }));

  it('produces identical bytes for the same input', async () => {
    const again = await renderCertificatePdf(samplePdfInput());
    expect(again.equals(pdf)).toBe(true);
  });

  it('changes when the input changes (the check above is not vacuous)', async () => {
    const other = await renderCertificatePdf(samplePdfInput({ recipientName: '李四' }));
    expect(other.equals(pdf)).toBe(false);
  });

  it('takes its dates from the input, not the clock', () => {
    const info = poppler('pdfinfo', ['-isodates', pdfPath]);
    expect(info).toMatch(/CreationDate:\s+2025-03-14T09:26:53Z/);
    expect(info).toMatch(/ModDate:\s+2025-03-14T09:26:53Z/);
  });

  it('is a single A4 landscape page', () => {
    const info = poppler('pdfinfo', [pdfPath]);
    expect(info).toMatch(/Pages:\s+1\n/);
    const [, width, height] = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info) ?? [];
    expect(Number(width)).toBeCloseTo(842, 0);
    expect(Number(height)).toBeCloseTo(595, 0);
  });

  it('contains the Chinese recipient name exactly, the id, the exam, the score and the dates', () => {
    const text = poppler('pdftotext', ['-enc', 'UTF-8', pdfPath, '-']);
    const input = samplePdfInput();
    expect(text).toContain('王小明');
    expect(text).toContain(input.certificateId);
    expect(text).toContain('CKA Practice Exam');
    expect(text).toContain('87.5%');
    expect(text).toContain('14 March 2025');
    expect(text).toContain('14 March 2027');
    expect(text).toContain('KUBEQUIZ ACADEMY');
    expect(text).toContain(input.verificationUrl);
  });

  it('renders Chinese exam titles and issuer names too, and shows "No expiry" without an expiry', async () => {
    const file = path.join(workDir, 'zh.pdf');
    writeFileSync(
      file,
      await renderCertificatePdf(
        samplePdfInput({ examTitle: 'Kubernetes 管理员认证模拟考试', issuerName: '云原生学院', expiresAt: undefined }),
      ),
    );
    const text = poppler('pdftotext', ['-enc', 'UTF-8', file, '-']);
    expect(text).toContain('Kubernetes 管理员认证模拟考试');
    expect(text).toContain('云原生学院');
    expect(text).toContain('No expiry');
  });

  it('wraps a long exam title onto a second line without losing text', async () => {
    const examTitle = 'Kubernetes 管理员认证模拟考试：集群架构、工作负载调度、服务与网络、存储以及故障排除的综合实践评估';
    const file = path.join(workDir, 'long-title.pdf');
    writeFileSync(file, await renderCertificatePdf(samplePdfInput({ examTitle })));
    const text = poppler('pdftotext', ['-enc', 'UTF-8', file, '-']);
    expect(text.replace(/\s+/g, '')).toContain(examTitle.replace(/\s+/g, ''));
    expect(text).toContain('with a score of 87.5%');
  });

  it('shrinks a very long name onto one line instead of overflowing', async () => {
    const name = 'Maximilian Alexander Konstantin von Hohenzollern-Sigmaringen';
    const file = path.join(workDir, 'long.pdf');
    writeFileSync(file, await renderCertificatePdf(samplePdfInput({ recipientName: name })));
    const text = poppler('pdftotext', ['-enc', 'UTF-8', file, '-']);
    expect(text).toContain(name);
  });

  it('has a QR code that scans to the verification URL', () => {
    const { data, width, height } = rasterise(pdfPath, 100);
    const code = jsQR(data, width, height);
    expect(code?.data).toBe(samplePdfInput().verificationUrl);
  });

  it('embeds only a subset of the CJK font (the full font is ~8 MB)', () => {
    expect(pdf.length).toBeLessThan(200_000);
  });

  it('rejects invalid input', async () => {
    await expect(renderCertificatePdf(samplePdfInput({ verificationUrl: 'not a url' }))).rejects.toThrow(/verificationUrl/);
    await expect(renderCertificatePdf(samplePdfInput({ issuedAt: new Date('nope') }))).rejects.toThrow(/issuedAt/);
    await expect(renderCertificatePdf(samplePdfInput({ scorePercent: 101 }))).rejects.toThrow(/scorePercent/);
  });

  it('writes a PNG preview to test-output/ for eyeballing the layout', () => {
    const outDir = path.resolve('test-output', 'certificates');
    mkdirSync(outDir, { recursive: true });
    writeFileSync(path.join(outDir, 'certificate.pdf'), pdf);
    poppler('pdftoppm', ['-png', '-r', '50', '-singlefile', pdfPath, path.join(outDir, 'certificate')]);
    poppler('pdftoppm', ['-png', '-r', '110', '-singlefile', pdfPath, path.join(outDir, 'certificate-110dpi')]);
  });
});
