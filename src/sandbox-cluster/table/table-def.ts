import type { KubeObject } from '../core/types.js';

export interface ColumnDef {
  name: string;
  type: 'string' | 'integer' | 'number' | 'boolean' | 'date';
  format?: string;
  description: string;
  /** 0 = always shown; 1 = only with `-o wide`. */
  priority: number;
}

export type Cell = string | number | boolean | null;

export interface TableDef {
  columns: ColumnDef[];
  row(obj: Readonly<KubeObject>, now: Date): Cell[];
}

export function col(name: string, description: string, type: ColumnDef['type'] = 'string', priority = 0, format?: string): ColumnDef {
  const c: ColumnDef = { name, type, format: format ?? '', description, priority };
  return c;
}

export const NAME_COLUMN = col('Name', 'Name must be unique within a namespace.', 'string', 0, 'name');
export const AGE_COLUMN = col('Age', 'The time since the object was created.');

/** kubectl's human duration (`2m5s`, `3h10m`, `4d2h`), which the server computes for the Age column. */
export function humanDuration(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 120) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 10) {
    const s = seconds % 60;
    return s === 0 ? `${minutes}m` : `${minutes}m${s}s`;
  }
  if (minutes < 180) return `${minutes}m`;
  const hours = Math.floor(seconds / 3600);
  if (hours < 8) {
    const m = minutes % 60;
    return m === 0 ? `${hours}h` : `${hours}h${m}m`;
  }
  if (hours < 48) return `${hours}h`;
  if (hours < 24 * 8) {
    const h = hours % 24;
    return h === 0 ? `${Math.floor(hours / 24)}d` : `${Math.floor(hours / 24)}d${h}h`;
  }
  if (hours < 24 * 365 * 2) return `${Math.floor(hours / 24)}d`;
  const years = Math.floor(hours / 24 / 365);
  if (years < 8) {
    const d = Math.floor(hours / 24) % 365;
    return d === 0 ? `${years}y` : `${years}y${d}d`;
  }
  return `${years}y`;
}

export function age(timestamp: string | undefined, now: Date): string {
  if (!timestamp) return '<unknown>';
  return humanDuration(now.getTime() - Date.parse(timestamp));
}

export const DEFAULT_TABLE: TableDef = {
  columns: [NAME_COLUMN, col('Created At', 'The time since the object was created.', 'date')],
  row: (obj) => [obj.metadata.name ?? '', obj.metadata.creationTimestamp ?? null],
};

/** `<none>` for empty values, as kubectl columns print them. */
export function orNone(v: string | undefined | null): string {
  return v ? v : '<none>';
}
