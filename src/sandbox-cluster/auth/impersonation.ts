import type { IncomingHttpHeaders } from 'node:http';
import { errors } from '../core/errors.js';
import type { UserInfo } from '../core/types.js';
import { forbiddenReason, type AuthzAttributes, type RbacAuthorizer } from './rbac-authorizer.js';

const USER_HEADER = 'impersonate-user';
const GROUP_HEADER = 'impersonate-group';
const UID_HEADER = 'impersonate-uid';
const EXTRA_PREFIX = 'impersonate-extra-';
const AUTHENTICATED = 'system:authenticated';
const UNAUTHENTICATED = 'system:unauthenticated';
const ANONYMOUS = 'system:anonymous';

/** What one impersonation header asks to act as, and the RBAC check it needs. */
interface ActingAs {
  resource: 'users' | 'groups' | 'serviceaccounts' | 'uids' | 'userextras';
  apiGroup: string;
  namespace: string;
  name: string;
  subresource: string;
}

function headerValues(headers: IncomingHttpHeaders, name: string): string[] {
  const raw = headers[name];
  if (raw === undefined) return [];
  // Node joins repeated headers with ", " (except set-cookie); each value is one entry.
  return (Array.isArray(raw) ? raw : raw.split(',')).map((v) => v.trim()).filter((v) => v !== '');
}

/** `system:serviceaccount:<ns>:<name>` → its parts, when well-formed. */
function splitServiceAccount(username: string): { namespace: string; name: string } | undefined {
  const parts = username.split(':');
  if (parts.length !== 4 || parts[0] !== 'system' || parts[1] !== 'serviceaccount' || !parts[2] || !parts[3]) return undefined;
  return { namespace: parts[2], name: parts[3] };
}

/**
 * Applies the `Impersonate-*` headers the way the apiserver's impersonation filter does:
 * every requested user, service account, group, uid and extra value needs the
 * `impersonate` verb for the caller, checked before the request is authorised as the
 * impersonated user. Returns the caller unchanged when no header is present.
 */
export function impersonate(headers: IncomingHttpHeaders, caller: UserInfo, authorizer: RbacAuthorizer): UserInfo {
  const users = headerValues(headers, USER_HEADER);
  const groups = headerValues(headers, GROUP_HEADER);
  const uids = headerValues(headers, UID_HEADER);
  const extra: Record<string, string[]> = {};
  for (const name of Object.keys(headers)) {
    if (!name.startsWith(EXTRA_PREFIX)) continue;
    let key: string;
    try {
      key = decodeURIComponent(name.slice(EXTRA_PREFIX.length)).toLowerCase();
    } catch {
      throw errors.badRequest(`malformed impersonation header: ${name}`);
    }
    extra[key] = headerValues(headers, name);
  }
  const hasExtra = Object.keys(extra).length > 0;
  if (!users.length && !groups.length && !uids.length && !hasExtra) return caller;
  if (!users.length) {
    const requested = [...groups.map((g) => `group "${g}"`), ...uids.map((u) => `uid "${u}"`), ...Object.keys(extra).map((k) => `extra "${k}"`)];
    throw errors.badRequest(`requested [${requested.join(', ')}] without impersonating a user`);
  }
  // The server reads one user and one uid (the first header value).
  const username = users[0]!;
  uids.splice(1);
  const serviceAccount = splitServiceAccount(username);
  const checks: ActingAs[] = [
    serviceAccount
      ? { resource: 'serviceaccounts', apiGroup: '', namespace: serviceAccount.namespace, name: serviceAccount.name, subresource: '' }
      : { resource: 'users', apiGroup: '', namespace: '', name: username, subresource: '' },
    ...groups.map((g): ActingAs => ({ resource: 'groups', apiGroup: '', namespace: '', name: g, subresource: '' })),
    ...uids.map((u): ActingAs => ({ resource: 'uids', apiGroup: 'authentication.k8s.io', namespace: '', name: u, subresource: '' })),
    ...Object.entries(extra).flatMap(([key, values]) =>
      values.map((v): ActingAs => ({ resource: 'userextras', apiGroup: 'authentication.k8s.io', namespace: '', name: v, subresource: key })),
    ),
  ];
  for (const c of checks) {
    const attrs: AuthzAttributes = { user: caller, verb: 'impersonate', isResourceRequest: true, path: '', ...c };
    if (!authorizer.authorize(attrs).allowed) throw errors.forbidden(c.resource, c.apiGroup, c.name, forbiddenReason(attrs));
  }
  // A service account's groups follow from its name unless groups were asked for.
  const effectiveGroups = groups.length || !serviceAccount ? [...groups] : ['system:serviceaccounts', `system:serviceaccounts:${serviceAccount.namespace}`];
  if (username === ANONYMOUS) {
    if (!effectiveGroups.includes(UNAUTHENTICATED)) effectiveGroups.push(UNAUTHENTICATED);
  } else if (!effectiveGroups.includes(AUTHENTICATED) && !effectiveGroups.includes(UNAUTHENTICATED)) {
    effectiveGroups.push(AUTHENTICATED);
  }
  const user: UserInfo = { username, groups: effectiveGroups };
  if (uids[0]) user.uid = uids[0];
  if (hasExtra) user.extra = extra;
  return user;
}
