import { createHash } from 'node:crypto';
import { formatTime, type Json, type KubeObject } from '../../core/types.js';
import { setCondition } from '../runtime/pod-state.js';
import { normalizeImage } from './kubelet-config.js';

export type ContainerPhase = 'waiting' | 'configError' | 'pulling' | 'pullError' | 'pullBackOff' | 'running' | 'terminated' | 'crashBackOff';

export interface ContainerRun {
  name: string;
  spec: Json;
  init: boolean;
  phase: ContainerPhase;
  message?: string;
  startedAt?: string;
  readyAt?: number;
  finishedAt?: string;
  exitCode?: number;
  lastTerminated?: Json;
  restartCount: number;
  attempts: number;
  logs: string[];
  /** Will run again (restartPolicy), so a terminated state is not final. */
  restarting?: boolean;
}

export interface PodRun {
  uid: string;
  namespace: string;
  name: string;
  node: string;
  hostIP: string;
  podIP: string;
  startTime: string;
  inits: ContainerRun[];
  containers: ContainerRun[];
  mountProblem?: string;
  cancels: Set<() => void>;
  done: boolean;
}

export function sha(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function containerState(c: ContainerRun, uid: string): Json {
  const image = normalizeImage(String(c.spec.image ?? ''));
  const started = c.phase === 'running' || c.phase === 'terminated' || c.phase === 'crashBackOff' || c.restartCount > 0;
  const base: Json = {
    name: c.name,
    image,
    imageID: started ? `${image.replace(/[:@][^:/@]+$/, '')}@sha256:${sha(image)}` : '',
    ready: false,
    restartCount: c.restartCount,
    started: c.phase === 'running',
  };
  if (started) base.containerID = `containerd://${sha(`${uid}/${c.name}/${c.restartCount}`)}`;
  if (c.lastTerminated) base.lastState = { terminated: c.lastTerminated };
  else base.lastState = {};
  switch (c.phase) {
    case 'running':
      base.state = { running: { startedAt: c.startedAt } };
      break;
    case 'terminated':
      base.state = {
        terminated: { exitCode: c.exitCode, reason: c.exitCode === 0 ? 'Completed' : 'Error', startedAt: c.startedAt, finishedAt: c.finishedAt, containerID: base.containerID },
      };
      break;
    case 'crashBackOff':
      base.state = { waiting: { reason: 'CrashLoopBackOff', message: c.message } };
      break;
    case 'pullError':
      base.state = { waiting: { reason: 'ErrImagePull', message: c.message } };
      break;
    case 'pullBackOff':
      base.state = { waiting: { reason: 'ImagePullBackOff', message: c.message } };
      break;
    case 'configError':
      base.state = { waiting: { reason: 'CreateContainerConfigError', message: c.message } };
      break;
    default:
      base.state = { waiting: { reason: c.init ? 'PodInitializing' : 'ContainerCreating' } };
      if (c.init && c.phase === 'pulling') base.state = { waiting: { reason: 'PodInitializing' } };
  }
  return base;
}

/** The pod status the kubelet reports for `run` at `now`. */
export function renderPodStatus(pod: Readonly<KubeObject>, run: PodRun, now: number): Json {
  const nowText = formatTime(new Date(now));
  const restartPolicy = pod.spec?.restartPolicy ?? 'Always';
  const inits = run.inits.map((c) => containerState(c, run.uid));
  const mains = run.containers.map((c) => {
    const s = containerState(c, run.uid);
    s.ready = c.phase === 'running' && c.readyAt !== undefined && c.readyAt <= now;
    return s;
  });
  const initsDone = run.inits.every((c) => c.phase === 'terminated' && c.exitCode === 0);
  const initFailed = run.inits.some((c) => c.phase === 'terminated' && c.exitCode !== 0 && !c.restarting);
  const allStarted = run.containers.every((c) => c.startedAt || c.restartCount > 0);
  const allFinal = run.containers.every((c) => c.phase === 'terminated' && !c.restarting);
  let phase = 'Pending';
  if (initFailed && restartPolicy === 'Never') phase = 'Failed';
  else if (initsDone && allFinal) phase = run.containers.every((c) => c.exitCode === 0) ? 'Succeeded' : 'Failed';
  else if (initsDone && allStarted) phase = 'Running';
  const containersReady = mains.length > 0 && mains.every((s) => s.ready);
  const notReady = mains.filter((s) => !s.ready).map((s) => s.name);
  let conditions: Json[] = pod.status?.conditions ?? [];
  const terminal = phase === 'Succeeded' || phase === 'Failed';
  const set = (c: Json) => (conditions = setCondition(conditions, { lastProbeTime: null, ...c }, nowText));
  set({ type: 'PodReadyToStartContainers', status: run.mountProblem ? 'False' : 'True' });
  set(
    initsDone
      ? { type: 'Initialized', status: 'True', ...(terminal && run.inits.length ? { reason: 'PodCompleted' } : {}) }
      : { type: 'Initialized', status: 'False', reason: 'ContainersNotInitialized', message: `containers with incomplete status: [${run.inits.filter((c) => c.phase !== 'terminated').map((c) => c.name).join(' ')}]` },
  );
  const readyCond = terminal
    ? { status: 'False', reason: 'PodCompleted' }
    : containersReady
      ? { status: 'True' }
      : { status: 'False', reason: 'ContainersNotReady', message: `containers with unready status: [${notReady.join(' ')}]` };
  set({ type: 'Ready', ...readyCond });
  set({ type: 'ContainersReady', ...readyCond });
  const order = ['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady', 'PodScheduled'];
  conditions = [...conditions].sort((a, b) => order.indexOf(a.type) - order.indexOf(b.type));
  const status: Json = {
    phase,
    conditions,
    hostIP: run.hostIP,
    hostIPs: [{ ip: run.hostIP }],
    podIP: run.podIP,
    podIPs: [{ ip: run.podIP }],
    startTime: run.startTime,
    ...(inits.length ? { initContainerStatuses: inits } : {}),
    containerStatuses: mains,
    qosClass: pod.status?.qosClass,
  };
  if (!status.qosClass) delete status.qosClass;
  return status;
}
