import { jsonEqual } from '../core/json.js';
import { parseQuantity } from '../core/quantity.js';
import type { Cause, Json, KubeObject } from '../core/types.js';
import type { ValidationContext } from '../registry/resource-def.js';
import { fe } from './field-errors.js';
import { configMapKey, dns1123Label } from './names.js';
import { validateLabels } from './validate-meta.js';
import { validatePodSpec } from './validate-pod-spec.js';

type O = Readonly<KubeObject>;

export function validatePod(obj: O): Cause[] {
  return validatePodSpec(obj.spec, 'spec');
}

/** Pods are mostly immutable: only images, activeDeadlineSeconds and tolerations may change. */
export function podImmutable(obj: O, old: O): Cause[] {
  const strip = (spec: Json) => {
    const s = { ...(spec ?? {}) };
    s.containers = (s.containers ?? []).map((c: Json) => ({ ...c, image: undefined }));
    s.initContainers = (s.initContainers ?? []).map((c: Json) => ({ ...c, image: undefined }));
    delete s.activeDeadlineSeconds;
    delete s.tolerations;
    delete s.nodeName;
    return JSON.parse(JSON.stringify(s));
  };
  if (jsonEqual(strip(obj.spec), strip(old.spec))) return [];
  return [
    fe.forbidden(
      'spec',
      'pod updates may not change fields other than `spec.containers[*].image`, `spec.initContainers[*].image`, `spec.activeDeadlineSeconds`, `spec.tolerations` (only additions to existing tolerations) or `spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)',
    ),
  ];
}

const SERVICE_TYPES = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'];

export function defaultService(obj: KubeObject): void {
  const s = obj.spec;
  if (!s || typeof s !== 'object') return;
  s.type ??= 'ClusterIP';
  if (s.type === 'ExternalName') return;
  s.sessionAffinity ??= 'None';
  for (const p of Array.isArray(s.ports) ? s.ports : []) {
    if (!p || typeof p !== 'object') continue;
    p.protocol ??= 'TCP';
    if (p.targetPort === undefined || p.targetPort === 0 || p.targetPort === '') p.targetPort = p.port;
  }
  if (s.type === 'NodePort' || s.type === 'LoadBalancer') s.externalTrafficPolicy ??= 'Cluster';
  s.internalTrafficPolicy ??= 'Cluster';
  s.ipFamilies ??= ['IPv4'];
  s.ipFamilyPolicy ??= 'SingleStack';
}

export function validateService(obj: O): Cause[] {
  const out: Cause[] = [];
  const s = obj.spec;
  if (!s || typeof s !== 'object') return [fe.required('spec')];
  if (!SERVICE_TYPES.includes(s.type)) out.push(fe.unsupported('spec.type', s.type, SERVICE_TYPES));
  if (s.type === 'ExternalName') {
    if (!s.externalName) out.push(fe.required('spec.externalName'));
    return out;
  }
  const headless = s.clusterIP === 'None';
  const ports: Json[] = Array.isArray(s.ports) ? s.ports : [];
  if (ports.length === 0 && !headless) out.push(fe.required('spec.ports'));
  const names = new Set<string>();
  ports.forEach((p, i) => {
    const path = `spec.ports[${i}]`;
    if (ports.length > 1 && !p?.name) out.push(fe.required(`${path}.name`));
    if (p?.name) {
      // Port names are DNS-1123 labels upstream (kubectl create service names them "80-8080").
      for (const m of dns1123Label(p.name)) out.push(fe.invalid(`${path}.name`, p.name, m));
      if (names.has(p.name)) out.push(fe.duplicate(`${path}.name`, p.name));
      names.add(p.name);
    }
    if (!Number.isInteger(p?.port) || p.port < 1 || p.port > 65535) {
      out.push(fe.invalid(`${path}.port`, p?.port ?? 0, 'must be between 1 and 65535, inclusive'));
    }
    if (typeof p?.targetPort === 'number' && (p.targetPort < 1 || p.targetPort > 65535)) {
      out.push(fe.invalid(`${path}.targetPort`, p.targetPort, 'must be between 1 and 65535, inclusive'));
    }
    if (p?.nodePort !== undefined && s.type === 'ClusterIP') {
      out.push(fe.forbidden(`${path}.nodePort`, 'may not be used when `type` is \'ClusterIP\''));
    }
  });
  if (s.selector) out.push(...validateLabels(s.selector, 'spec.selector'));
  return out;
}

export function serviceImmutable(obj: O, old: O): Cause[] {
  const before = old.spec?.clusterIP;
  const after = obj.spec?.clusterIP;
  // An update that leaves clusterIP empty keeps the allocated one (the server fills it back in).
  if (before && after !== undefined && after !== '' && after !== before) return [fe.immutable('spec.clusterIP', after)];
  return [];
}

function validateKeys(map: Json, field: string, out: Cause[], seen: Set<string>): void {
  for (const k of Object.keys(map ?? {})) {
    for (const m of configMapKey(k)) out.push(fe.invalid(field, k, m));
    if (seen.has(k)) out.push(fe.invalid(field, k, 'duplicate of key present in binaryData'));
    seen.add(k);
  }
}

export function validateConfigData(obj: O): Cause[] {
  const out: Cause[] = [];
  const seen = new Set<string>();
  validateKeys(obj.data, 'data', out, seen);
  validateKeys(obj.binaryData, 'binaryData', out, seen);
  for (const [k, v] of Object.entries((obj.data ?? {}) as Record<string, Json>)) {
    if (typeof v !== 'string') out.push(fe.invalid(`data[${k}]`, v, 'must be a string'));
  }
  return out;
}

export function dataImmutable(obj: O, old: O): Cause[] {
  if (!old.immutable) return [];
  const out: Cause[] = [];
  if (!jsonEqual(obj.data ?? {}, old.data ?? {})) out.push(fe.forbidden('data', 'field is immutable when `immutable` is set'));
  if (!jsonEqual(obj.binaryData ?? {}, old.binaryData ?? {})) out.push(fe.forbidden('binaryData', 'field is immutable when `immutable` is set'));
  if (obj.immutable !== true) out.push(fe.forbidden('immutable', 'field is immutable when `immutable` is set'));
  return out;
}

export function validateSecret(obj: O): Cause[] {
  const out: Cause[] = [];
  const seen = new Set<string>();
  validateKeys(obj.data, 'data', out, seen);
  if (obj.type === 'kubernetes.io/tls') {
    for (const k of ['tls.crt', 'tls.key']) if (!obj.data?.[k]) out.push(fe.required(`data[${k}]`));
  }
  if (obj.type === 'kubernetes.io/dockerconfigjson' && !obj.data?.['.dockerconfigjson']) out.push(fe.required('data[.dockerconfigjson]'));
  return out;
}

export function secretImmutable(obj: O, old: O): Cause[] {
  const out = dataImmutable(obj, old).filter((c) => c.field !== 'binaryData');
  if (obj.type !== old.type) out.push(fe.immutable('type', obj.type));
  return out;
}

function validateQuantities(map: Json, field: string, out: Cause[]): void {
  for (const [k, q] of Object.entries((map ?? {}) as Record<string, Json>)) {
    const parsed = parseQuantity(q);
    if (!parsed) out.push(fe.invalid(`${field}[${k}]`, q, 'must be a valid quantity'));
    else if (parsed.value < 0) out.push(fe.invalid(`${field}[${k}]`, q, 'must be greater than or equal to 0'));
  }
}

export function validateResourceQuota(obj: O): Cause[] {
  const out: Cause[] = [];
  validateQuantities(obj.spec?.hard, 'spec.hard', out);
  return out;
}

const LIMIT_TYPES = ['Container', 'Pod', 'PersistentVolumeClaim'];

export function validateLimitRange(obj: O): Cause[] {
  const out: Cause[] = [];
  const limits: Json[] = obj.spec?.limits ?? [];
  if (!Array.isArray(limits)) return [fe.required('spec.limits')];
  limits.forEach((l, i) => {
    const p = `spec.limits[${i}]`;
    if (!LIMIT_TYPES.includes(l?.type)) out.push(fe.unsupported(`${p}.type`, l?.type ?? '', LIMIT_TYPES));
    for (const f of ['max', 'min', 'default', 'defaultRequest', 'maxLimitRequestRatio']) validateQuantities(l?.[f], `${p}.${f}`, out);
    for (const [r, q] of Object.entries((l?.defaultRequest ?? {}) as Record<string, Json>)) {
      const lim = l?.default?.[r];
      if (lim !== undefined && (parseQuantity(q)?.value ?? 0) > (parseQuantity(lim)?.value ?? 0)) {
        out.push(fe.invalid(`${p}.defaultRequest[${r}]`, q, `default request value must be less than or equal to default limit value`));
      }
    }
  });
  return out;
}

const ACCESS_MODES = ['ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOnce', 'ReadWriteOncePod'];

function validateAccessModes(modes: Json, field: string, out: Cause[]): void {
  if (!Array.isArray(modes) || modes.length === 0) {
    out.push(fe.required(field));
    return;
  }
  for (const m of modes) if (!ACCESS_MODES.includes(m)) out.push(fe.unsupported(field, m, ACCESS_MODES));
}

export function validatePersistentVolume(obj: O): Cause[] {
  const out: Cause[] = [];
  const s = obj.spec ?? {};
  validateAccessModes(s.accessModes, 'spec.accessModes', out);
  if (!s.capacity?.storage) out.push(fe.required('spec.capacity'));
  else validateQuantities(s.capacity, 'spec.capacity', out);
  return out;
}

export function validatePersistentVolumeClaim(obj: O): Cause[] {
  const out: Cause[] = [];
  const s = obj.spec ?? {};
  validateAccessModes(s.accessModes, 'spec.accessModes', out);
  if (!s.resources?.requests?.storage) out.push(fe.required('spec.resources[storage]'));
  else validateQuantities(s.resources.requests, 'spec.resources.requests', out);
  return out;
}

export function pvcImmutable(obj: O, old: O, _ctx?: ValidationContext): Cause[] {
  const strip = (s: Json) => ({ ...(s ?? {}), resources: undefined, volumeName: undefined });
  if (jsonEqual(JSON.parse(JSON.stringify(strip(obj.spec))), JSON.parse(JSON.stringify(strip(old.spec))))) return [];
  return [fe.forbidden('spec', 'spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims')];
}
