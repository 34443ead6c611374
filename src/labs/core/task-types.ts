/** A text in both course languages. */
export interface Localized {
  zh: string;
  en: string;
}

export interface CheckTarget {
  apiVersion: string;
  kind: string;
  /** Exactly one object; without it, every object matching labelSelector (or all of the kind). */
  name?: string;
  labelSelector?: string;
}

export interface FieldAssertion {
  path: string;
  equals?: string | number | boolean;
  oneOf?: Array<string | number | boolean>;
  matches?: string;
  gte?: number | string;
  lte?: number | string;
  hasKey?: string;
  /** Compare as Kubernetes quantities (`1Gi` = `1024Mi`, `500m` = `0.5`). */
  quantity?: boolean;
}

export type Assertion =
  | { exists: true }
  | { absent: true }
  | { count: { op: '=' | '>=' | '<='; value: number } }
  | { field: FieldAssertion }
  | { podsReady: { min?: number } }
  | { deploymentRolledOut: { image?: string } }
  | { rolloutHistory: { min: number } }
  | { serviceSelects: { minReady: number; port?: number } }
  | { envFrom: { container?: string; env?: string; configMap?: string; secret?: string; key?: string } }
  | { secretHasKey: { key: string } }
  | { jobSucceeded: { min?: number } }
  | { cronSchedule: { equals?: string } }
  | { statefulSetOrdered: { replicas?: number } }
  | { ingressRoutes: { host?: string; path: string; service: string; port: number | string } }
  | { labelValid: { key: string; oneOf?: string[]; matches?: string } }
  | { all: Assertion[] }
  | { any: Assertion[] };

export interface CheckDefinition {
  id: string;
  title: Localized;
  weight: number;
  hint: Localized;
  section: string;
  target: CheckTarget;
  assert: Assertion;
}

export interface SolutionStep {
  manifests?: object[];
  kubectl?: string[];
}

export interface TaskDefinition {
  id: string;
  title: Localized;
  instructions: Localized;
  sections: string[];
  timeLimitMinutes: number;
  setup: object[];
  /** Reference answer; `steps` when the order and the waits between them matter (rollbacks). */
  solution: SolutionStep & { steps?: SolutionStep[] };
  wrongSolution: SolutionStep & { steps?: SolutionStep[]; expectFailed: string[] };
  checks: CheckDefinition[];
}

export interface CheckResult {
  id: string;
  passed: boolean;
  weight: number;
  title: Localized;
  /** What was found, never a secret value. */
  message: Localized;
  /** Only on failed checks. */
  hint: Localized | null;
  section: string;
}

export interface TaskResult {
  taskId: string;
  score: number;
  maxScore: number;
  /** 0–100, one decimal. */
  percentage: number;
  checks: CheckResult[];
}
