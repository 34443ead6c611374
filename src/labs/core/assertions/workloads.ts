import type { ClusterObject } from '../../../cluster/cluster-adapter.js';
import { L } from '../messages.js';
import { describeTarget, isPodReady, podsOf, type EvalContext, type Verdict } from './context.js';

const notFound = (ctx: EvalContext): Verdict => {
  const t = describeTarget(ctx.target);
  return { passed: false, message: L(`未找到 ${t}`, `${t} not found`) };
};

export async function podsReady(ctx: EvalContext, a: { min?: number }): Promise<Verdict> {
  const pods = await podsOf(ctx);
  if (pods === null) return notFound(ctx);
  const ready = pods.filter(isPodReady).length;
  const want = Math.max(a.min ?? 1, ctx.target.kind === 'Pod' ? pods.length : 0);
  const passed = ready >= want && (ctx.target.kind !== 'Pod' || ready === pods.length);
  return {
    passed,
    message: L(`期望至少 ${want} 个就绪的 Pod，实际 ${ready} 个就绪（共 ${pods.length} 个）`, `expected ${want} ready pods, found ${ready} ready of ${pods.length}`),
  };
}

export function deploymentRolledOut(ctx: EvalContext, a: { image?: string }): Verdict {
  const d = ctx.objects[0];
  if (!d) return notFound(ctx);
  const name = `Deployment/${d.metadata?.name}`;
  const desired = d.spec?.replicas ?? 1;
  const s = d.status ?? {};
  const images = ((d.spec?.template?.spec?.containers ?? []) as Array<{ image?: string }>).map((c) => c.image ?? '');
  if (a.image && !images.some((i) => new RegExp(a.image!).test(i))) {
    return { passed: false, message: L(`${name} 的镜像为 ${images.join(', ')}，期望匹配 /${a.image}/`, `${name} runs ${images.join(', ')}, expected an image matching /${a.image}/`) };
  }
  if ((s.observedGeneration ?? 0) < (d.metadata?.generation ?? 0)) {
    return { passed: false, message: L(`${name} 的最新修改尚未被控制器处理`, `${name}: the controller has not observed the latest change yet`) };
  }
  const updated = s.updatedReplicas ?? 0;
  const ready = s.readyReplicas ?? 0;
  const available = s.availableReplicas ?? 0;
  const total = s.replicas ?? 0;
  const passed = updated === desired && ready === desired && available === desired && total === desired;
  return {
    passed,
    message: L(
      `${name}：期望 ${desired} 个副本，已更新 ${updated}、就绪 ${ready}、可用 ${available}、总计 ${total}`,
      `${name}: desired ${desired}, updated ${updated}, ready ${ready}, available ${available}, total ${total}`,
    ),
  };
}

const REVISION = 'deployment.kubernetes.io/revision';

export async function rolloutHistory(ctx: EvalContext, a: { min: number }): Promise<Verdict> {
  const d = ctx.objects[0];
  if (!d) return notFound(ctx);
  const uid = d.metadata?.uid;
  const sets = await ctx.reader.list(ctx.namespace, { apiVersion: 'apps/v1', kind: 'ReplicaSet' });
  const revisions = sets
    .filter((rs: ClusterObject) => rs.metadata?.ownerReferences?.some((o) => o.uid === uid && o.kind === 'Deployment'))
    .map((rs) => Number(rs.metadata?.annotations?.[REVISION]))
    .filter((n) => Number.isFinite(n))
    .sort((x, y) => x - y);
  return {
    passed: revisions.length >= a.min,
    message: L(
      `期望 Deployment/${d.metadata?.name} 至少有 ${a.min} 个修订版本，实际 ${revisions.length} 个（${revisions.join(', ') || '无'}）`,
      `expected at least ${a.min} revisions of Deployment/${d.metadata?.name}, found ${revisions.length} (${revisions.join(', ') || 'none'})`,
    ),
  };
}

export async function jobSucceeded(ctx: EvalContext, a: { min?: number }): Promise<Verdict> {
  let jobs = ctx.objects;
  // A CronJob succeeds through the Jobs it created.
  if (ctx.target.kind === 'CronJob') {
    const cj = ctx.objects[0];
    if (!cj) return notFound(ctx);
    const all = await ctx.reader.list(ctx.namespace, { apiVersion: 'batch/v1', kind: 'Job' });
    jobs = all.filter((j) => j.metadata?.ownerReferences?.some((o) => o.uid === cj.metadata?.uid));
  }
  if (!jobs.length) return notFound(ctx);
  const want = a.min ?? 1;
  const done = jobs.filter((j) => ((j.status?.conditions ?? []) as Array<{ type?: string; status?: string }>).some((c) => c.type === 'Complete' && c.status === 'True'));
  const succeeded = jobs.reduce((n, j) => n + (j.status?.succeeded ?? 0), 0);
  const failed = jobs.reduce((n, j) => n + (j.status?.failed ?? 0), 0);
  return {
    passed: done.length > 0 && succeeded >= want,
    message: L(
      `期望至少 ${want} 个成功完成的 Pod，实际成功 ${succeeded}、失败 ${failed}，已完成的 Job ${done.length} 个`,
      `expected ${want} succeeded pods, found ${succeeded} succeeded and ${failed} failed; ${done.length} job(s) complete`,
    ),
  };
}

const FIELD = /^(\*|\d+(-\d+)?(,\d+(-\d+)?)*)(\/\d+)?$|^\*\/\d+$/;
const MACROS = new Set(['@yearly', '@annually', '@monthly', '@weekly', '@daily', '@midnight', '@hourly']);

/** A standard five-field schedule or a macro; `equals` compares after collapsing whitespace. */
export function cronSchedule(ctx: EvalContext, a: { equals?: string }): Verdict {
  const cj = ctx.objects[0];
  if (!cj) return notFound(ctx);
  const s = String(cj.spec?.schedule ?? '').trim().replace(/\s+/g, ' ');
  const fields = s.split(' ');
  const valid = MACROS.has(s) || (fields.length === 5 && fields.every((f) => FIELD.test(f) || /^[A-Za-z]{3}(-[A-Za-z]{3})?$/.test(f)));
  if (!valid) return { passed: false, message: L(`调度表达式 "${s}" 无效`, `schedule "${s}" is not a valid cron expression`) };
  if (a.equals !== undefined && s !== a.equals.trim().replace(/\s+/g, ' ')) {
    return { passed: false, message: L(`调度表达式为 "${s}"，期望 "${a.equals}"`, `schedule is "${s}", expected "${a.equals}"`) };
  }
  return { passed: true, message: L(`调度表达式为 "${s}"`, `schedule is "${s}"`) };
}

/** Pods name-0 … name-(n-1) all Ready, each with its claims from volumeClaimTemplates Bound. */
export async function statefulSetOrdered(ctx: EvalContext, a: { replicas?: number }): Promise<Verdict> {
  const sts = ctx.objects[0];
  if (!sts) return notFound(ctx);
  const name = sts.metadata?.name ?? '';
  const n = a.replicas ?? sts.spec?.replicas ?? 1;
  const templates = ((sts.spec?.volumeClaimTemplates ?? []) as ClusterObject[]).map((t) => t.metadata?.name ?? '');
  const [pods, claims] = await Promise.all([
    ctx.reader.list(ctx.namespace, { apiVersion: 'v1', kind: 'Pod' }),
    templates.length ? ctx.reader.list(ctx.namespace, { apiVersion: 'v1', kind: 'PersistentVolumeClaim' }) : Promise.resolve([]),
  ]);
  const problems: Array<{ zh: string; en: string }> = [];
  for (let i = 0; i < n; i += 1) {
    const podName = `${name}-${i}`;
    const pod = pods.find((p) => p.metadata?.name === podName);
    if (!pod) problems.push(L(`缺少 Pod ${podName}`, `pod ${podName} missing`));
    else if (!isPodReady(pod)) problems.push(L(`Pod ${podName} 未就绪`, `pod ${podName} not ready`));
    for (const t of templates) {
      const claim = claims.find((c) => c.metadata?.name === `${t}-${podName}`);
      if (claim?.status?.phase !== 'Bound') problems.push(L(`存储卷声明 ${t}-${podName} ${claim ? `状态为 ${claim.status?.phase ?? '未知'}` : '不存在'}`, `claim ${t}-${podName} ${claim ? `is ${claim.status?.phase ?? 'unknown'}` : 'missing'}`));
    }
  }
  if (problems.length) {
    return { passed: false, message: L(`期望 ${n} 个有序 Pod：${problems.map((p) => p.zh).join('；')}`, `expected ${n} ordered pods: ${problems.map((p) => p.en).join('; ')}`) };
  }
  return { passed: true, message: L(`${name}-0 … ${name}-${n - 1} 全部就绪，存储卷已绑定`, `${name}-0 … ${name}-${n - 1} ready with bound claims`) };
}
