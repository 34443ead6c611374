import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AuthContext } from '../auth/auth-context.js';
import { AppException } from '../common/errors/app.exception.js';
import { loadTasks, parseTask, TaskDefinitionError, TaskPolicyError, type PolicyViolation, type TaskDefinition } from './core/index.js';
import { LabTaskEntity } from './entities/lab-task.entity.js';

const AUTHORS = ['owner', 'author'];

/**
 * 422 listing every path of a task that breaks the lab manifest policy: `validation-failed` when
 * the task is the request body, `unprocessable-content` when a stored task is refused at use.
 */
export function policyRefusal(violations: PolicyViolation[], what: string, code: 'validation-failed' | 'unprocessable-content' = 'validation-failed'): AppException {
  const first = violations[0]!;
  const more = violations.length > 1 ? ` (and ${violations.length - 1} more)` : '';
  return new AppException(code, `${what} asks for more than its lab namespace: ${first.path} ${first.message}${more}`, { errors: violations });
}

/**
 * Lab tasks a caller can use: the shipped ones (seeds/labs, validated once) and those their
 * organisation's authors wrote (validated against the same schema when saved).
 */
@Injectable()
export class TaskCatalog {
  private shipped: Map<string, TaskDefinition> | null = null;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async all(organizationId: string | null): Promise<TaskDefinition[]> {
    const own = organizationId ? await this.repo().find({ where: { organizationId }, order: { taskId: 'ASC' } }) : [];
    return [...this.shippedTasks().values(), ...own.map((row) => row.definition)];
  }

  /** The task by id for this organisation, or 404. */
  async resolve(taskId: string, organizationId: string | null): Promise<TaskDefinition> {
    const shipped = this.shippedTasks().get(taskId);
    if (shipped) return shipped;
    const own = organizationId ? await this.repo().findOneBy({ organizationId, taskId }) : null;
    if (!own) throw AppException.notFound('Lab task', taskId);
    return own.definition;
  }

  shippedTask(taskId: string): TaskDefinition | undefined {
    return this.shippedTasks().get(taskId);
  }

  async save(auth: AuthContext, raw: unknown, expectedId?: string): Promise<{ task: TaskDefinition; created: boolean }> {
    if (!auth.organizationId || !auth.roles.some((role) => AUTHORS.includes(role))) {
      throw new AppException('forbidden', 'Only owners and authors of an organization write lab tasks');
    }
    let task: TaskDefinition;
    try {
      task = parseTask(raw, 'request body');
    } catch (error) {
      if (error instanceof TaskPolicyError) throw policyRefusal(error.violations, 'The task');
      if (error instanceof TaskDefinitionError) throw AppException.validation([{ path: error.path || '/', message: error.message.replace(/^request body: \S+ /, '') }], 'The task is not valid');
      throw error;
    }
    if (expectedId && task.id !== expectedId) throw AppException.validation([{ path: '/id', message: `must be ${expectedId}` }]);
    if (this.shippedTasks().has(task.id)) throw new AppException('already-exists', `"${task.id}" is a shipped task; choose another id`);
    const repo = this.repo();
    const existing = await repo.findOneBy({ organizationId: auth.organizationId, taskId: task.id });
    if (existing && !expectedId) throw new AppException('already-exists', `Task "${task.id}" exists; PUT /v1/labs/${task.id} replaces it`);
    if (!existing && expectedId) throw AppException.notFound('Lab task', expectedId);
    await repo.save(existing ? Object.assign(existing, { definition: task }) : repo.create({ organizationId: auth.organizationId, taskId: task.id, definition: task, createdById: auth.userId }));
    return { task, created: !existing };
  }

  async remove(auth: AuthContext, taskId: string): Promise<void> {
    if (!auth.organizationId || !auth.roles.some((role) => AUTHORS.includes(role))) throw new AppException('forbidden', 'Only owners and authors remove lab tasks');
    const result = await this.repo().delete({ organizationId: auth.organizationId, taskId });
    if (!result.affected) throw AppException.notFound('Lab task', taskId);
  }

  private shippedTasks(): Map<string, TaskDefinition> {
    this.shipped ??= new Map(loadTasks().map((task) => [task.id, task]));
    return this.shipped;
  }

  private repo() {
    return this.dataSource.getRepository(LabTaskEntity);
  }
}
