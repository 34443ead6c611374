import type { IncomingMessage } from 'node:http';
import { parse as parseYaml } from 'yaml';
import { ApiError, errors } from '../core/errors.js';
import type { Json } from '../core/types.js';
import { decodeKubernetesProtobuf, K8S_PROTOBUF_MEDIA_TYPE } from '../protobuf/k8s-protobuf.js';

const MAX_BODY = 3 * 1024 * 1024;

export async function readRaw(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new ApiError(413, 'RequestEntityTooLarge', 'Request entity too large: limit is 3145728');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

export function mediaType(header: string | undefined): string {
  return (header ?? '').split(';')[0]!.trim().toLowerCase();
}

/** Decodes a request body as JSON, Kubernetes protobuf (kubectl 1.32+), or YAML for apply patches and yaml content types. */
export function decodeBody(raw: Buffer, contentType: string | undefined): Json {
  const type = mediaType(contentType);
  // A client that prefers CBOR (client-go ClientsPreferCBOR) falls back to JSON on 415, as with a server that does not serve it.
  if (type === 'application/cbor' || type === 'application/apply-patch+cbor') {
    throw new ApiError(415, 'UnsupportedMediaType', `the body of the request was in an unknown format - accepted media types include: application/json, application/yaml, ${K8S_PROTOBUF_MEDIA_TYPE}`);
  }
  if (type === K8S_PROTOBUF_MEDIA_TYPE) {
    if (!raw.length) return undefined;
    try {
      return decodeKubernetesProtobuf(raw);
    } catch (e) {
      throw errors.badRequest(`error decoding request body: ${(e as Error).message}`);
    }
  }
  const text = raw.toString('utf8');
  if (!text.trim()) return undefined;
  try {
    if (type.includes('yaml')) return parseYaml(text);
    return JSON.parse(text);
  } catch (e) {
    throw errors.badRequest(`error decoding request body: ${(e as Error).message}`);
  }
}

export type Representation =
  | { kind: 'json' }
  | { kind: 'table'; version: 'v1' | 'v1beta1' }
  | { kind: 'partial'; version: 'v1' | 'v1beta1' };

/** Picks the first Accept entry the server can produce (Table, PartialObjectMetadata or plain JSON). */
export function negotiate(accept: string | undefined): Representation | undefined {
  if (!accept) return { kind: 'json' };
  for (const entry of accept.split(',')) {
    const [typePart, ...paramParts] = entry.split(';');
    const type = typePart!.trim().toLowerCase();
    const params: Record<string, string> = {};
    for (const p of paramParts) {
      const [k, v] = p.split('=');
      if (k && v) params[k.trim()] = v.trim();
    }
    if (type !== 'application/json' && type !== '*/*' && type !== 'application/*') continue;
    if (!params.as) return { kind: 'json' };
    if (params.g !== 'meta.k8s.io') continue;
    const version = params.v === 'v1beta1' ? 'v1beta1' : params.v === 'v1' ? 'v1' : undefined;
    if (!version) continue;
    if (params.as === 'Table') return { kind: 'table', version };
    if (params.as === 'PartialObjectMetadata' || params.as === 'PartialObjectMetadataList') return { kind: 'partial', version };
  }
  return undefined;
}
