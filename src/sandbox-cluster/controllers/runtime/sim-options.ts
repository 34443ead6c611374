import type { Json, KubeObject } from '../../core/types.js';

/** One simulated node; unset fields take the defaults below. */
export interface SimNodeSpec {
  name: string;
  cpu?: string;
  memory?: string;
  pods?: number;
  labels?: Record<string, string>;
  taints?: Json[];
}

/**
 * How the simulated cluster behaves. Durations are on the injected clock; the defaults
 * are short so that, on the real clock, a Deployment is Ready well within a second.
 */
export interface SimulationOptions {
  /** Number of nodes (`sandbox-node-1`…) or their specs (default 3). */
  nodes?: number | SimNodeSpec[];
  /** Time a pod spends in ContainerCreating (default 200 ms). */
  containerCreatingMs?: number;
  /** How long a container whose command exits runs (Jobs; default 500 ms). */
  runDurationMs?: number;
  /** How long a crashing container runs before it exits with code 1 (default 300 ms). */
  crashAfterMs?: number;
  /** First back-off for image pulls and crash loops, doubled each time (default 1 s, real: 10 s). */
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  /** Node heartbeat period (default 40 s). */
  heartbeatMs?: number;
  /** HPA resync period (default 15 s). */
  hpaSyncMs?: number;
  /** CPU utilization (percent of request) of pods without the annotation (default 10). */
  defaultCpuUtilization?: number;
  /** Events expire after this long (default 1 h). */
  eventTtlMs?: number;
  /** An image that cannot be pulled (default: tag `doesnotexist`, or a name containing `doesnotexist`). */
  imagePullFails?: (image: string) => boolean;
  /** A container that crashes (default: env `SANDBOX_CRASH=1` or image tag `crash`). */
  containerCrashes?: (container: Json, pod: Readonly<KubeObject>) => boolean;
}

export type ResolvedSimulationOptions = Required<Omit<SimulationOptions, 'nodes'>> & { nodes: SimNodeSpec[] };

/** Per-pod override of the simulated CPU utilization (percent of the request). */
export const CPU_ANNOTATION = 'sandbox.kubequiz.io/cpu-utilization';
/** Per-pod override of how long a run-to-completion container runs, in seconds. */
export const DURATION_ANNOTATION = 'sandbox.kubequiz.io/run-seconds';

export function imageTag(image: string): string {
  const noDigest = image.split('@')[0];
  const slash = noDigest.lastIndexOf('/');
  const colon = noDigest.lastIndexOf(':');
  return colon > slash ? noDigest.slice(colon + 1) : 'latest';
}

export function resolveSimulationOptions(o: SimulationOptions = {}): ResolvedSimulationOptions {
  const nodes =
    typeof o.nodes === 'object'
      ? o.nodes
      : Array.from({ length: o.nodes ?? 3 }, (_, i) => ({ name: `sandbox-node-${i + 1}` }));
  return {
    nodes,
    containerCreatingMs: o.containerCreatingMs ?? 200,
    runDurationMs: o.runDurationMs ?? 500,
    crashAfterMs: o.crashAfterMs ?? 300,
    backoffBaseMs: o.backoffBaseMs ?? 1000,
    backoffMaxMs: o.backoffMaxMs ?? 300_000,
    heartbeatMs: o.heartbeatMs ?? 40_000,
    hpaSyncMs: o.hpaSyncMs ?? 15_000,
    defaultCpuUtilization: o.defaultCpuUtilization ?? 10,
    eventTtlMs: o.eventTtlMs ?? 3_600_000,
    imagePullFails: o.imagePullFails ?? ((image) => imageTag(image) === 'doesnotexist' || image.split('@')[0].includes('doesnotexist')),
    containerCrashes:
      o.containerCrashes ??
      ((c) => imageTag(String(c.image ?? '')) === 'crash' || (c.env ?? []).some((e: Json) => e.name === 'SANDBOX_CRASH' && e.value === '1')),
  };
}
