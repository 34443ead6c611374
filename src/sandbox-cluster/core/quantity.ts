const BINARY: Record<string, number> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60 };
const DECIMAL: Record<string, number> = { n: 1e-9, u: 1e-6, m: 1e-3, '': 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18 };

const QUANTITY = /^([+-]?[0-9.]+)(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E|[eE][+-]?[0-9]+)?$/;

export type QuantityFormat = 'BinarySI' | 'DecimalSI' | 'DecimalExponent';

export interface Quantity {
  value: number;
  format: QuantityFormat;
}

/** Parses a resource.Quantity string; undefined when the text is not a quantity. */
export function parseQuantity(text: string | number | undefined | null): Quantity | undefined {
  if (text === undefined || text === null) return undefined;
  if (typeof text === 'number') return { value: text, format: 'DecimalSI' };
  const m = QUANTITY.exec(text.trim());
  if (!m || m[1] === '.' || !/[0-9]/.test(m[1]!)) return undefined;
  const num = Number(m[1]);
  if (Number.isNaN(num)) return undefined;
  const suffix = m[2] ?? '';
  if (suffix in BINARY) return { value: num * BINARY[suffix]!, format: 'BinarySI' };
  if (/^[eE]/.test(suffix)) return { value: num * 10 ** Number(suffix.slice(1)), format: 'DecimalExponent' };
  return { value: num * DECIMAL[suffix]!, format: 'DecimalSI' };
}

export function quantityValue(text: string | number | undefined | null): number {
  return parseQuantity(text)?.value ?? 0;
}

/** Formats a value canonically: binary suffixes for BinarySI, `m` for fractions. */
export function formatQuantity(value: number, format: QuantityFormat = 'DecimalSI'): string {
  if (value === 0) return '0';
  const rounded = Math.round(value * 1000) / 1000;
  if (format === 'BinarySI' && Number.isInteger(rounded)) {
    for (const suffix of ['Ei', 'Pi', 'Ti', 'Gi', 'Mi', 'Ki']) {
      const unit = BINARY[suffix]!;
      if (rounded >= unit && rounded % unit === 0) return `${rounded / unit}${suffix}`;
    }
    return String(rounded);
  }
  if (!Number.isInteger(rounded)) return `${Math.round(rounded * 1000)}m`;
  for (const suffix of ['E', 'P', 'T', 'G', 'M', 'k']) {
    const unit = DECIMAL[suffix]!;
    if (rounded >= unit && rounded % unit === 0) return `${rounded / unit}${suffix}`;
  }
  return String(rounded);
}
