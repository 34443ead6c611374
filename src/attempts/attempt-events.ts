import type { AttemptEntity } from './entities/attempt.entity.js';

/**
 * Listeners for what happens to attempts, called inside the grading transaction (so a
 * certificate is issued atomically with the result) — registered by certificates and
 * webhooks, which attempts does not otherwise know about.
 */
export abstract class AttemptGradedListener {
  abstract onGraded(attempt: AttemptEntity, manager: import('typeorm').EntityManager): Promise<void>;

  /** Runs once the grading transaction has committed (e.g. to wake a queue). */
  afterCommit?(attempt: AttemptEntity): Promise<void>;
}

export const ATTEMPT_GRADED_LISTENERS = 'ATTEMPT_GRADED_LISTENERS';
