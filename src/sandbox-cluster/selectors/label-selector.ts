import { errors } from '../core/errors.js';
import type { Json } from '../core/types.js';

export type Operator = '=' | '!=' | 'in' | 'notin' | 'exists' | '!' | 'gt' | 'lt';

export interface Requirement {
  key: string;
  op: Operator;
  values: string[];
}

export type LabelSelector = Requirement[];

const KEY_CHARS = /[A-Za-z0-9._\-/]/;

/** Parses the `labelSelector` query syntax (`a=b,c!=d,e in (x,y),!f,g`). */
export function parseLabelSelector(text: string | undefined): LabelSelector {
  if (!text || !text.trim()) return [];
  const s = text;
  let i = 0;
  const out: Requirement[] = [];
  const ws = () => {
    while (i < s.length && /\s/.test(s[i]!)) i++;
  };
  const fail = (why: string): never => {
    throw errors.badRequest(`unable to parse requirement: ${why}`);
  };
  const readKey = (): string => {
    ws();
    const start = i;
    while (i < s.length && KEY_CHARS.test(s[i]!)) i++;
    const key = s.slice(start, i);
    if (!key) fail(`found '${s[i] ?? ''}', expected: identifier`);
    return key;
  };
  const readValue = (): string => {
    ws();
    const start = i;
    while (i < s.length && /[A-Za-z0-9._\-]/.test(s[i]!)) i++;
    return s.slice(start, i);
  };
  while (i < s.length) {
    ws();
    if (s[i] === '!') {
      i++;
      out.push({ key: readKey(), op: '!', values: [] });
    } else {
      const key = readKey();
      ws();
      const rest = s.slice(i);
      if (rest.startsWith('==')) {
        i += 2;
        out.push({ key, op: '=', values: [readValue()] });
      } else if (rest.startsWith('!=')) {
        i += 2;
        out.push({ key, op: '!=', values: [readValue()] });
      } else if (rest.startsWith('=')) {
        i += 1;
        out.push({ key, op: '=', values: [readValue()] });
      } else if (rest.startsWith('>') || rest.startsWith('<')) {
        i += 1;
        const v = readValue();
        if (!/^-?\d+$/.test(v)) fail(`for 'Gt', 'Lt' operators, the value must be an integer`);
        out.push({ key, op: rest[0] === '>' ? 'gt' : 'lt', values: [v] });
      } else if (/^(in|notin)\s*\(/.test(rest)) {
        const op = rest.startsWith('in') ? 'in' : 'notin';
        i += op.length;
        ws();
        i++; // '('
        const values: string[] = [];
        for (;;) {
          values.push(readValue());
          ws();
          if (s[i] === ',') {
            i++;
            continue;
          }
          if (s[i] === ')') {
            i++;
            break;
          }
          fail(`found '${s[i] ?? ''}', expected: ',', ')'`);
        }
        out.push({ key, op, values });
      } else if (i >= s.length || s[i] === ',') {
        out.push({ key, op: 'exists', values: [] });
      } else {
        fail(`found '${s[i]}', expected: '=', '!=', '==', 'in', notin'`);
      }
    }
    ws();
    if (i < s.length) {
      if (s[i] !== ',') fail(`found '${s[i]}', expected: ',' or 'end of string'`);
      i++;
    }
  }
  return out;
}

export function matchesLabels(selector: LabelSelector, labels: Record<string, string> | undefined): boolean {
  const l = labels ?? {};
  for (const r of selector) {
    const has = Object.prototype.hasOwnProperty.call(l, r.key);
    const v = l[r.key];
    switch (r.op) {
      case '=':
        if (!has || v !== r.values[0]) return false;
        break;
      case '!=':
        if (has && v === r.values[0]) return false;
        break;
      case 'in':
        if (!has || !r.values.includes(v!)) return false;
        break;
      case 'notin':
        if (has && r.values.includes(v!)) return false;
        break;
      case 'exists':
        if (!has) return false;
        break;
      case '!':
        if (has) return false;
        break;
      case 'gt':
      case 'lt': {
        if (!has || !/^-?\d+$/.test(v!)) return false;
        const n = Number(v);
        const bound = Number(r.values[0]);
        if (r.op === 'gt' ? !(n > bound) : !(n < bound)) return false;
        break;
      }
    }
  }
  return true;
}

/** Converts a metav1.LabelSelector (matchLabels + matchExpressions) to requirements. */
export function fromLabelSelectorObject(sel: Json): LabelSelector {
  if (!sel) return [];
  const out: Requirement[] = [];
  for (const [k, v] of Object.entries((sel.matchLabels ?? {}) as Record<string, string>)) out.push({ key: k, op: '=', values: [v] });
  for (const e of (sel.matchExpressions ?? []) as Json[]) {
    const values = [...((e.values ?? []) as string[])];
    switch (e.operator) {
      case 'In':
        out.push({ key: e.key, op: 'in', values });
        break;
      case 'NotIn':
        out.push({ key: e.key, op: 'notin', values });
        break;
      case 'Exists':
        out.push({ key: e.key, op: 'exists', values: [] });
        break;
      case 'DoesNotExist':
        out.push({ key: e.key, op: '!', values: [] });
        break;
    }
  }
  return out;
}

/** Formats a selector the way the server prints one (sorted by key, `a=b,c in (x,y)`). */
export function formatSelector(selector: LabelSelector): string {
  const parts = [...selector]
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map((r) => {
      switch (r.op) {
        case '=':
          return `${r.key}=${r.values[0]}`;
        case '!=':
          return `${r.key}!=${r.values[0]}`;
        case 'in':
        case 'notin':
          return `${r.key} ${r.op} (${[...r.values].sort().join(',')})`;
        case 'exists':
          return r.key;
        case '!':
          return `!${r.key}`;
        case 'gt':
          return `${r.key}>${r.values[0]}`;
        case 'lt':
          return `${r.key}<${r.values[0]}`;
      }
    });
  return parts.join(',');
}

/** A Service-style selector map as a string (`app=web,tier=front`). */
export function formatSelectorMap(map: Record<string, string> | undefined): string {
  if (!map) return '';
  return Object.keys(map)
    .sort()
    .map((k) => `${k}=${map[k]}`)
    .join(',');
}
