import { errors } from '../../core/errors.js';
import { formatTime, type Json, type KubeObject } from '../../core/types.js';
import { isPodTerminal } from '../runtime/pod-state.js';
import { DURATION_ANNOTATION } from '../runtime/sim-options.js';
import type { SimRuntime } from '../runtime/sim-runtime.js';
import { commandDurationMs, envProblem, normalizeImage, volumeProblem } from './kubelet-config.js';
import { startupLogs } from './kubelet-logs.js';
import { renderPodStatus, type ContainerRun, type PodRun } from './kubelet-status.js';

export interface Kubelet {
  stop(): void;
  /** Log text of a container (what `kubectl logs` prints). */
  logs(namespace: string, name: string, container: string | undefined): string;
}

/**
 * Every node's kubelet in one loop: takes bound pods through ContainerCreating (pull,
 * create, start) to Running, readiness after the probe's initial delay, run-to-completion
 * containers to Succeeded/Failed, crash loops with back-off, image pull errors, and
 * config errors for missing ConfigMaps/Secrets — all on the injected clock.
 */
export function startKubelet(rt: SimRuntime): Kubelet {
  const { api, defs, opts } = rt;
  const runs = new Map<string, PodRun>();
  const ipCounters = new Map<string, number>();
  const pulledImages = new Map<string, Set<string>>();
  const source = (run: PodRun) => ({ component: 'kubelet', host: run.node });
  const backoff = (n: number) => Math.min(opts.backoffMaxMs, opts.backoffBaseMs * 2 ** Math.max(0, n - 1));

  const podOf = (run: PodRun) => {
    const p = api.store.get('/pods', run.namespace, run.name);
    return p && p.metadata.uid === run.uid ? p : undefined;
  };
  const later = (run: PodRun, ms: number, fn: () => void) => {
    const cancel = rt.timers.after(Math.max(0, ms), () => {
      run.cancels.delete(cancel);
      if (!run.done && podOf(run)) fn();
    });
    run.cancels.add(cancel);
  };
  const publish = (run: PodRun) => {
    const pod = podOf(run);
    if (!pod) return;
    const status = renderPodStatus(pod, run, rt.now());
    rt.writeStatus(defs.pod, pod, status, 'kubelet');
    if (status.phase === 'Succeeded' || status.phase === 'Failed') finish(run);
  };
  const finish = (run: PodRun) => {
    run.done = true;
    for (const c of run.cancels) c();
    run.cancels.clear();
  };
  const ev = (run: PodRun, c: ContainerRun | undefined, type: 'Normal' | 'Warning', reason: string, message: string) => {
    const pod = podOf(run);
    if (pod) rt.event(pod, type, reason, message, source(run), c ? `spec.${c.init ? 'initContainers' : 'containers'}{${c.name}}` : undefined);
  };

  const restartPolicy = (run: PodRun) => podOf(run)?.spec?.restartPolicy ?? 'Always';
  const completes = (run: PodRun, c: ContainerRun) => c.init || (restartPolicy(run) !== 'Always' && (c.spec.command?.length || c.spec.args?.length));

  const startContainer = (run: PodRun, c: ContainerRun) => {
    const problem = envProblem(api.store, run.namespace, c.spec);
    if (problem) {
      c.phase = 'configError';
      c.message = problem;
      ev(run, c, 'Warning', 'Failed', `Error: ${problem}`);
      publish(run);
      c.attempts++;
      later(run, backoff(c.attempts), () => startContainer(run, c));
      return;
    }
    const image = String(c.spec.image ?? '');
    const onNode = pulledImages.get(run.node) ?? new Set<string>();
    pulledImages.set(run.node, onNode);
    const present = onNode.has(image) && c.spec.imagePullPolicy !== 'Always';
    if (c.phase !== 'pulling') {
      c.phase = 'pulling';
      if (!present) ev(run, c, 'Normal', 'Pulling', `Pulling image "${image}"`);
      publish(run);
    }
    later(run, opts.containerCreatingMs, () => {
      if (opts.imagePullFails(image)) {
        const ref = normalizeImage(image);
        c.phase = 'pullError';
        c.message = `failed to pull and unpack image "${ref}": failed to resolve reference "${ref}": ${ref}: not found`;
        ev(run, c, 'Warning', 'Failed', `Failed to pull image "${image}": rpc error: code = NotFound desc = ${c.message}`);
        ev(run, c, 'Warning', 'Failed', 'Error: ErrImagePull');
        publish(run);
        c.attempts++;
        later(run, backoff(c.attempts), () => {
          c.phase = 'pullBackOff';
          c.message = `Back-off pulling image "${image}"`;
          ev(run, c, 'Normal', 'BackOff', `Back-off pulling image "${image}"`);
          ev(run, c, 'Warning', 'Failed', 'Error: ImagePullBackOff');
          publish(run);
          later(run, backoff(c.attempts), () => startContainer(run, c));
        });
        return;
      }
      if (present) ev(run, c, 'Normal', 'Pulled', `Container image "${image}" already present on machine`);
      else ev(run, c, 'Normal', 'Pulled', `Successfully pulled image "${image}" in ${(opts.containerCreatingMs / 1000).toFixed(3)}s (${(opts.containerCreatingMs / 1000).toFixed(3)}s including waiting). Image size: 67215834 bytes.`);
      onNode.add(image);
      run_(run, c);
    });
  };

  const run_ = (run: PodRun, c: ContainerRun) => {
    const pod = podOf(run)!;
    const now = rt.now();
    ev(run, c, 'Normal', 'Created', `Created container ${c.name}`);
    ev(run, c, 'Normal', 'Started', `Started container ${c.name}`);
    c.phase = 'running';
    c.message = undefined;
    c.startedAt = formatTime(new Date(now));
    const crashes = opts.containerCrashes(c.spec, pod);
    c.logs = startupLogs(c.spec, new Date(now), crashes);
    const probeDelay = (c.spec.readinessProbe?.initialDelaySeconds ?? 0) + (c.spec.startupProbe?.initialDelaySeconds ?? 0);
    c.readyAt = c.init ? undefined : now + probeDelay * 1000;
    publish(run);
    if (c.readyAt !== undefined && c.readyAt > now) later(run, c.readyAt - now, () => publish(run));
    const annotated = Number(pod.metadata.annotations?.[DURATION_ANNOTATION]);
    const duration = Number.isFinite(annotated) && annotated > 0 ? annotated * 1000 : commandDurationMs(c.spec, opts.runDurationMs);
    if (crashes) later(run, opts.crashAfterMs, () => terminate(run, c, 1));
    else if (completes(run, c) && duration !== undefined) later(run, duration, () => terminate(run, c, 0));
  };

  const terminate = (run: PodRun, c: ContainerRun, exitCode: number) => {
    const policy = restartPolicy(run);
    c.phase = 'terminated';
    c.exitCode = exitCode;
    c.finishedAt = formatTime(new Date(rt.now()));
    c.readyAt = undefined;
    const restart = policy === 'Always' || (policy === 'OnFailure' && exitCode !== 0);
    c.restarting = restart;
    if (!restart) {
      publish(run);
      if (c.init && exitCode === 0) startNextInit(run);
      return;
    }
    c.lastTerminated = {
      exitCode,
      reason: exitCode === 0 ? 'Completed' : 'Error',
      startedAt: c.startedAt,
      finishedAt: c.finishedAt,
      containerID: `containerd://${c.restartCount}`,
    };
    c.restartCount++;
    const delay = backoff(c.restartCount);
    c.phase = 'crashBackOff';
    c.message = `back-off ${Math.round(delay / 1000)}s restarting failed container=${c.name} pod=${run.name}_${run.namespace}(${run.uid})`;
    ev(run, c, 'Warning', 'BackOff', `Back-off restarting failed container ${c.name} in pod ${run.name}_${run.namespace}(${run.uid})`);
    publish(run);
    later(run, delay, () => {
      ev(run, c, 'Normal', 'Pulled', `Container image "${c.spec.image}" already present on machine`);
      run_(run, c);
    });
  };

  const startNextInit = (run: PodRun) => {
    const next = run.inits.find((c) => c.phase === 'waiting');
    if (next) return startContainer(run, next);
    if (run.inits.every((c) => c.phase === 'terminated' && c.exitCode === 0)) for (const c of run.containers) startContainer(run, c);
  };

  const mount = (run: PodRun, attempt = 0) => {
    const pod = podOf(run);
    if (!pod) return;
    run.mountProblem = volumeProblem(api.store, pod);
    if (run.mountProblem) {
      ev(run, undefined, 'Warning', 'FailedMount', run.mountProblem);
      publish(run);
      later(run, backoff(attempt + 2), () => mount(run, attempt + 1));
      return;
    }
    publish(run);
    startNextInit(run);
  };

  const begin = (pod: Readonly<KubeObject>) => {
    const nodeName = pod.spec.nodeName as string;
    const node = api.store.get('/nodes', '', nodeName);
    const hostIP = node?.status?.addresses?.find((a: Json) => a.type === 'InternalIP')?.address ?? '172.18.0.2';
    const cidr: string = node?.spec?.podCIDR ?? '10.244.0.0/24';
    const n = (ipCounters.get(nodeName) ?? 1) + 1;
    ipCounters.set(nodeName, n > 254 ? 2 : n);
    const mk = (c: Json, init: boolean): ContainerRun => ({ name: c.name, spec: c, init, phase: 'waiting', restartCount: 0, attempts: 0, logs: [] });
    const run: PodRun = {
      uid: pod.metadata.uid!,
      namespace: pod.metadata.namespace!,
      name: pod.metadata.name!,
      node: nodeName,
      hostIP,
      podIP: cidr.replace(/\.0\/\d+$/, `.${n}`),
      startTime: formatTime(api.now()),
      inits: (pod.spec.initContainers ?? []).map((c: Json) => mk(c, true)),
      containers: (pod.spec.containers ?? []).map((c: Json) => mk(c, false)),
      cancels: new Set(),
      done: false,
    };
    runs.set(run.uid, run);
    mount(run);
  };

  const unsubscribe = api.store.subscribe((e) => {
    if (e.resourceKey !== '/pods') return;
    const uid = e.object.metadata.uid!;
    if (e.type === 'DELETED') {
      const run = runs.get(uid);
      if (!run) return;
      runs.delete(uid);
      if (!run.done) for (const c of run.containers) if (c.phase === 'running') rt.event(e.object, 'Normal', 'Killing', `Stopping container ${c.name}`, source(run), `spec.containers{${c.name}}`);
      finish(run);
      return;
    }
    const pod = e.object;
    if (pod.spec?.nodeName && !runs.has(uid) && !isPodTerminal(pod) && !pod.metadata.deletionTimestamp) {
      // Start after the scheduler's write has been delivered to everyone.
      setImmediate(() => {
        const current = api.store.get('/pods', e.namespace, e.name);
        if (current?.metadata.uid === uid && !runs.has(uid)) begin(current);
      });
    }
  });

  return {
    stop() {
      unsubscribe();
      for (const run of runs.values()) finish(run);
      runs.clear();
    },
    logs(namespace, name, container) {
      const pod = api.store.get('/pods', namespace, name);
      if (!pod) throw errors.notFound('pods', '', name);
      const run = runs.get(pod.metadata.uid!);
      const c = [...(run?.containers ?? []), ...(run?.inits ?? [])].find((x) => x.name === (container ?? pod.spec?.containers?.[0]?.name));
      if (!run || !c || (!c.startedAt && c.restartCount === 0)) {
        const reason = c?.phase === 'pullBackOff' ? 'trying and failing to pull image' : c?.phase === 'configError' ? 'CreateContainerConfigError' : 'ContainerCreating';
        throw errors.badRequest(`container "${container ?? pod.spec?.containers?.[0]?.name}" in pod "${name}" is waiting to start: ${reason}`);
      }
      return c.logs.length ? c.logs.join('\n') + '\n' : '';
    },
  };
}
