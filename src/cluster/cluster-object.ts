/**
 * An object exactly as the API server returned it (plain JSON: timestamps stay strings,
 * unknown fields stay), so checks see what `kubectl get -o json` sees.
 */
export interface ClusterObject {
  apiVersion?: string;
  kind?: string;
  metadata?: {
    name?: string;
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    ownerReferences?: Array<{ apiVersion?: string; kind?: string; name?: string; uid?: string; controller?: boolean }>;
    uid?: string;
    generation?: number;
    resourceVersion?: string;
    creationTimestamp?: string;
    [key: string]: unknown;
  };
  // Checks walk arbitrary paths of spec/status; they narrow what they read themselves.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  spec?: any;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  status?: any;
  [key: string]: unknown;
}
