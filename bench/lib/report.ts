/** One line of the benchmark table. `baseline` makes a ratio column (value / baseline). */
export interface BenchRow {
  suite: string;
  metric: string;
  value: number;
  unit: string;
  baseline?: number;
  /** What the baseline is, e.g. "bare node:http". */
  baselineLabel?: string;
}

function format(value: number): string {
  if (Math.abs(value) >= 1000) return Math.round(value).toLocaleString('en-US');
  if (Math.abs(value) >= 10) return value.toFixed(1);
  return value.toFixed(2);
}

/** value / baseline; tiny ratios read better as "1/700x" than as "0.00x". */
function ratio(r: number): string {
  return r > 0 && r < 0.05 ? `1/${Math.round(1 / r)}x` : `${r.toFixed(2)}x`;
}

export function printTable(rows: BenchRow[], write: (line: string) => void): void {
  const header = ['suite', 'metric', 'value', 'unit', 'baseline', 'ratio'];
  const body = rows.map((row) => [
    row.suite,
    row.metric,
    format(row.value),
    row.unit,
    row.baseline === undefined ? '' : `${format(row.baseline)} (${row.baselineLabel ?? 'baseline'})`,
    row.baseline === undefined || row.baseline === 0 ? '' : ratio(row.value / row.baseline),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((cells) => cells[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  write(line(header));
  write(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const cells of body) write(line(cells));
}
