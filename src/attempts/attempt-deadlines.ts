import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { JobQueue } from '../jobs/job-queue.js';
import { AttemptSubmission } from './attempt-submission.js';
import { DEADLINE_SWEEP_JOB } from './deadline-sweep-job.js';

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
