import type { Json } from '../core/types.js';
import { K8S_PROTO_MESSAGES } from './k8s-proto-schema.js';
import type { ProtoFieldSchema, ProtoMessageSchema } from './proto-schema-types.js';
import { ProtoDecodeError, readFields, readPackedVarints, WIRE, type ProtoField } from './proto-reader.js';

/** `k8s\0`: every Kubernetes protobuf body starts with it, then a runtime.Unknown envelope. */
export const K8S_PROTOBUF_MAGIC = Buffer.from([0x6b, 0x38, 0x73, 0x00]);
export const K8S_PROTOBUF_MEDIA_TYPE = 'application/vnd.kubernetes.protobuf';

const META = 'apimachinery.pkg.apis.meta.v1';
const NUMERIC = new Set(['int32', 'int64', 'uint32', 'uint64', 'bool', 'double', 'float']);

/** Messages whose JSON form is not an object of their fields (custom marshallers upstream). */
const CUSTOM_JSON: Record<string, (fields: Map<number, ProtoField[]>) => Json> = {
  [`${META}.Time`]: (f) => timestamp(f, false),
  [`${META}.MicroTime`]: (f) => timestamp(f, true),
  [`${META}.Duration`]: (f) => goDuration(varintOf(f, 1)),
  [`${META}.FieldsV1`]: (f) => rawJson(bytesOf(f, 1)),
  'apimachinery.pkg.runtime.RawExtension': (f) => rawJson(bytesOf(f, 1)),
  'apimachinery.pkg.api.resource.Quantity': (f) => bytesOf(f, 1).toString('utf8'),
  'apimachinery.pkg.util.intstr.IntOrString': (f) => (varintOf(f, 1) === 1n ? bytesOf(f, 3).toString('utf8') : Number(BigInt.asIntN(32, varintOf(f, 2)))),
};

/**
 * Decodes a `application/vnd.kubernetes.protobuf` body into the JSON object the same client
 * would have sent as `application/json`, using the upstream message schemas.
 */
export function decodeKubernetesProtobuf(body: Buffer): Json {
  if (body.length < 4 || !body.subarray(0, 4).equals(K8S_PROTOBUF_MAGIC)) throw new ProtoDecodeError('provided data does not appear to be a protobuf message, expected prefix [107 56 115 0]');
  const envelope = group(body.subarray(4));
  const typeMeta = group(bytesOf(envelope, 1));
  const apiVersion = bytesOf(typeMeta, 1).toString('utf8');
  const kind = bytesOf(typeMeta, 2).toString('utf8');
  const encoding = bytesOf(envelope, 3).toString('utf8');
  if (encoding) throw new ProtoDecodeError(`unsupported content encoding ${JSON.stringify(encoding)}`);
  const type = messageTypeFor(apiVersion, kind);
  if (!type) throw new ProtoDecodeError(`no kind "${kind}" is registered for version "${apiVersion}"`);
  return { kind, apiVersion, ...decodeMessage(bytesOf(envelope, 2), type) };
}

function messageTypeFor(apiVersion: string, kind: string): string | undefined {
  const [groupName, version] = apiVersion.includes('/') ? apiVersion.split('/') : ['', apiVersion];
  const pkg = groupName === '' ? 'core' : groupName.replace(/\.k8s\.io$/, '').replace(/^rbac\.authorization$/, 'rbac');
  // Options kinds (DeleteOptions, …) are registered in every group but live in meta/v1.
  return [`api.${pkg}.${version}.${kind}`, `${META}.${kind}`].find((t) => t in K8S_PROTO_MESSAGES);
}

function group(buf: Buffer): Map<number, ProtoField[]> {
  const out = new Map<number, ProtoField[]>();
  for (const field of readFields(buf)) {
    const list = out.get(field.number);
    if (list) list.push(field);
    else out.set(field.number, [field]);
  }
  return out;
}

const last = (f: Map<number, ProtoField[]>, n: number) => f.get(n)?.at(-1)?.value;
const bytesOf = (f: Map<number, ProtoField[]>, n: number): Buffer => {
  const v = last(f, n);
  return Buffer.isBuffer(v) ? v : Buffer.alloc(0);
};
const varintOf = (f: Map<number, ProtoField[]>, n: number): bigint => {
  const v = last(f, n);
  return typeof v === 'bigint' ? v : 0n;
};

export function decodeMessage(buf: Buffer, type: string): Json {
  const fields = group(buf);
  const custom = CUSTOM_JSON[type];
  if (custom) return custom(fields);
  const schema: ProtoMessageSchema | undefined = K8S_PROTO_MESSAGES[type];
  if (!schema) throw new ProtoDecodeError(`no schema for message ${type}`);
  if (schema.wrapsList) return (fields.get(1) ?? []).map((f) => scalar(f, 'string'));
  const out: Record<string, Json> = {};
  for (const field of schema.fields) {
    const present = fields.get(field[0]);
    const flags = field[3];
    if (!present) {
      // Go's JSON shows a nil slice, map or pointer without omitempty as null.
      if (flags.includes('k') && (flags.includes('p') || flags[0] !== 'o')) out[field[1]] = null;
      continue;
    }
    const value = fieldValue(field, present);
    if (value === undefined) continue;
    if (flags.includes('i') && value && typeof value === 'object' && !Array.isArray(value)) Object.assign(out, value);
    else out[field[1]] = value;
  }
  return out;
}

function fieldValue([, , type, flags]: ProtoFieldSchema, present: ProtoField[]): Json {
  if (flags.startsWith('m')) {
    const map: Record<string, Json> = {};
    for (const entry of present) {
      const e = group(entry.value as Buffer);
      const key = bytesOf(e, 1).toString('utf8');
      const value = e.get(2)?.at(-1);
      map[key] = value ? single(value, type) : zeroOf(type);
    }
    return map;
  }
  if (flags.startsWith('r')) {
    const values: Json[] = [];
    for (const f of present) {
      if (NUMERIC.has(type) && f.wireType === WIRE.bytes && type !== 'double' && type !== 'float') {
        for (const v of readPackedVarints(f.value as Buffer)) values.push(scalar({ ...f, wireType: WIRE.varint, value: v }, type));
      } else values.push(single(f, type));
    }
    return values;
  }
  const value = single(present.at(-1)!, type);
  // Go's JSON drops the zero value of a plain omitempty field; a pointer's explicit zero was set on purpose.
  const keep = flags.includes('p') || flags.includes('k');
  if (!keep && (value === '' || value === 0 || value === false)) return undefined;
  return value;
}

function single(f: ProtoField, type: string): Json {
  if (type in K8S_PROTO_MESSAGES || type in CUSTOM_JSON) {
    if (!Buffer.isBuffer(f.value)) throw new ProtoDecodeError(`expected a message for ${type}`);
    return decodeMessage(f.value, type);
  }
  return scalar(f, type);
}

function scalar(f: ProtoField, type: string): Json {
  const v = f.value;
  switch (type) {
    case 'string':
      return Buffer.isBuffer(v) ? v.toString('utf8') : wrongWire(type);
    case 'bytes':
      return Buffer.isBuffer(v) ? v.toString('base64') : wrongWire(type);
    case 'bool':
      return typeof v === 'bigint' ? v !== 0n : wrongWire(type);
    case 'int32':
      return typeof v === 'bigint' ? Number(BigInt.asIntN(32, v)) : wrongWire(type);
    case 'int64':
      return typeof v === 'bigint' ? Number(BigInt.asIntN(64, v)) : wrongWire(type);
    case 'uint32':
    case 'uint64':
      return typeof v === 'bigint' ? Number(v) : wrongWire(type);
    case 'double':
      return Buffer.isBuffer(v) && v.length === 8 ? v.readDoubleLE(0) : wrongWire(type);
    case 'float':
      return Buffer.isBuffer(v) && v.length === 4 ? v.readFloatLE(0) : wrongWire(type);
    default:
      throw new ProtoDecodeError(`no schema for message ${type}`);
  }
}

function wrongWire(type: string): never {
  throw new ProtoDecodeError(`wrong wire type for a ${type} field`);
}

function zeroOf(type: string): Json {
  if (type === 'string' || type === 'bytes') return '';
  if (type === 'bool') return false;
  if (NUMERIC.has(type)) return 0;
  return decodeMessage(Buffer.alloc(0), type);
}

function timestamp(f: Map<number, ProtoField[]>, micro: boolean): Json {
  const seconds = BigInt.asIntN(64, varintOf(f, 1));
  const nanos = Number(BigInt.asIntN(32, varintOf(f, 2)));
  // Go's zero time.Time: seconds of 0001-01-01 relative to the Unix epoch, marshalled as null.
  if (seconds === 0n && nanos === 0) return null;
  if (seconds === -62135596800n && nanos === 0) return null;
  const iso = new Date(Number(seconds) * 1000).toISOString().slice(0, 19);
  return micro ? `${iso}.${String(Math.floor(nanos / 1000)).padStart(6, '0')}Z` : `${iso}Z`;
}

function rawJson(raw: Buffer): Json {
  if (!raw.length) return null;
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch {
    throw new ProtoDecodeError('embedded object is not JSON');
  }
}

/** time.Duration.String(): 1h2m3.5s, 300ms, 0s. */
export function goDuration(value: bigint): string {
  const nanos = BigInt.asIntN(64, value);
  if (nanos === 0n) return '0s';
  const sign = nanos < 0n ? '-' : '';
  let n = nanos < 0n ? -nanos : nanos;
  const fraction = (v: bigint, unit: bigint, digits: number): string => {
    const whole = v / unit;
    const rest = v % unit;
    return rest === 0n ? `${whole}` : `${whole}.${rest.toString().padStart(digits, '0').replace(/0+$/, '')}`;
  };
  if (n < 1_000n) return `${sign}${n}ns`;
  if (n < 1_000_000n) return `${sign}${fraction(n, 1_000n, 3)}µs`;
  if (n < 1_000_000_000n) return `${sign}${fraction(n, 1_000_000n, 6)}ms`;
  const hours = n / 3_600_000_000_000n;
  n %= 3_600_000_000_000n;
  const minutes = n / 60_000_000_000n;
  n %= 60_000_000_000n;
  const seconds = `${fraction(n, 1_000_000_000n, 9)}s`;
  if (hours) return `${sign}${hours}h${minutes}m${seconds}`;
  if (minutes) return `${sign}${minutes}m${seconds}`;
  return `${sign}${seconds}`;
}
