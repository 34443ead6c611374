import type { ObjectService } from '../../api/object-service.js';
import { resolveSimulationOptions, type SimulationOptions } from '../runtime/sim-options.js';
import { SimRuntime } from '../runtime/sim-runtime.js';
import { startDeployments } from './deployment-controller.js';
import { startEndpoints } from './endpoints-controller.js';
import { startJobs } from './job-controller.js';
import { startCronJobs } from './cronjob-controller.js';
import { startGarbageCollector } from './garbage-collector.js';
import { startHpas } from './hpa-controller.js';
import { startKubelet } from './kubelet.js';
import { startStatefulSets } from './statefulset-controller.js';
import { startDaemonSets } from './daemonset-controller.js';
import { startVolumes } from './volume-controller.js';
import { startNodes } from './node-controller.js';
import { startReplicaSets } from './replicaset-controller.js';
import { startScheduler } from './scheduler.js';
import { startTaintEviction } from './taint-eviction.js';

/** The running simulation: what tests and the core use to drive and observe it. */
export interface Simulation {
  runtime: SimRuntime;
  logs(namespace: string, name: string, container: string | undefined): string;
  /**
   * Fires timers that are due on the injected clock and waits until every controller's
   * queue is empty (for tests that step the clock).
   */
  settle(maxRounds?: number): Promise<void>;
  stop(): void;
}

/** Starts nodes, scheduler, kubelet and the workload controllers on `api`. */
export function startSimulation(api: ObjectService, options: SimulationOptions = {}): Simulation {
  const rt = new SimRuntime(api, resolveSimulationOptions(options));
  const stops: Array<() => void> = [];
  stops.push(startNodes(rt));
  stops.push(startScheduler(rt));
  stops.push(startTaintEviction(rt));
  const kubelet = startKubelet(rt);
  stops.push(() => kubelet.stop());
  stops.push(startReplicaSets(rt));
  stops.push(startDeployments(rt));
  stops.push(startEndpoints(rt));
  stops.push(startJobs(rt));
  stops.push(startCronJobs(rt));
  stops.push(startVolumes(rt));
  stops.push(startStatefulSets(rt));
  stops.push(startDaemonSets(rt));
  stops.push(startGarbageCollector(rt));
  stops.push(startHpas(rt));
  return {
    runtime: rt,
    logs: (ns, name, c) => kubelet.logs(ns, name, c),
    async settle(maxRounds = 200) {
      for (let i = 0; i < maxRounds; i++) {
        const ran = rt.timers.runDue();
        await new Promise((r) => setImmediate(r));
        if (!ran && !rt.tracker.busy() && !rt.timers.hasDue()) {
          await new Promise((r) => setImmediate(r));
          if (!rt.tracker.busy() && !rt.timers.hasDue()) return;
        }
      }
    },
    stop() {
      for (const s of stops.splice(0).reverse()) s();
      rt.stop();
    },
  };
}
