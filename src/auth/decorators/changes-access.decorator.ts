import { SetMetadata } from '@nestjs/common';

export const CHANGES_ACCESS = 'kubequiz:changes-access';

/**
 * Marks a route that changes what tokens may do (membership, roles, API keys, sessions):
 * it answers only once this process has seen its own change, so the caller's next request
 * is judged by the new state (see AccessSettlingInterceptor).
 */
export const ChangesAccess = () => SetMetadata(CHANGES_ACCESS, true);
