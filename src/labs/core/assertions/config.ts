import type { ClusterObject } from '../../../cluster/cluster-adapter.js';
import { L } from '../messages.js';
import { describeTarget, type EvalContext, type Verdict } from './context.js';

interface Container {
  name?: string;
  env?: Array<{ name?: string; value?: string; valueFrom?: { configMapKeyRef?: { name?: string; key?: string }; secretKeyRef?: { name?: string; key?: string } } }>;
  envFrom?: Array<{ configMapRef?: { name?: string }; secretRef?: { name?: string } }>;
}

function podSpecOf(o: ClusterObject): { containers?: Container[] } | undefined {
  if (o.kind === 'Pod') return o.spec;
  if (o.kind === 'CronJob') return o.spec?.jobTemplate?.spec?.template?.spec;
  return o.spec?.template?.spec;
}

/**
 * A container gets its environment from a ConfigMap or Secret: either one variable
 * (`env[].valueFrom.*KeyRef`, with `env` naming it and `key` the source key) or the whole
 * source (`envFrom`), which also satisfies a key requirement.
 */
export function envFrom(ctx: EvalContext, a: { container?: string; env?: string; configMap?: string; secret?: string; key?: string }): Verdict {
  const t = describeTarget(ctx.target);
  if (!ctx.objects.length) return { passed: false, message: L(`未找到 ${t}`, `${t} not found`) };
  const kind = a.secret !== undefined ? 'Secret' : 'ConfigMap';
  const source = a.secret ?? a.configMap ?? '';
  const what = `${kind}/${source}${a.key ? ` key ${a.key}` : ''}`;
  for (const o of ctx.objects) {
    const containers = (podSpecOf(o)?.containers ?? []).filter((c) => !a.container || c.name === a.container);
    const ok = containers.some((c) => {
      const whole = (c.envFrom ?? []).some((e) => (kind === 'Secret' ? e.secretRef?.name : e.configMapRef?.name) === source);
      const single = (c.env ?? []).some((e) => {
        const ref = kind === 'Secret' ? e.valueFrom?.secretKeyRef : e.valueFrom?.configMapKeyRef;
        return ref?.name === source && (!a.key || ref.key === a.key) && (!a.env || e.name === a.env);
      });
      return single || (whole && !a.env);
    });
    if (!ok) {
      const literal = a.env && containers.some((c) => (c.env ?? []).some((e) => e.name === a.env && e.value !== undefined));
      const extra = literal ? L(`；${a.env} 被写成了字面值`, `; ${a.env} is set to a literal value`) : L('', '');
      return { passed: false, message: L(`${o.kind}/${o.metadata?.name} 的容器没有从 ${what} 获取环境变量${extra.zh}`, `${o.kind}/${o.metadata?.name}: no container takes its environment from ${what}${extra.en}`) };
    }
  }
  return { passed: true, message: L(`${t} 从 ${what} 获取环境变量`, `${t} takes its environment from ${what}`) };
}

/** Reports key names only: secret values never reach a message. */
export function secretHasKey(ctx: EvalContext, a: { key: string }): Verdict {
  const s = ctx.objects[0];
  const t = describeTarget(ctx.target);
  if (!s) return { passed: false, message: L(`未找到 ${t}`, `${t} not found`) };
  const keys = Object.keys({ ...(s.data as object | undefined), ...(s.stringData as object | undefined) }).sort();
  const v = (s.data as Record<string, string> | undefined)?.[a.key] ?? (s.stringData as Record<string, string> | undefined)?.[a.key];
  if (v === undefined) return { passed: false, message: L(`Secret/${s.metadata?.name} 没有键 ${a.key}（现有键：${keys.join(', ') || '无'}）`, `Secret/${s.metadata?.name} has no key ${a.key} (keys: ${keys.join(', ') || 'none'})`) };
  if (v === '') return { passed: false, message: L(`Secret/${s.metadata?.name} 的键 ${a.key} 为空`, `Secret/${s.metadata?.name} key ${a.key} is empty`) };
  return { passed: true, message: L(`Secret/${s.metadata?.name} 含有键 ${a.key}`, `Secret/${s.metadata?.name} has key ${a.key}`) };
}
