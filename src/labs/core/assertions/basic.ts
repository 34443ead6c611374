import type { ClusterObject } from '../../../cluster/cluster-adapter.js';
import { jsonPath } from '../json-path.js';
import { L, show } from '../messages.js';
import { parseQuantity } from '../quantity.js';
import type { FieldAssertion } from '../task-types.js';
import { describeTarget, type EvalContext, type Verdict } from './context.js';

export function exists(ctx: EvalContext): Verdict {
  const t = describeTarget(ctx.target);
  return ctx.objects.length
    ? { passed: true, message: L(`找到 ${t}（${ctx.objects.length} 个）`, `found ${t} (${ctx.objects.length})`) }
    : { passed: false, message: L(`未找到 ${t}`, `${t} not found`) };
}

export function absent(ctx: EvalContext): Verdict {
  const t = describeTarget(ctx.target);
  return ctx.objects.length
    ? { passed: false, message: L(`${t} 仍然存在（${ctx.objects.length} 个）`, `${t} still exists (${ctx.objects.length})`) }
    : { passed: true, message: L(`${t} 不存在`, `${t} is absent`) };
}

export function count(ctx: EvalContext, a: { op: '=' | '>=' | '<='; value: number }): Verdict {
  const n = ctx.objects.length;
  const passed = a.op === '=' ? n === a.value : a.op === '>=' ? n >= a.value : n <= a.value;
  const t = describeTarget(ctx.target);
  return { passed, message: L(`期望 ${t} 数量 ${a.op} ${a.value}，实际 ${n}`, `expected ${a.op} ${a.value} of ${t}, found ${n}`) };
}

function compare(v: unknown, a: FieldAssertion): boolean {
  const num = (x: unknown) => (a.quantity ? parseQuantity(x) : typeof x === 'number' ? x : Number(x));
  const same = (x: unknown, y: unknown) => (a.quantity ? num(x) === num(y) : x === y || (typeof y === 'number' && typeof x === 'string' && x !== '' && Number(x) === y));
  if (a.equals !== undefined && !same(v, a.equals)) return false;
  if (a.oneOf !== undefined && !a.oneOf.some((o) => same(v, o))) return false;
  if (a.matches !== undefined && (typeof v !== 'string' && typeof v !== 'number' ? true : !new RegExp(a.matches).test(String(v)))) return false;
  if (a.gte !== undefined && !(num(v) >= num(a.gte))) return false;
  if (a.lte !== undefined && !(num(v) <= num(a.lte))) return false;
  if (a.hasKey !== undefined && !(v && typeof v === 'object' && a.hasKey in v)) return false;
  return true;
}

function expectation(a: FieldAssertion): { zh: string; en: string } {
  const parts: Array<[string, string]> = [];
  if (a.equals !== undefined) parts.push([`等于 ${show(a.equals)}`, `equal to ${show(a.equals)}`]);
  if (a.oneOf !== undefined) parts.push([`属于 ${show(a.oneOf)}`, `one of ${show(a.oneOf)}`]);
  if (a.matches !== undefined) parts.push([`匹配 /${a.matches}/`, `matching /${a.matches}/`]);
  if (a.gte !== undefined) parts.push([`≥ ${a.gte}`, `≥ ${a.gte}`]);
  if (a.lte !== undefined) parts.push([`≤ ${a.lte}`, `≤ ${a.lte}`]);
  if (a.hasKey !== undefined) parts.push([`包含键 ${show(a.hasKey)}`, `with key ${show(a.hasKey)}`]);
  return { zh: parts.map((p) => p[0]).join('、') || '存在', en: parts.map((p) => p[1]).join(', ') || 'present' };
}

/** Every target object must have at least one value at the path and all of them must pass. */
export function field(ctx: EvalContext, a: FieldAssertion, secret = false): Verdict {
  const t = describeTarget(ctx.target);
  const exp = expectation(a);
  if (!ctx.objects.length) return { passed: false, message: L(`未找到 ${t}`, `${t} not found`) };
  for (const o of ctx.objects) {
    const name = `${o.kind ?? ctx.target.kind}/${o.metadata?.name}`;
    const values = jsonPath(o, a.path);
    if (!values.length) return { passed: false, message: L(`${name} 的 ${a.path} 未设置（期望${exp.zh}）`, `${name} has no ${a.path} (expected ${exp.en})`) };
    const bad = values.find((v) => !compare(v, a));
    if (bad !== undefined) {
      const found = secret ? '***' : show(bad);
      return { passed: false, message: L(`${name} 的 ${a.path} 为 ${found}，期望${exp.zh}`, `${name} has ${a.path} = ${found}, expected ${exp.en}`) };
    }
  }
  const shown = secret ? '***' : show(jsonPath(ctx.objects[0], a.path)[0]);
  return { passed: true, message: L(`${t} 的 ${a.path} 为 ${shown}`, `${t} has ${a.path} = ${shown}`) };
}

const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

export function labelValid(ctx: EvalContext, a: { key: string; oneOf?: string[]; matches?: string }): Verdict {
  const t = describeTarget(ctx.target);
  if (!ctx.objects.length) return { passed: false, message: L(`未找到 ${t}`, `${t} not found`) };
  for (const o of ctx.objects as ClusterObject[]) {
    const name = `${o.kind ?? ctx.target.kind}/${o.metadata?.name}`;
    const v = o.metadata?.labels?.[a.key];
    if (v === undefined) return { passed: false, message: L(`${name} 缺少标签 ${a.key}`, `${name} has no label ${a.key}`) };
    const valid = v.length <= 63 && LABEL_VALUE.test(v) && (!a.oneOf || a.oneOf.includes(v)) && (!a.matches || new RegExp(a.matches).test(v));
    if (!valid) {
      const want = a.oneOf ? L(`，期望 ${show(a.oneOf)} 之一`, `, expected one of ${show(a.oneOf)}`) : L('', '');
      return { passed: false, message: L(`${name} 的标签 ${a.key}=${show(v)} 不符合要求${want.zh}`, `${name} has label ${a.key}=${show(v)}, not accepted${want.en}`) };
    }
  }
  return { passed: true, message: L(`${t} 都带有合法的标签 ${a.key}`, `every ${t} has a valid ${a.key} label`) };
}
