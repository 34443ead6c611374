import type { KubeObject } from '../core/types.js';

export type StoreEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

/** One change in the store. `object` and `previous` are frozen snapshots. */
export interface StoreEvent {
  type: StoreEventType;
  /** `group/resource`, e.g. `apps/deployments`, `/pods` for the core group. */
  resourceKey: string;
  namespace: string;
  name: string;
  object: Readonly<KubeObject>;
  previous?: Readonly<KubeObject>;
  resourceVersion: number;
}

export type StoreListener = (event: StoreEvent) => void;
