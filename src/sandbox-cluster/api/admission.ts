import type { KubeObject, UserInfo } from '../core/types.js';
import type { ResourceDef } from '../registry/resource-def.js';

export type AdmissionOperation = 'CREATE' | 'UPDATE' | 'DELETE';

export interface AdmissionRequest {
  operation: AdmissionOperation;
  /** Storage-version definition of the resource. */
  def: ResourceDef;
  subresource?: string;
  namespace: string;
  name: string;
  /** The object being written (mutable for mutating plugins); absent on DELETE. */
  object?: KubeObject;
  old?: Readonly<KubeObject>;
  user?: UserInfo;
  dryRun: boolean;
}

/**
 * Admission runs after defaulting: `mutate` may change the object, `validate` may only
 * refuse (throw an ApiError). Both see dry runs too, as the real chain does.
 */
export interface AdmissionPlugin {
  name: string;
  mutate?(req: AdmissionRequest): void;
  validate?(req: AdmissionRequest): void;
}
