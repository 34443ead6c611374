import { parseQuantity } from '../core/quantity.js';
import type { Cause, Json } from '../core/types.js';
import { fe } from './field-errors.js';
import { validateAnnotations, validateLabels } from './validate-meta.js';
import { dns1123Label, dns1123Subdomain } from './names.js';

const PULL_POLICIES = ['Always', 'IfNotPresent', 'Never'];
const RESTART_POLICIES = ['Always', 'OnFailure', 'Never'];
const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
const DNS_POLICIES = ['ClusterFirst', 'ClusterFirstWithHostNet', 'Default', 'None'];

function validPort(n: Json): boolean {
  return Number.isInteger(n) && n >= 1 && n <= 65535;
}

function validateResources(res: Json, path: string, out: Cause[]): void {
  if (!res) return;
  for (const kind of ['limits', 'requests'] as const) {
    for (const [name, q] of Object.entries((res[kind] ?? {}) as Record<string, Json>)) {
      const parsed = parseQuantity(q);
      if (!parsed) out.push(fe.invalid(`${path}.${kind}[${name}]`, q, 'must be a valid quantity'));
      else if (parsed.value < 0) out.push(fe.invalid(`${path}.${kind}[${name}]`, q, 'must be greater than or equal to 0'));
    }
  }
  for (const [name, q] of Object.entries((res.requests ?? {}) as Record<string, Json>)) {
    const lim = res.limits?.[name];
    if (lim !== undefined && (parseQuantity(q)?.value ?? 0) > (parseQuantity(lim)?.value ?? 0)) {
      out.push(fe.invalid(`${path}.requests`, q, `must be less than or equal to ${name} limit of ${lim}`));
    }
  }
}

function validateContainers(list: Json, path: string, volumes: Set<string>, out: Cause[], requireNonEmpty: boolean): void {
  if (!Array.isArray(list) || list.length === 0) {
    if (requireNonEmpty) out.push(fe.required(path));
    return;
  }
  const names = new Set<string>();
  list.forEach((c: Json, i: number) => {
    const p = `${path}[${i}]`;
    if (!c || typeof c !== 'object') {
      out.push(fe.required(p));
      return;
    }
    if (!c.name) out.push(fe.required(`${p}.name`));
    else {
      for (const m of dns1123Label(c.name)) out.push(fe.invalid(`${p}.name`, c.name, m));
      if (names.has(c.name)) out.push(fe.duplicate(`${p}.name`, c.name));
      names.add(c.name);
    }
    if (!c.image || (typeof c.image === 'string' && !c.image.trim())) out.push(fe.required(`${p}.image`));
    if (c.imagePullPolicy && !PULL_POLICIES.includes(c.imagePullPolicy)) {
      out.push(fe.unsupported(`${p}.imagePullPolicy`, c.imagePullPolicy, PULL_POLICIES));
    }
    (c.ports ?? []).forEach((port: Json, j: number) => {
      const pp = `${p}.ports[${j}]`;
      if (!validPort(port?.containerPort)) {
        out.push(fe.invalid(`${pp}.containerPort`, port?.containerPort ?? 0, 'must be between 1 and 65535, inclusive'));
      }
      if (port?.protocol && !PROTOCOLS.includes(port.protocol)) out.push(fe.unsupported(`${pp}.protocol`, port.protocol, PROTOCOLS));
    });
    (c.env ?? []).forEach((e: Json, j: number) => {
      if (!e?.name) out.push(fe.required(`${p}.env[${j}].name`));
    });
    (c.volumeMounts ?? []).forEach((vm: Json, j: number) => {
      const vp = `${p}.volumeMounts[${j}]`;
      if (!vm?.name) out.push(fe.required(`${vp}.name`));
      else if (!volumes.has(vm.name)) out.push(fe.invalid(`${vp}.name`, vm.name, 'not found'));
      if (!vm?.mountPath) out.push(fe.required(`${vp}.mountPath`));
    });
    validateResources(c.resources, `${p}.resources`, out);
  });
}

/** PodSpec validation shared by pods and templates; `path` is the spec's field path. */
/** `extraVolumes`: names mounts may use besides spec.volumes (a StatefulSet's volumeClaimTemplates). */
export function validatePodSpec(spec: Json, path: string, opts: { restartPolicies?: string[]; extraVolumes?: string[] } = {}): Cause[] {
  const out: Cause[] = [];
  if (!spec || typeof spec !== 'object') return [fe.required(path)];
  const volumes = new Set<string>(opts.extraVolumes ?? []);
  (spec.volumes ?? []).forEach((v: Json, i: number) => {
    const p = `${path}.volumes[${i}]`;
    if (!v?.name) out.push(fe.required(`${p}.name`));
    else {
      for (const m of dns1123Label(v.name)) out.push(fe.invalid(`${p}.name`, v.name, m));
      if (volumes.has(v.name)) out.push(fe.duplicate(`${p}.name`, v.name));
      volumes.add(v.name);
    }
  });
  validateContainers(spec.containers, `${path}.containers`, volumes, out, true);
  validateContainers(spec.initContainers, `${path}.initContainers`, volumes, out, false);
  const allowed = opts.restartPolicies ?? RESTART_POLICIES;
  if (spec.restartPolicy !== undefined && !allowed.includes(spec.restartPolicy)) {
    out.push(fe.unsupported(`${path}.restartPolicy`, spec.restartPolicy, allowed));
  }
  if (spec.dnsPolicy !== undefined && !DNS_POLICIES.includes(spec.dnsPolicy)) {
    out.push(fe.unsupported(`${path}.dnsPolicy`, spec.dnsPolicy, DNS_POLICIES));
  }
  if (spec.serviceAccountName) {
    for (const m of dns1123Subdomain(spec.serviceAccountName)) out.push(fe.invalid(`${path}.serviceAccountName`, spec.serviceAccountName, m));
  }
  if (spec.nodeSelector) out.push(...validateLabels(spec.nodeSelector, `${path}.nodeSelector`));
  if (spec.terminationGracePeriodSeconds !== undefined && spec.terminationGracePeriodSeconds < 0) {
    out.push(fe.invalid(`${path}.terminationGracePeriodSeconds`, spec.terminationGracePeriodSeconds, 'must be greater than or equal to 0'));
  }
  return out;
}

/** A pod template inside a controller: metadata labels/annotations plus its PodSpec. */
export function validatePodTemplate(template: Json, path: string, opts: { restartPolicies?: string[]; extraVolumes?: string[] } = {}): Cause[] {
  if (!template || typeof template !== 'object') return [fe.required(path)];
  return [
    ...validateLabels(template.metadata?.labels, `${path}.metadata.labels`),
    ...validateAnnotations(template.metadata?.annotations, `${path}.metadata.annotations`),
    ...validatePodSpec(template.spec, `${path}.spec`, opts),
  ];
}
