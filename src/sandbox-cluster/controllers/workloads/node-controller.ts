import { ApiError } from '../../core/errors.js';
import { formatTime, type Json } from '../../core/types.js';
import type { SimRuntime } from '../runtime/sim-runtime.js';

const ZONES = ['zone-a', 'zone-b', 'zone-c'];

function nodeConditions(now: string, heartbeat: string): Json[] {
  const c = (type: string, status: string, reason: string, message: string) => ({
    type,
    status,
    lastHeartbeatTime: heartbeat,
    lastTransitionTime: now,
    reason,
    message,
  });
  return [
    c('MemoryPressure', 'False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'),
    c('DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'),
    c('PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'),
    c('Ready', 'True', 'KubeletReady', 'kubelet is posting ready status'),
  ];
}

/**
 * Registers the simulated nodes (capacity, allocatable, conditions, addresses, node
 * info) and keeps their heartbeats current, as each node's kubelet would.
 */
export function startNodes(rt: SimRuntime): () => void {
  const { api, defs } = rt;
  const created = formatTime(api.now());
  rt.opts.nodes.forEach((spec, i) => {
    const cpu = spec.cpu ?? '4';
    const memory = spec.memory ?? '8Gi';
    const pods = String(spec.pods ?? 110);
    const body = {
      metadata: {
        name: spec.name,
        labels: {
          'beta.kubernetes.io/arch': 'amd64',
          'beta.kubernetes.io/os': 'linux',
          'kubernetes.io/arch': 'amd64',
          'kubernetes.io/hostname': spec.name,
          'kubernetes.io/os': 'linux',
          'topology.kubernetes.io/zone': ZONES[i % ZONES.length],
          ...spec.labels,
        },
        annotations: { 'node.alpha.kubernetes.io/ttl': '0', 'volumes.kubernetes.io/controller-managed-attach-detach': 'true' },
      },
      spec: { podCIDR: `10.244.${i + 1}.0/24`, podCIDRs: [`10.244.${i + 1}.0/24`], providerID: `sandbox://${spec.name}`, ...(spec.taints ? { taints: spec.taints } : {}) },
      status: {
        capacity: { cpu, 'ephemeral-storage': '102400Mi', 'hugepages-2Mi': '0', memory, pods },
        allocatable: { cpu, 'ephemeral-storage': '102400Mi', 'hugepages-2Mi': '0', memory, pods },
        conditions: nodeConditions(created, created),
        addresses: [
          { type: 'InternalIP', address: `172.18.0.${i + 2}` },
          { type: 'Hostname', address: spec.name },
        ],
        daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
        nodeInfo: {
          machineID: `sandbox${String(i + 1).padStart(27, '0')}`,
          systemUUID: `00000000-0000-0000-0000-${String(i + 1).padStart(12, '0')}`,
          bootID: `00000000-0000-0000-0000-${String(i + 101).padStart(12, '0')}`,
          kernelVersion: '6.1.0-sandbox',
          osImage: 'Debian GNU/Linux 12 (bookworm)',
          containerRuntimeVersion: 'containerd://1.7.13',
          kubeletVersion: 'v1.29.2',
          kubeProxyVersion: 'v1.29.2',
          operatingSystem: 'linux',
          architecture: 'amd64',
        },
        images: [],
      },
    };
    try {
      const node = api.create(defs.node, '', body, { fieldManager: 'kubelet' });
      // Status is reset on create; the kubelet posts it right after registering.
      rt.writeStatus(defs.node, node, body.status, 'kubelet');
    } catch (e) {
      if (!(e instanceof ApiError && e.code === 409)) throw e;
    }
  });
  const names = new Set(rt.opts.nodes.map((n) => n.name));
  let cancel = () => undefined as void;
  const beat = () => {
    const now = formatTime(api.now());
    for (const name of names) {
      const node = api.store.get('/nodes', '', name);
      if (!node?.status?.conditions) continue;
      const conditions = node.status.conditions.map((c: Json) => ({ ...c, lastHeartbeatTime: now }));
      rt.writeStatus(defs.node, node, { ...node.status, conditions }, 'kubelet');
    }
    cancel = rt.timers.after(rt.opts.heartbeatMs, beat);
  };
  cancel = rt.timers.after(rt.opts.heartbeatMs, beat);
  return () => cancel();
}
