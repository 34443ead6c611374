import { jsonEqual } from '../core/json.js';
import type { Cause, Json, KubeObject } from '../core/types.js';
import { fe } from './field-errors.js';
import { dns1123Subdomain } from './names.js';

type O = Readonly<KubeObject>;

const PATH_TYPES = ['Exact', 'ImplementationSpecific', 'Prefix'];

function validateBackend(b: Json, field: string, out: Cause[]): void {
  if (!b) return;
  if (!b.service && !b.resource) {
    out.push(fe.invalid(field, '', 'resource or service must be specified'));
    return;
  }
  if (b.service) {
    if (!b.service.name) out.push(fe.required(`${field}.service.name`));
    const port = b.service.port ?? {};
    if (port.number === undefined && !port.name) out.push(fe.required(`${field}.service.port`, 'port name or number is required'));
    if (port.number !== undefined && port.name) out.push(fe.invalid(`${field}.service.port`, port, 'cannot set both port name & port number'));
  }
}

export function validateIngress(obj: O): Cause[] {
  const out: Cause[] = [];
  const s = obj.spec ?? {};
  if (!s.defaultBackend && !(s.rules ?? []).length) out.push(fe.invalid('spec', s, 'either `defaultBackend` or `rules` must be specified'));
  validateBackend(s.defaultBackend, 'spec.defaultBackend', out);
  (s.rules ?? []).forEach((r: Json, i: number) => {
    if (r?.host) for (const m of dns1123Subdomain(String(r.host).replace(/^\*\./, ''))) out.push(fe.invalid(`spec.rules[${i}].host`, r.host, m));
    (r?.http?.paths ?? []).forEach((p: Json, j: number) => {
      const f = `spec.rules[${i}].http.paths[${j}]`;
      if (!p?.pathType) out.push(fe.required(`${f}.pathType`, 'pathType must be specified'));
      else if (!PATH_TYPES.includes(p.pathType)) out.push(fe.unsupported(`${f}.pathType`, p.pathType, PATH_TYPES));
      if (p?.pathType !== 'ImplementationSpecific' && p?.path !== undefined && !String(p.path).startsWith('/')) {
        out.push(fe.invalid(`${f}.path`, p.path, 'must be an absolute path'));
      }
      if (!p?.backend) out.push(fe.required(`${f}.backend`));
      else validateBackend(p.backend, `${f}.backend`, out);
    });
  });
  return out;
}

export function defaultNetworkPolicy(obj: KubeObject): void {
  const s = obj.spec;
  if (!s || typeof s !== 'object') return;
  if (!s.policyTypes) s.policyTypes = s.egress ? ['Ingress', 'Egress'] : ['Ingress'];
  for (const rule of [...(s.ingress ?? []), ...(s.egress ?? [])]) for (const p of rule?.ports ?? []) if (p && typeof p === 'object') p.protocol ??= 'TCP';
}

export function validateNetworkPolicy(obj: O): Cause[] {
  const out: Cause[] = [];
  const s = obj.spec;
  if (!s || typeof s !== 'object') return [fe.required('spec')];
  if (!s.podSelector) out.push(fe.required('spec.podSelector'));
  const allowed = ['Egress', 'Ingress'];
  (s.policyTypes ?? []).forEach((t: Json, i: number) => {
    if (!allowed.includes(t)) out.push(fe.unsupported(`spec.policyTypes[${i}]`, t, allowed));
  });
  return out;
}

const SUBJECT_KINDS = ['Group', 'ServiceAccount', 'User'];

export function validateRoleBinding(obj: O): Cause[] {
  const out: Cause[] = [];
  const ref = obj.roleRef;
  const namespaced = !!obj.metadata.namespace;
  if (!ref) return [fe.required('roleRef')];
  if (ref.apiGroup !== 'rbac.authorization.k8s.io') out.push(fe.unsupported('roleRef.apiGroup', ref.apiGroup ?? '', ['rbac.authorization.k8s.io']));
  const kinds = namespaced ? ['Role', 'ClusterRole'] : ['ClusterRole'];
  if (!kinds.includes(ref.kind)) out.push(fe.unsupported('roleRef.kind', ref.kind ?? '', kinds));
  if (!ref.name) out.push(fe.required('roleRef.name'));
  (obj.subjects ?? []).forEach((s: Json, i: number) => {
    const f = `subjects[${i}]`;
    if (!s?.name) out.push(fe.required(`${f}.name`));
    if (!SUBJECT_KINDS.includes(s?.kind)) out.push(fe.unsupported(`${f}.kind`, s?.kind ?? '', SUBJECT_KINDS));
    if (s?.kind === 'ServiceAccount' && !s.namespace && !namespaced) out.push(fe.required(`${f}.namespace`));
    if (s?.kind === 'ServiceAccount' && s.apiGroup) out.push(fe.unsupported(`${f}.apiGroup`, s.apiGroup, ['']));
  });
  return out;
}

export function roleRefImmutable(obj: O, old: O): Cause[] {
  if (jsonEqual(obj.roleRef, old.roleRef)) return [];
  return [fe.invalid('roleRef', obj.roleRef, 'cannot change roleRef')];
}

export function validateRole(obj: O): Cause[] {
  const out: Cause[] = [];
  const namespaced = !!obj.metadata.namespace;
  (obj.rules ?? []).forEach((r: Json, i: number) => {
    const f = `rules[${i}]`;
    if (!(r?.verbs ?? []).length) out.push(fe.required(`${f}.verbs`, 'verbs must contain at least one value'));
    const nonResource = (r?.nonResourceURLs ?? []).length > 0;
    if (nonResource && namespaced) out.push(fe.invalid(`${f}.nonResourceURLs`, r.nonResourceURLs, 'namespaced rules cannot apply to non-resource URLs'));
    if (nonResource && ((r.resources ?? []).length || (r.apiGroups ?? []).length)) {
      out.push(fe.invalid(`${f}.nonResourceURLs`, r.nonResourceURLs, 'rules cannot apply to both regular resources and non-resource URLs'));
    }
    if (!nonResource) {
      if (!(r?.apiGroups ?? []).length) out.push(fe.required(`${f}.apiGroups`, 'resource rules must supply at least one api group'));
      if (!(r?.resources ?? []).length) out.push(fe.required(`${f}.resources`, 'resource rules must supply at least one resource'));
    }
  });
  return out;
}

export function validateHpa(obj: O): Cause[] {
  const out: Cause[] = [];
  const s = obj.spec;
  if (!s || typeof s !== 'object') return [fe.required('spec')];
  if (!s.scaleTargetRef?.kind) out.push(fe.required('spec.scaleTargetRef.kind'));
  if (!s.scaleTargetRef?.name) out.push(fe.required('spec.scaleTargetRef.name'));
  if (s.minReplicas !== undefined && s.minReplicas < 1) out.push(fe.invalid('spec.minReplicas', s.minReplicas, 'must be greater than or equal to 1'));
  if (!Number.isInteger(s.maxReplicas) || s.maxReplicas < 1) out.push(fe.invalid('spec.maxReplicas', s.maxReplicas ?? 0, 'must be greater than 0'));
  else if (s.minReplicas !== undefined && s.maxReplicas < s.minReplicas) {
    out.push(fe.invalid('spec.maxReplicas', s.maxReplicas, 'must be greater than or equal to `minReplicas`'));
  }
  return out;
}

const ADDRESS_TYPES = ['FQDN', 'IPv4', 'IPv6'];

export function validateEndpointSlice(obj: O): Cause[] {
  const out: Cause[] = [];
  if (!ADDRESS_TYPES.includes(obj.addressType)) out.push(fe.unsupported('addressType', obj.addressType ?? '', ADDRESS_TYPES));
  (obj.endpoints ?? []).forEach((e: Json, i: number) => {
    if (!(e?.addresses ?? []).length) out.push(fe.required(`endpoints[${i}].addresses`, 'must contain at least 1 address'));
  });
  return out;
}
