import type { SelectQueryBuilder } from 'typeorm';
import type { AuthContext } from '../auth/auth-context.js';
import { AppException } from '../common/errors/app.exception.js';
import type { Role } from '../organizations/roles.js';

const AUTHORING_ROLES: Role[] = ['owner', 'author'];

/**
 * Courses of the caller's organisation plus platform courses (organization_id null):
 * applied in the query, so nothing of another tenant is ever read.
 */
export function scopeToReadableCourses<T extends object>(
  qb: SelectQueryBuilder<T>,
  alias: string,
  auth: AuthContext,
): SelectQueryBuilder<T> {
  if (auth.isPlatformAdmin) return qb;
  return qb.andWhere(`(${alias}.organization_id = :scopeOrg OR ${alias}.organization_id IS NULL)`, {
    scopeOrg: auth.organizationId ?? '00000000-0000-0000-0000-000000000000',
  });
}

/** Who may change a course's content: its organisation's authors, or platform admins for platform courses. */
export function assertCanAuthor(auth: AuthContext, organizationId: string | null): void {
  if (auth.isPlatformAdmin) return;
  if (organizationId === null) throw new AppException('forbidden', 'Platform courses are maintained by platform administrators');
  if (organizationId !== auth.organizationId) throw AppException.notFound('Course');
  if (!auth.roles.some((role) => AUTHORING_ROLES.includes(role))) {
    throw new AppException('forbidden', 'Only owners and authors change course content');
  }
}
