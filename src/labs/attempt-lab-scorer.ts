import { Injectable } from '@nestjs/common';
import { LabTaskScorer } from '../attempts/lab-task-scorer.js';
import type { LabTaskRef } from '../exams/blueprint.js';
import type { LabTaskInput } from '../grading/index.js';
import { LabSessionsService } from './lab-sessions.service.js';
import { TaskCatalog } from './task-catalog.js';

/**
 * Scores an attempt's hands-on tasks at submission: each task's lab session (opened inside
 * the attempt) is validated now; a task without a session scores 0.
 */
@Injectable()
export class AttemptLabScorer extends LabTaskScorer {
  constructor(
    private readonly sessions: LabSessionsService,
    private readonly catalog: TaskCatalog,
  ) {
    super();
  }

  async scoreForAttempt(attemptId: string, tasks: readonly LabTaskRef[]): Promise<LabTaskInput[]> {
    const scores: LabTaskInput[] = [];
    for (const ref of tasks) {
      const session = await this.sessions.findForAttempt(attemptId, ref.taskId);
      const task = session ? await this.catalog.resolve(ref.taskId, session.organizationId).catch(() => null) : (this.catalog.shippedTask(ref.taskId) ?? null);
      const maxPoints = task ? task.checks.reduce((sum, check) => sum + check.weight, 0) : 1;
      let points = 0;
      if (task && session?.status === 'active') {
        points = (await this.sessions.check(session, task).catch(() => null))?.score ?? 0;
      }
      scores.push({ taskId: ref.taskId, title: task?.title.en ?? ref.taskId, weight: ref.weight, points, maxPoints });
    }
    return scores;
  }
}
