import { AppException } from '../common/errors/app.exception.js';
import type { AuthContext } from '../auth/auth-context.js';

/**
 * The one check that a caller may touch an organisation's data. Anything outside the
 * caller's organisation is reported as not found, so another tenant's ids reveal nothing.
 */
export function assertOrganizationAccess(auth: AuthContext, organizationId: string): void {
  if (auth.isPlatformAdmin) return;
  if (auth.organizationId !== organizationId) throw AppException.notFound('Organization', organizationId);
}
