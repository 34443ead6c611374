import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { DataSource, IsNull, LessThanOrEqual } from 'typeorm';
import type { AuthContext } from '../auth/auth-context.js';
import { ClusterRegistry } from '../cluster/registry/cluster-registry.service.js';
import { CANDIDATE_SERVICE_ACCOUNT, ClusterForbiddenError, ClusterRequestError, ClusterScopeError, ClusterUnavailableError } from '../cluster/index.js';
import { AppException } from '../common/errors/app.exception.js';
import { Clock } from '../common/time/clock.js';
import { AppConfig } from '../config/app-config.js';
import { JobQueue } from '../jobs/job-queue.js';
import { checkTargetViolations, taskViolations, validateTask, type TaskDefinition, type TaskResult } from './core/index.js';
import type { CreatedLabSessionDto, LabSessionDto, ValidationResultDto } from './dto/lab.dto.js';
import { LabSessionEntity } from './entities/lab-session.entity.js';
import { policyRefusal, TaskCatalog } from './task-catalog.js';

export const LAB_CLEANUP_JOB = 'labs.cleanup';
type Lang = 'zh' | 'en';

/** Maps cluster failures to the API's errors: unreachable → 503, refused → 502. */
export async function onCluster<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof ClusterUnavailableError) throw new AppException('service-unavailable', 'The lab cluster is unreachable; try again shortly', { headers: { 'retry-after': '30' } });
    if (error instanceof ClusterForbiddenError) throw new AppException('bad-gateway', 'The lab cluster refused the request (check the registered credentials)');
    throw error;
  }
}

/** The cluster refusing a task's setup is the task's fault: 422, not a gateway error. */
async function applySetup(work: () => Promise<unknown>, taskId: string): Promise<void> {
  try {
    await work();
  } catch (error) {
    if (error instanceof ClusterScopeError || error instanceof ClusterRequestError) {
      throw new AppException('unprocessable-content', `The cluster refused the setup of task "${taskId}": ${error.message}`);
    }
    throw error;
  }
}

/** What a session keeps of its last validation: the engine's report and when it ran. */
type StoredValidation = TaskResult & { checkedAt: string };

// Reports stored before the time was kept carry none: the session's start is the best bound.
function checkedAtOf(stored: Partial<StoredValidation>, session: LabSessionEntity): Date {
  return stored.checkedAt ? new Date(stored.checkedAt) : session.createdAt;
}

export function toValidationDto(result: TaskResult, lang: Lang, checkedAt: Date, showChecks: boolean): ValidationResultDto {
  return {
    score: result.score,
    maxScore: result.maxScore,
    percentage: result.percentage,
    checkedAt: checkedAt.toISOString(),
    ...(showChecks
      ? {
          checks: result.checks.map((check) => ({
            id: check.id,
            passed: check.passed,
            weight: check.weight,
            title: check.title[lang],
            message: check.message[lang],
            hint: check.hint ? check.hint[lang] : null,
            section: check.section,
          })),
        }
      : {}),
  };
}

/** Lab sessions: a namespace per candidate and task, set up, checked, and cleaned up. */
@Injectable()
export class LabSessionsService implements OnModuleInit {
  private readonly logger = new Logger('Labs');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly registry: ClusterRegistry,
    private readonly catalog: TaskCatalog,
    private readonly queue: JobQueue,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.queue.register(LAB_CLEANUP_JOB, () => this.cleanup().then(() => undefined), { cron: '* * * * *', retryLimit: 1 });
  }

  async start(auth: AuthContext, taskId: string, lang: Lang, options: { attemptId?: string; expiresAt?: Date } = {}): Promise<CreatedLabSessionDto> {
    if (!auth.userId) throw new AppException('forbidden', 'Lab sessions belong to a person');
    const task = await this.catalog.resolve(taskId, auth.organizationId);
    const repo = this.dataSource.getRepository(LabSessionEntity);
    // Counted per organisation: another organisation sharing the person can neither use up nor see this quota.
    const active = await repo.countBy({ userId: auth.userId, organizationId: auth.organizationId ?? IsNull(), status: 'active' });
    if (active >= this.config.LAB_MAX_SESSIONS_PER_CANDIDATE) {
      throw new AppException('conflict', `You already have ${active} active lab sessions; delete one first`);
    }
    const namespace = `lab-${randomBytes(5).toString('hex')}`;
    // Checked again here, not only when written: a stored task may predate the policy or have
    // been written around the API.
    const violations = taskViolations(task, namespace);
    if (violations.length) throw policyRefusal(violations, `Task "${taskId}"`, 'unprocessable-content');
    const cluster = await this.registry.pick();
    const adapter = this.registry.adapterFor(cluster);
    const now = this.clock.now();
    const expiresAt = options.expiresAt ?? new Date(now.getTime() + Math.max(task.timeLimitMinutes, this.config.LAB_SESSION_MINUTES) * 60_000);
    const session = await repo.save(
      repo.create({ organizationId: auth.organizationId, userId: auth.userId, taskId, clusterId: cluster.id, namespace, attemptId: options.attemptId ?? null, status: 'active', expiresAt }),
    );
    try {
      const access = await onCluster(async () => {
        await adapter.createLabNamespace(namespace, {
          labels: { 'kubequiz.io/lab-session': session.id, 'kubequiz.io/task': taskId },
          quota: { pods: 20, cpu: '4', memory: '8Gi', services: 10, persistentVolumeClaims: 10 },
          limitRange: { defaultCpu: '500m', defaultMemory: '256Mi', defaultRequestCpu: '100m', defaultRequestMemory: '64Mi' },
        });
        if (task.setup.length) await applySetup(() => adapter.applyInNamespace(namespace, task.setup), taskId);
        const seconds = Math.max(600, Math.ceil((expiresAt.getTime() - now.getTime()) / 1000));
        return adapter.createCandidateAccess(namespace, { serviceAccount: CANDIDATE_SERVICE_ACCOUNT, expirationSeconds: seconds });
      });
      return { ...(await this.toDto(session, lang)), kubeconfig: access.kubeconfig, instructions: task.instructions[lang] };
    } catch (error) {
      await repo.update({ id: session.id }, { status: 'deleted' });
      await adapter.deleteNamespace(namespace).catch(() => undefined);
      throw error;
    }
  }

  async get(auth: AuthContext, taskId: string, id: string, lang: Lang): Promise<LabSessionDto> {
    return this.toDto(await this.findOwn(auth, taskId, id), lang);
  }

  async validate(auth: AuthContext, taskId: string, id: string, lang: Lang): Promise<ValidationResultDto> {
    const session = await this.findOwn(auth, taskId, id);
    if (session.status !== 'active') throw new AppException('gone', `The lab session is ${session.status}`);
    const result = await this.check(session, await this.catalog.resolve(session.taskId, session.organizationId));
    return toValidationDto(result, lang, this.clock.now(), await this.mayShowChecks(session));
  }

  /** In an exam, per-check results are shown only when the review policy shows answers. */
  private async mayShowChecks(session: LabSessionEntity): Promise<boolean> {
    if (!session.attemptId) return true;
    const [row] = (await this.dataSource.query(
      `SELECT v.blueprint->>'reviewPolicy' AS policy FROM attempts a JOIN exam_versions v ON v.id = a.exam_version_id WHERE a.id = $1`,
      [session.attemptId],
    )) as Array<{ policy: string }>;
    return row?.policy === 'full-review';
  }

  /** Runs the task's checks in the session's namespace and keeps the report. */
  async check(session: LabSessionEntity, task: TaskDefinition): Promise<TaskResult> {
    const violations = checkTargetViolations(task);
    if (violations.length) throw policyRefusal(violations, `Task "${task.id}"`, 'unprocessable-content');
    const cluster = await this.registry.findById(session.clusterId);
    if (!cluster) throw new AppException('service-unavailable', 'The lab cluster is no longer registered');
    const result = await onCluster(() => validateTask(task, session.namespace, this.registry.adapterFor(cluster)));
    const stored: StoredValidation = { ...result, checkedAt: this.clock.now().toISOString() };
    await this.dataSource.getRepository(LabSessionEntity).update({ id: session.id }, { lastValidation: stored as never });
    return result;
  }

  async remove(auth: AuthContext, taskId: string, id: string): Promise<void> {
    const session = await this.findOwn(auth, taskId, id);
    await this.end(session, 'deleted');
  }

  /** Deletes the namespaces of expired sessions (the job runs every minute). */
  async cleanup(): Promise<number> {
    const expired = await this.dataSource.getRepository(LabSessionEntity).find({ where: { status: 'active', expiresAt: LessThanOrEqual(this.clock.now()) }, take: 200 });
    for (const session of expired) {
      await this.end(session, 'expired').catch((error: unknown) => this.logger.warn({ err: error, sessionId: session.id }, 'lab cleanup failed'));
    }
    return expired.length;
  }

  async findForAttempt(attemptId: string, taskId: string): Promise<LabSessionEntity | null> {
    return this.dataSource.getRepository(LabSessionEntity).findOne({ where: { attemptId, taskId }, order: { createdAt: 'DESC' } });
  }

  private async end(session: LabSessionEntity, status: 'expired' | 'deleted'): Promise<void> {
    const cluster = await this.registry.findById(session.clusterId);
    if (cluster) await onCluster(() => this.registry.adapterFor(cluster).deleteNamespace(session.namespace));
    await this.dataSource.getRepository(LabSessionEntity).update({ id: session.id }, { status });
  }

  /**
   * The caller's session in the organisation they act in: the same person acting for another
   * organisation (e.g. through a token its LMS minted) does not reach it.
   */
  private async findOwn(auth: AuthContext, taskId: string, id: string): Promise<LabSessionEntity> {
    const session = await this.dataSource.getRepository(LabSessionEntity).findOneBy({
      id,
      taskId,
      userId: auth.userId ?? '00000000-0000-0000-0000-000000000000',
      organizationId: auth.organizationId ?? IsNull(),
    });
    if (!session) throw AppException.notFound('Lab session', id);
    return session;
  }

  private async toDto(session: LabSessionEntity, lang: Lang): Promise<LabSessionDto> {
    const last = session.lastValidation as StoredValidation | null;
    return {
      id: session.id,
      taskId: session.taskId,
      namespace: session.namespace,
      status: session.status,
      expiresAt: session.expiresAt.toISOString(),
      attemptId: session.attemptId,
      lastValidation: last ? toValidationDto(last, lang, checkedAtOf(last, session), await this.mayShowChecks(session)) : null,
    };
  }
}
