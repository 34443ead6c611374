import type { ClusterReader } from '../../cluster/cluster-adapter.js';
import { ClusterForbiddenError, ClusterUnavailableError } from '../../cluster/cluster-errors.js';
import { absent, count, exists, field, labelValid } from './assertions/basic.js';
import { envFrom, secretHasKey } from './assertions/config.js';
import { memoReader, resolveTarget, type EvalContext, type Verdict } from './assertions/context.js';
import { ingressRoutes, serviceSelects } from './assertions/networking.js';
import { cronSchedule, deploymentRolledOut, jobSucceeded, podsReady, rolloutHistory, statefulSetOrdered } from './assertions/workloads.js';
import { L, join } from './messages.js';
import type { Assertion, CheckResult, TaskDefinition, TaskResult } from './task-types.js';

export async function evaluate(a: Assertion, ctx: EvalContext): Promise<Verdict> {
  if ('exists' in a) return exists(ctx);
  if ('absent' in a) return absent(ctx);
  if ('count' in a) return count(ctx, a.count);
  if ('field' in a) return field(ctx, a.field, ctx.target.kind === 'Secret' && /^(data|stringData)\b/.test(a.field.path));
  if ('podsReady' in a) return podsReady(ctx, a.podsReady);
  if ('deploymentRolledOut' in a) return deploymentRolledOut(ctx, a.deploymentRolledOut);
  if ('rolloutHistory' in a) return rolloutHistory(ctx, a.rolloutHistory);
  if ('serviceSelects' in a) return serviceSelects(ctx, a.serviceSelects);
  if ('envFrom' in a) return envFrom(ctx, a.envFrom);
  if ('secretHasKey' in a) return secretHasKey(ctx, a.secretHasKey);
  if ('jobSucceeded' in a) return jobSucceeded(ctx, a.jobSucceeded);
  if ('cronSchedule' in a) return cronSchedule(ctx, a.cronSchedule);
  if ('statefulSetOrdered' in a) return statefulSetOrdered(ctx, a.statefulSetOrdered);
  if ('ingressRoutes' in a) return ingressRoutes(ctx, a.ingressRoutes);
  if ('labelValid' in a) return labelValid(ctx, a.labelValid);
  if ('all' in a) {
    const parts = [];
    for (const sub of a.all) {
      const v = await evaluate(sub, ctx);
      // The first failure explains the verdict; the rest would only add noise.
      if (!v.passed) return v;
      parts.push(v.message);
    }
    return { passed: true, message: join(parts) };
  }
  if ('any' in a) {
    const parts = [];
    for (const sub of a.any) {
      const v = await evaluate(sub, ctx);
      if (v.passed) return v;
      parts.push(v.message);
    }
    return { passed: false, message: join(parts, { zh: '；或 ', en: '; or ' }) };
  }
  return { passed: false, message: L('未知的断言类型', 'unknown assertion') };
}

/**
 * Runs every check of a task against one namespace, in the task's order. Odd cluster state
 * (missing objects, half-written status, a kind the server lacks) fails the check with a
 * message; an unreachable or forbidding cluster is rethrown, because grading a candidate 0
 * for our outage would be wrong: the caller retries or reports 503/502.
 */
export async function validateTask(task: TaskDefinition, namespace: string, reader: ClusterReader): Promise<TaskResult> {
  const cached = memoReader(reader);
  const checks: CheckResult[] = await Promise.all(
    task.checks.map(async (check): Promise<CheckResult> => {
      let verdict: Verdict;
      try {
        const objects = await resolveTarget(cached, namespace, check.target);
        verdict = await evaluate(check.assert, { namespace, target: check.target, objects, reader: cached });
      } catch (e) {
        if (e instanceof ClusterUnavailableError || e instanceof ClusterForbiddenError) throw e;
        const why = e instanceof Error ? e.message : String(e);
        verdict = { passed: false, message: L(`无法完成检查：${why}`, `could not check: ${why}`) };
      }
      return {
        id: check.id,
        passed: verdict.passed,
        weight: check.weight,
        title: check.title,
        message: verdict.message,
        hint: verdict.passed ? null : check.hint,
        section: check.section,
      };
    }),
  );
  const maxScore = checks.reduce((n, c) => n + c.weight, 0);
  const score = checks.reduce((n, c) => n + (c.passed ? c.weight : 0), 0);
  return { taskId: task.id, score, maxScore, percentage: maxScore ? Math.round((score / maxScore) * 1000) / 10 : 0, checks };
}
