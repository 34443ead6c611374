import type { Logger } from '@nestjs/common';
import type { JobQueue } from '../jobs/job-queue.js';

export const DEADLINE_SWEEP_JOB = 'attempts.deadline-sweep';

/** Asks for a sweep at an attempt's deadline; the minute sweep catches it if this fails. */
export async function scheduleDeadlineSweep(queue: JobQueue, attemptId: string, deadline: Date, logger: Logger): Promise<void> {
  try {
    await queue.send(DEADLINE_SWEEP_JOB, { attemptId }, { startAfter: deadline });
  } catch (error) {
    logger.warn({ err: error, attemptId }, 'could not schedule the deadline sweep');
  }
}
