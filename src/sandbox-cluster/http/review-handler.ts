import type { AuthzAttributes } from '../auth/rbac-authorizer.js';
import { errors } from '../core/errors.js';
import { isPlainObject } from '../core/json.js';
import type { Json, UserInfo } from '../core/types.js';
import type { RequestContext } from './handler-context.js';
import { sendJson } from './responses.js';

function attributesFrom(spec: Json, user: UserInfo): AuthzAttributes {
  const ra = spec.resourceAttributes;
  if (isPlainObject(ra)) {
    return {
      user,
      verb: ra.verb ?? '',
      isResourceRequest: true,
      path: '',
      namespace: ra.namespace ?? '',
      apiGroup: ra.group ?? '',
      resource: ra.resource ?? '',
      subresource: ra.subresource ?? '',
      name: ra.name ?? '',
    };
  }
  const nra = spec.nonResourceAttributes;
  if (isPlainObject(nra)) {
    return { user, verb: nra.verb ?? '', isResourceRequest: false, path: nra.path ?? '', namespace: '', apiGroup: '', resource: '', subresource: '', name: '' };
  }
  throw errors.invalid({ group: 'authorization.k8s.io', kind: 'SelfSubjectAccessReview' }, '', [
    { reason: 'FieldValueRequired', message: 'Required value: exactly one of nonResourceAttributes or resourceAttributes must be specified', field: 'spec.resourceAttributes' },
  ]);
}

/** The user a (Local)SubjectAccessReview asks about: exactly the names given, nothing derived. */
function namedSubject(spec: Json, kind: string): UserInfo {
  const groups: string[] = Array.isArray(spec.groups) ? spec.groups.map(String) : [];
  const username = typeof spec.user === 'string' ? spec.user : '';
  if (!username && !groups.length) {
    throw errors.invalid({ group: 'authorization.k8s.io', kind }, '', [
      { reason: 'FieldValueInvalid', message: 'Invalid value: "": at least one of user or group must be specified', field: 'spec.user' },
    ]);
  }
  const subject: UserInfo = { username, groups };
  if (typeof spec.uid === 'string') subject.uid = spec.uid;
  if (isPlainObject(spec.extra)) subject.extra = spec.extra;
  return subject;
}

/** Access reviews and token reviews: computed answers, nothing stored. */
export async function handleReview(ctx: RequestContext): Promise<void> {
  const { deps, def, res } = ctx;
  const body = (await ctx.body()) ?? {};
  const spec = isPlainObject(body.spec) ? body.spec : {};
  const base = { kind: def.kind, apiVersion: `${def.group}/${def.version}`, metadata: { creationTimestamp: null } };
  switch (def.kind) {
    case 'SelfSubjectAccessReview':
    case 'SubjectAccessReview':
    case 'LocalSubjectAccessReview': {
      const subject = def.kind === 'SelfSubjectAccessReview' ? ctx.user : namedSubject(spec, def.kind);
      const attrs = attributesFrom(spec, subject);
      if (def.kind === 'LocalSubjectAccessReview') attrs.namespace = ctx.info.namespace;
      const decision = deps.authorizer.authorize(attrs);
      const status: Json = { allowed: decision.allowed };
      if (decision.reason) status.reason = decision.reason;
      return sendJson(res, 201, { ...base, spec, status });
    }
    case 'SelfSubjectRulesReview': {
      const rules = deps.authorizer.rulesFor(ctx.user, spec.namespace ?? '');
      const resourceRules = rules.filter((r) => !(r.nonResourceURLs ?? []).length).map((r) => ({ verbs: r.verbs ?? [], apiGroups: r.apiGroups ?? [], resources: r.resources ?? [], resourceNames: r.resourceNames }));
      const nonResourceRules = rules.filter((r) => (r.nonResourceURLs ?? []).length).map((r) => ({ verbs: r.verbs ?? [], nonResourceURLs: r.nonResourceURLs }));
      return sendJson(res, 201, { ...base, spec, status: { resourceRules, nonResourceRules, incomplete: false } });
    }
    case 'TokenReview': {
      const result = spec.token ? await deps.authenticator.authenticateToken(String(spec.token)) : { kind: 'invalid' as const };
      const status: Json =
        result.kind === 'user' ? { authenticated: true, user: { username: result.user.username, uid: result.user.uid, groups: result.user.groups } } : { user: {}, error: '[invalid bearer token]' };
      return sendJson(res, 201, { ...base, spec, status });
    }
    default:
      throw errors.methodNotAllowed();
  }
}
