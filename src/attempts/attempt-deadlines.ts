import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { JobQueue } from '../jobs/job-queue.js';
import { AttemptSubmission } from './attempt-submission.js';

export const DEADLINE_SWEEP_JOB = 'attempts.deadline-sweep';

/** Asks for a sweep at an attempt's deadline; the minute sweep catches it if this fails. */
export async function scheduleDeadlineSweep(queue: JobQueue, attemptId: string, deadline: Date, logger: Logger): Promise<void> {
  try {
    await queue.send(DEADLINE_SWEEP_JOB, { attemptId }, { startAfter: deadline });
  } catch (error) {
    logger.warn({ err: error, attemptId }, 'could not schedule the deadline sweep');
  }
}

/**
 * Attempts past their deadline are submitted by a background job: every minute, and at
 * each attempt's own deadline. The sweep reads the app's clock, so it is right whenever
 * the job happens to run.
 */
@Injectable()
export class AttemptDeadlines implements OnModuleInit {
  private readonly logger = new Logger('AttemptDeadlines');

  constructor(
    private readonly queue: JobQueue,
    private readonly submission: AttemptSubmission,
  ) {}

  onModuleInit(): void {
    this.queue.register(DEADLINE_SWEEP_JOB, () => this.sweep().then(() => undefined), { cron: '* * * * *', retryLimit: 3 });
  }

  async sweep(): Promise<number> {
    const submitted = await this.submission.submitOverdue();
    if (submitted) this.logger.log(`submitted ${submitted} overdue attempt(s)`);
    return submitted;
  }
}
