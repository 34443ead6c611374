import type { Json } from '../core/types.js';

function setIfAbsent(obj: Json, key: string, value: Json): void {
  if (obj[key] === undefined || obj[key] === null) obj[key] = value;
}

function defaultProbe(probe: Json): void {
  if (!probe || typeof probe !== 'object') return;
  setIfAbsent(probe, 'timeoutSeconds', 1);
  setIfAbsent(probe, 'periodSeconds', 10);
  setIfAbsent(probe, 'successThreshold', 1);
  setIfAbsent(probe, 'failureThreshold', 3);
  if (probe.httpGet) setIfAbsent(probe.httpGet, 'scheme', 'HTTP');
}

/** `latest` (or no tag) pulls always; a pinned tag or digest only if not present. */
export function defaultPullPolicy(image: string | undefined): string {
  if (!image) return 'IfNotPresent';
  if (image.includes('@')) return 'IfNotPresent';
  const lastSegment = image.slice(image.lastIndexOf('/') + 1);
  const colon = lastSegment.lastIndexOf(':');
  if (colon < 0) return 'Always';
  return lastSegment.slice(colon + 1) === 'latest' ? 'Always' : 'IfNotPresent';
}

function defaultContainer(c: Json): void {
  if (!c || typeof c !== 'object') return;
  setIfAbsent(c, 'terminationMessagePath', '/dev/termination-log');
  setIfAbsent(c, 'terminationMessagePolicy', 'File');
  setIfAbsent(c, 'imagePullPolicy', defaultPullPolicy(c.image));
  setIfAbsent(c, 'resources', {});
  for (const p of Array.isArray(c.ports) ? c.ports : []) if (p && typeof p === 'object') setIfAbsent(p, 'protocol', 'TCP');
  for (const e of Array.isArray(c.env) ? c.env : []) {
    if (e?.valueFrom?.fieldRef) setIfAbsent(e.valueFrom.fieldRef, 'apiVersion', 'v1');
  }
  defaultProbe(c.livenessProbe);
  defaultProbe(c.readinessProbe);
  defaultProbe(c.startupProbe);
}

function defaultVolume(v: Json): void {
  if (!v || typeof v !== 'object') return;
  if (v.configMap) setIfAbsent(v.configMap, 'defaultMode', 420);
  if (v.secret) setIfAbsent(v.secret, 'defaultMode', 420);
  if (v.downwardAPI) setIfAbsent(v.downwardAPI, 'defaultMode', 420);
  if (v.projected) setIfAbsent(v.projected, 'defaultMode', 420);
  if (v.hostPath) setIfAbsent(v.hostPath, 'type', '');
}

/** SetDefaults for a PodSpec, shared by pods and every pod template. */
export function defaultPodSpec(spec: Json): void {
  if (!spec || typeof spec !== 'object') return;
  setIfAbsent(spec, 'restartPolicy', 'Always');
  setIfAbsent(spec, 'terminationGracePeriodSeconds', 30);
  setIfAbsent(spec, 'dnsPolicy', 'ClusterFirst');
  setIfAbsent(spec, 'securityContext', {});
  setIfAbsent(spec, 'schedulerName', 'default-scheduler');
  for (const c of Array.isArray(spec.containers) ? spec.containers : []) defaultContainer(c);
  for (const c of Array.isArray(spec.initContainers) ? spec.initContainers : []) defaultContainer(c);
  for (const v of Array.isArray(spec.volumes) ? spec.volumes : []) defaultVolume(v);
  if (spec.serviceAccount && !spec.serviceAccountName) spec.serviceAccountName = spec.serviceAccount;
}

export function defaultPodTemplate(template: Json): void {
  if (template && typeof template === 'object') defaultPodSpec(template.spec);
}
