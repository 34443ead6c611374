import type { LabTaskInput } from '../grading/index.js';
import type { LabTaskRef } from '../exams/blueprint.js';

/**
 * Port through which the labs module scores an attempt's hands-on tasks at submission
 * (validating each task's lab session). Attempts stay unaware of clusters.
 */
export abstract class LabTaskScorer {
  abstract scoreForAttempt(attemptId: string, tasks: readonly LabTaskRef[]): Promise<LabTaskInput[]>;
}
