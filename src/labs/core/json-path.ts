/**
 * A small JSONPath subset, enough for check definitions and evaluated the same way on any
 * cluster: `spec.replicas`, `$.spec.template.spec.containers[0].image`,
 * `containers[*].image`, `containers[?(@.name=='web')].image`,
 * `metadata.labels['app.kubernetes.io/name']`, and kubectl's `{.spec.replicas}` wrapping.
 * Returns every value reached (missing branches are simply absent). No eval: filters are a
 * single equality on a child path, which is all checks need.
 */
type Step = { key: string } | { index: number } | { wildcard: true } | { filter: { path: string[]; value: string | number | boolean } };

const cache = new Map<string, Step[]>();

export function jsonPath(root: unknown, expr: string): unknown[] {
  let values: unknown[] = [root];
  for (const step of parsePath(expr)) {
    const next: unknown[] = [];
    for (const v of values) {
      if (v === null || typeof v !== 'object') continue;
      if ('key' in step) {
        const child = (v as Record<string, unknown>)[step.key];
        if (child !== undefined) next.push(child);
      } else if ('index' in step) {
        if (Array.isArray(v)) {
          const child = v[step.index < 0 ? v.length + step.index : step.index];
          if (child !== undefined) next.push(child);
        }
      } else if ('wildcard' in step) {
        next.push(...(Array.isArray(v) ? v : Object.values(v)));
      } else if (Array.isArray(v)) {
        const { path, value } = step.filter;
        next.push(...v.filter((item) => path.reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), item) === value));
      }
    }
    values = next;
  }
  return values;
}

export function parsePath(expr: string): Step[] {
  const hit = cache.get(expr);
  if (hit) return hit;
  let s = expr.trim();
  if (s.startsWith('{') && s.endsWith('}')) s = s.slice(1, -1).trim();
  if (s.startsWith('$')) s = s.slice(1);
  const steps: Step[] = [];
  let i = 0;
  const fail = (why: string): never => {
    throw new Error(`invalid path "${expr}" at ${i}: ${why}`);
  };
  while (i < s.length) {
    if (s[i] === '.') {
      i += 1;
      continue;
    }
    if (s[i] === '[') {
      const end = closingBracket(s, i);
      if (end < 0) fail('unclosed [');
      steps.push(bracket(s.slice(i + 1, end).trim(), fail));
      i = end + 1;
      continue;
    }
    const m = /^[^.[\]]+/.exec(s.slice(i));
    if (!m) fail('unexpected character');
    steps.push(m![0] === '*' ? { wildcard: true } : { key: m![0] });
    i += m![0].length;
  }
  cache.set(expr, steps);
  return steps;
}

function closingBracket(s: string, from: number): number {
  let quote = '';
  for (let i = from + 1; i < s.length; i += 1) {
    const c = s[i];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === "'" || c === '"') quote = c;
    else if (c === ']') return i;
  }
  return -1;
}

function bracket(inner: string, fail: (why: string) => never): Step {
  if (inner === '*') return { wildcard: true };
  if (/^-?\d+$/.test(inner)) return { index: Number(inner) };
  const quoted = /^(['"])(.*)\1$/.exec(inner);
  if (quoted) return { key: quoted[2] };
  const filter = /^\?\(@\.([\w.-]+)\s*==\s*(?:(['"])(.*)\2|(-?\d+(?:\.\d+)?)|(true|false))\)$/.exec(inner);
  if (filter) {
    const value = filter[3] ?? (filter[4] !== undefined ? Number(filter[4]) : filter[5] === 'true');
    return { filter: { path: filter[1].split('.'), value } };
  }
  return fail(`unsupported [${inner}]`);
}
