import type { Json, KubeObject, UserInfo } from '../core/types.js';
import type { ObjectStore } from '../store/object-store.js';

export interface AuthzAttributes {
  user: UserInfo;
  verb: string;
  isResourceRequest: boolean;
  path: string;
  namespace: string;
  apiGroup: string;
  resource: string;
  subresource: string;
  name: string;
}

export interface Decision {
  allowed: boolean;
  reason: string;
}

const RBAC = 'rbac.authorization.k8s.io';

function has(list: string[] | undefined, value: string): boolean {
  return !!list && (list.includes('*') || list.includes(value));
}

function subjectMatches(subject: Json, user: UserInfo, bindingNamespace: string): boolean {
  switch (subject?.kind) {
    case 'User':
      return subject.name === user.username;
    case 'Group':
      return user.groups.includes(subject.name);
    case 'ServiceAccount': {
      const ns = subject.namespace || bindingNamespace;
      return user.username === `system:serviceaccount:${ns}:${subject.name}`;
    }
    default:
      return false;
  }
}

export function ruleAllows(rule: Json, a: AuthzAttributes): boolean {
  if (!has(rule.verbs, a.verb)) return false;
  if (!a.isResourceRequest) {
    return ((rule.nonResourceURLs ?? []) as string[]).some((u) => u === '*' || u === a.path || (u.endsWith('*') && a.path.startsWith(u.slice(0, -1))));
  }
  if (!has(rule.apiGroups, a.apiGroup)) return false;
  const resources: string[] = rule.resources ?? [];
  const combined = a.subresource ? `${a.resource}/${a.subresource}` : a.resource;
  const resourceOk =
    resources.includes('*') || resources.includes(combined) || (a.subresource !== '' && resources.includes(`*/${a.subresource}`));
  if (!resourceOk) return false;
  const names: string[] = rule.resourceNames ?? [];
  return names.length === 0 || (a.name !== '' && names.includes(a.name));
}

/** RBAC evaluation over the Role/ClusterRole/RoleBinding/ClusterRoleBinding objects in the store. */
export class RbacAuthorizer {
  constructor(private readonly store: ObjectStore) {}

  authorize(a: AuthzAttributes): Decision {
    if (a.user.groups.includes('system:masters')) return { allowed: true, reason: '' };
    for (const binding of this.store.list(`${RBAC}/clusterrolebindings`)) {
      const allowedBy = this.bindingAllows(binding, a, '');
      if (allowedBy) return { allowed: true, reason: allowedBy };
    }
    if (a.namespace) {
      for (const binding of this.store.list(`${RBAC}/rolebindings`, a.namespace)) {
        const allowedBy = this.bindingAllows(binding, a, a.namespace);
        if (allowedBy) return { allowed: true, reason: allowedBy };
      }
    }
    return { allowed: false, reason: '' };
  }

  /** Rules that apply to the user in a namespace, for SelfSubjectRulesReview. */
  rulesFor(user: UserInfo, namespace: string): Json[] {
    if (user.groups.includes('system:masters')) return [{ verbs: ['*'], apiGroups: ['*'], resources: ['*'] }, { verbs: ['*'], nonResourceURLs: ['*'] }];
    const out: Json[] = [];
    const collect = (binding: Readonly<KubeObject>, bindingNs: string) => {
      if (!((binding.subjects ?? []) as Json[]).some((s) => subjectMatches(s, user, bindingNs))) return;
      out.push(...this.roleRules(binding, bindingNs));
    };
    for (const b of this.store.list(`${RBAC}/clusterrolebindings`)) collect(b, '');
    if (namespace) for (const b of this.store.list(`${RBAC}/rolebindings`, namespace)) collect(b, namespace);
    return out;
  }

  private roleRules(binding: Readonly<KubeObject>, bindingNs: string): Json[] {
    const ref = binding.roleRef ?? {};
    const role =
      ref.kind === 'ClusterRole' ? this.store.get(`${RBAC}/clusterroles`, '', ref.name) : this.store.get(`${RBAC}/roles`, bindingNs, ref.name);
    return (role?.rules ?? []) as Json[];
  }

  private bindingAllows(binding: Readonly<KubeObject>, a: AuthzAttributes, bindingNs: string): string | undefined {
    const subject = ((binding.subjects ?? []) as Json[]).find((s) => subjectMatches(s, a.user, bindingNs));
    if (!subject) return undefined;
    if (!this.roleRules(binding, bindingNs).some((r) => ruleAllows(r, a))) return undefined;
    const kind = bindingNs ? 'RoleBinding' : 'ClusterRoleBinding';
    const where = bindingNs ? `"${binding.metadata.name}/${bindingNs}"` : `"${binding.metadata.name}"`;
    return `RBAC: allowed by ${kind} ${where} of ${binding.roleRef?.kind} "${binding.roleRef?.name}" to ${subject.kind} "${subject.name}"`;
  }
}

/** The message a real server gives when RBAC refuses a request. */
export function forbiddenReason(a: AuthzAttributes): string {
  if (!a.isResourceRequest) return `User "${a.user.username}" cannot ${a.verb} path "${a.path}"`;
  const res = a.subresource ? `${a.resource}/${a.subresource}` : a.resource;
  const scope = a.namespace ? `in the namespace "${a.namespace}"` : 'at the cluster scope';
  return `User "${a.user.username}" cannot ${a.verb} resource "${res}" in API group "${a.apiGroup}" ${scope}`;
}
