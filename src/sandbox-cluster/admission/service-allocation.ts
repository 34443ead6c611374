import type { AdmissionPlugin } from '../api/admission.js';
import { errors } from '../core/errors.js';
import type { Cause, Json, KubeObject } from '../core/types.js';
import type { ObjectStore } from '../store/object-store.js';

// 10.96.0.0/12; .0 is the network and .1 belongs to the `kubernetes` service.
const BASE = (10 << 24) | (96 << 16);
const SIZE = 1 << 20;
const NODE_PORT_MIN = 30000;
const NODE_PORT_MAX = 32767;

function ipToInt(ip: string): number | undefined {
  const m = /^(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(ip);
  if (!m) return undefined;
  const parts = m.slice(1).map(Number);
  if (parts.some((p) => p > 255)) return undefined;
  return ((parts[0]! << 24) >>> 0) + (parts[1]! << 16) + (parts[2]! << 8) + parts[3]!;
}

function intToIp(n: number): string {
  return [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

export const SERVICE_CIDR = '10.96.0.0/12';

/** Cluster IPs from 10.96.0.0/12 and node ports from 30000-32767, with conflict checks. */
export function serviceAllocation(store: ObjectStore): AdmissionPlugin {
  let cursor = 10;
  const inUse = (except?: Readonly<KubeObject>) => {
    const ips = new Set<string>();
    const ports = new Set<number>();
    for (const s of store.list('/services')) {
      if (except && s.metadata.uid === except.metadata.uid) continue;
      if (s.spec?.clusterIP && s.spec.clusterIP !== 'None') ips.add(s.spec.clusterIP);
      for (const p of (s.spec?.ports ?? []) as Json[]) if (p.nodePort) ports.add(p.nodePort);
    }
    return { ips, ports };
  };
  const invalid = (name: string, causes: Cause[]) => errors.invalid({ group: '', kind: 'Service' }, name, causes);

  return {
    name: 'ServiceIPAndPortAllocation',
    mutate(req) {
      if (req.def.kind !== 'Service' || !req.object || req.operation === 'DELETE' || req.subresource) return;
      const svc = req.object;
      const spec = svc.spec;
      if (!spec || typeof spec !== 'object') return;
      const old = req.old;
      const used = inUse(old);
      if (spec.type === 'ExternalName') {
        delete spec.clusterIP;
        delete spec.clusterIPs;
      } else if (old?.spec?.clusterIP && (!spec.clusterIP || spec.clusterIP === old.spec.clusterIP)) {
        spec.clusterIP = old.spec.clusterIP;
        spec.clusterIPs = [old.spec.clusterIP];
      } else if (spec.clusterIP === 'None') {
        spec.clusterIPs = ['None'];
      } else if (spec.clusterIP) {
        const n = ipToInt(spec.clusterIP);
        if (n === undefined || n < BASE || n >= BASE + SIZE) {
          throw invalid(req.name, [
            { reason: 'FieldValueInvalid', message: `Invalid value: ${JSON.stringify([spec.clusterIP])}: failed to allocate IP ${spec.clusterIP}: the provided IP (${spec.clusterIP}) is not in the valid range. The range of valid IPs is ${SERVICE_CIDR}`, field: 'spec.clusterIPs' },
          ]);
        }
        if (used.ips.has(spec.clusterIP) && !old) {
          throw invalid(req.name, [
            { reason: 'FieldValueInvalid', message: `Invalid value: []string{${JSON.stringify(spec.clusterIP)}}: failed to allocate IP ${spec.clusterIP}: provided IP is already allocated`, field: 'spec.clusterIPs' },
          ]);
        }
        spec.clusterIPs = [spec.clusterIP];
      } else if (!old?.spec?.clusterIP || old.spec.clusterIP === 'None') {
        for (let i = 0; i < SIZE; i++) {
          const candidate = BASE + ((cursor + i) % (SIZE - 2)) + 2;
          const ip = intToIp(candidate);
          if (!used.ips.has(ip)) {
            spec.clusterIP = ip;
            cursor = candidate - BASE - 1;
            break;
          }
        }
        spec.clusterIPs = [spec.clusterIP];
      }
      const wantsNodePorts = spec.type === 'NodePort' || spec.type === 'LoadBalancer';
      const oldPorts = new Map<string, number>();
      for (const p of (old?.spec?.ports ?? []) as Json[]) if (p.nodePort) oldPorts.set(`${p.port}/${p.protocol}`, p.nodePort);
      ((spec.ports ?? []) as Json[]).forEach((p, i) => {
        if (!p || typeof p !== 'object') return;
        if (!wantsNodePorts) {
          delete p.nodePort;
          return;
        }
        if (p.nodePort) {
          if (p.nodePort < NODE_PORT_MIN || p.nodePort > NODE_PORT_MAX) {
            throw invalid(req.name, [
              { reason: 'FieldValueInvalid', message: `Invalid value: ${p.nodePort}: provided port is not in the valid range. The range of valid ports is ${NODE_PORT_MIN}-${NODE_PORT_MAX}`, field: `spec.ports[${i}].nodePort` },
            ]);
          }
          if (used.ports.has(p.nodePort)) {
            throw invalid(req.name, [{ reason: 'FieldValueInvalid', message: `Invalid value: ${p.nodePort}: provided port is already allocated`, field: `spec.ports[${i}].nodePort` }]);
          }
          used.ports.add(p.nodePort);
          return;
        }
        const kept = oldPorts.get(`${p.port}/${p.protocol ?? 'TCP'}`);
        if (kept && !used.ports.has(kept)) {
          p.nodePort = kept;
          used.ports.add(kept);
          return;
        }
        const range = NODE_PORT_MAX - NODE_PORT_MIN + 1;
        const start = Math.floor(Math.random() * range);
        for (let k = 0; k < range; k++) {
          const port = NODE_PORT_MIN + ((start + k) % range);
          if (!used.ports.has(port)) {
            p.nodePort = port;
            used.ports.add(port);
            return;
          }
        }
        throw errors.internal('range is full');
      });
    },
  };
}
