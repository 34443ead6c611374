/** What a request addresses, parsed from its path the way the apiserver's RequestInfo does. */
export interface RequestInfo {
  isResourceRequest: boolean;
  path: string;
  verb: string;
  apiPrefix?: 'api' | 'apis';
  group: string;
  version: string;
  namespace: string;
  resource: string;
  subresource: string;
  name: string;
  /** Path segments after the group/version prefix. */
  parts: string[];
}

const METHOD_VERBS: Record<string, string> = { POST: 'create', PUT: 'update', PATCH: 'patch', DELETE: 'delete', GET: 'get', HEAD: 'get' };

export function parseRequestInfo(method: string, pathname: string, query: URLSearchParams): RequestInfo {
  const segs = pathname.split('/').filter(Boolean).map(decodeURIComponent);
  const base: RequestInfo = {
    isResourceRequest: false,
    path: pathname,
    verb: (method === 'HEAD' ? 'get' : method.toLowerCase()),
    group: '',
    version: '',
    namespace: '',
    resource: '',
    subresource: '',
    name: '',
    parts: [],
  };
  if (segs[0] !== 'api' && segs[0] !== 'apis') return base;
  let rest: string[];
  if (segs[0] === 'api') {
    if (segs.length < 3) return { ...base, apiPrefix: 'api', version: segs[1] ?? '' };
    base.version = segs[1]!;
    rest = segs.slice(2);
  } else {
    if (segs.length < 4) return { ...base, apiPrefix: 'apis', group: segs[1] ?? '', version: segs[2] ?? '' };
    base.group = segs[1]!;
    base.version = segs[2]!;
    rest = segs.slice(3);
  }
  const info: RequestInfo = { ...base, apiPrefix: segs[0] as 'api' | 'apis', isResourceRequest: true, verb: METHOD_VERBS[method] ?? method.toLowerCase() };
  let watchPrefix = false;
  if (rest[0] === 'watch') {
    watchPrefix = true;
    rest = rest.slice(1);
  }
  if (rest[0] === 'namespaces' && rest.length > 1) {
    info.namespace = rest[1]!;
    // /namespaces/{name} and /namespaces/{name}/{status|finalize} address the namespace itself.
    if (rest.length === 2 || (rest.length === 3 && (rest[2] === 'status' || rest[2] === 'finalize'))) {
      info.resource = 'namespaces';
      info.name = rest[1]!;
      info.subresource = rest[2] ?? '';
      info.namespace = '';
    } else {
      rest = rest.slice(2);
      info.resource = rest[0] ?? '';
      info.name = rest[1] ?? '';
      info.subresource = rest[2] ?? '';
    }
  } else {
    info.resource = rest[0] ?? '';
    info.name = rest[1] ?? '';
    info.subresource = rest[2] ?? '';
  }
  info.parts = rest;
  if (info.verb === 'get' && !info.name) {
    const w = query.get('watch');
    info.verb = watchPrefix || w === 'true' || w === '1' ? 'watch' : 'list';
  } else if (info.verb === 'get' && !info.subresource) {
    const w = query.get('watch');
    if (watchPrefix || w === 'true' || w === '1') info.verb = 'watch';
  }
  if (info.verb === 'delete' && !info.name) info.verb = 'deletecollection';
  return info;
}
