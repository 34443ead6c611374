import type { UserInfo } from '../core/types.js';

export interface WriteOptions {
  dryRun?: boolean;
  fieldManager?: string;
  /** The caller; absent for internal (controller) writes. */
  user?: UserInfo;
  /** Apply only: take ownership of conflicting fields. */
  force?: boolean;
  /** Internal: managedFields were already computed (server-side apply). */
  skipManagedFields?: boolean;
}

export interface ListOptions {
  labelSelector?: string;
  fieldSelector?: string;
  limit?: number;
  continue?: string;
  resourceVersion?: string;
}

export interface DeleteOptions extends WriteOptions {
  propagationPolicy?: 'Orphan' | 'Background' | 'Foreground';
  gracePeriodSeconds?: number;
  preconditions?: { uid?: string; resourceVersion?: string };
}
