import { L } from '../messages.js';
import { describeTarget, type EvalContext, type Verdict } from './context.js';

interface EndpointPort {
  name?: string;
  port?: number;
}

/** The Service's Endpoints have at least `minReady` ready addresses serving the given service port. */
export async function serviceSelects(ctx: EvalContext, a: { minReady: number; port?: number }): Promise<Verdict> {
  const svc = ctx.objects[0];
  const t = describeTarget(ctx.target);
  if (!svc) return { passed: false, message: L(`未找到 ${t}`, `${t} not found`) };
  const name = svc.metadata?.name ?? '';
  const svcPorts = (svc.spec?.ports ?? []) as Array<{ name?: string; port?: number }>;
  const wanted = a.port === undefined ? undefined : svcPorts.find((p) => p.port === a.port);
  if (a.port !== undefined && !wanted) {
    return { passed: false, message: L(`Service/${name} 没有端口 ${a.port}`, `Service/${name} exposes no port ${a.port}`) };
  }
  const ep = await ctx.reader.get(ctx.namespace, { apiVersion: 'v1', kind: 'Endpoints', name });
  let ready = 0;
  let notReady = 0;
  for (const subset of (ep?.subsets ?? []) as Array<{ addresses?: unknown[]; notReadyAddresses?: unknown[]; ports?: EndpointPort[] }>) {
    // Endpoint ports carry the service port's name; an unnamed single port matches alone.
    const serves = !wanted || (subset.ports ?? []).some((p) => (p.name ?? '') === (wanted.name ?? '') || (svcPorts.length === 1 && !p.name));
    if (!serves) continue;
    ready += subset.addresses?.length ?? 0;
    notReady += subset.notReadyAddresses?.length ?? 0;
  }
  const on = a.port === undefined ? L('', '') : L(`（端口 ${a.port}）`, ` on port ${a.port}`);
  return {
    passed: ready >= a.minReady,
    message: L(
      `期望 Service/${name}${on.zh} 至少有 ${a.minReady} 个就绪端点，实际 ${ready} 个（未就绪 ${notReady} 个）`,
      `expected ${a.minReady} ready endpoints for Service/${name}${on.en}, found ${ready} (${notReady} not ready)`,
    ),
  };
}

interface IngressPath {
  path?: string;
  backend?: { service?: { name?: string; port?: { number?: number; name?: string } } };
}

export function ingressRoutes(ctx: EvalContext, a: { host?: string; path: string; service: string; port: number | string }): Verdict {
  const t = describeTarget(ctx.target);
  if (!ctx.objects.length) return { passed: false, message: L(`未找到 ${t}`, `${t} not found`) };
  const found: string[] = [];
  const norm = (p: string | undefined) => (p && p !== '/' ? p.replace(/\/+$/, '') : '/');
  for (const ing of ctx.objects) {
    for (const rule of (ing.spec?.rules ?? []) as Array<{ host?: string; http?: { paths?: IngressPath[] } }>) {
      if (a.host !== undefined && rule.host !== a.host) continue;
      for (const p of rule.http?.paths ?? []) {
        const svc = p.backend?.service;
        const port = svc?.port?.number ?? svc?.port?.name;
        if (norm(p.path) !== norm(a.path)) continue;
        found.push(`${svc?.name}:${port}`);
        if (svc?.name === a.service && String(port) === String(a.port)) {
          return { passed: true, message: L(`${rule.host ?? '*'}${a.path} 路由到 ${a.service}:${a.port}`, `${rule.host ?? '*'}${a.path} routes to ${a.service}:${a.port}`) };
        }
      }
    }
  }
  const where = `${a.host ?? '*'}${a.path}`;
  return {
    passed: false,
    message: found.length
      ? L(`${where} 路由到 ${found.join(', ')}，期望 ${a.service}:${a.port}`, `${where} routes to ${found.join(', ')}, expected ${a.service}:${a.port}`)
      : L(`没有 ${where} 的路由规则，期望指向 ${a.service}:${a.port}`, `no rule for ${where}, expected one to ${a.service}:${a.port}`),
  };
}
