import type { Json } from '../core/types.js';
import { openApiV2 } from './openapi-v2.js';
import { ProtoWriter } from './protobuf-writer.js';

// Field numbers of gnostic's openapi_v2 messages (Document, Schema, NamedSchema…),
// which client-go decodes from `application/com.github.proto-openapi.spec.v2@v1.0+protobuf`.

function anyYaml(value: Json): ProtoWriter {
  // JSON is valid YAML, and kube-openapi reads extension values as YAML.
  return new ProtoWriter().string(2, JSON.stringify(value));
}

function schema(s: Json): ProtoWriter {
  const w = new ProtoWriter();
  if (s.$ref) w.string(1, s.$ref);
  w.string(2, s.format);
  w.string(4, s.description);
  for (const r of s.required ?? []) w.string(19, r);
  if (s.additionalProperties) w.message(21, new ProtoWriter().message(1, schema(s.additionalProperties)));
  if (s.type) w.message(22, new ProtoWriter().string(1, s.type));
  if (s.items) w.message(23, new ProtoWriter().message(1, schema(s.items)));
  if (s.properties) {
    const props = new ProtoWriter();
    for (const [name, value] of Object.entries(s.properties)) props.message(1, new ProtoWriter().string(1, name).message(2, schema(value)));
    w.message(25, props);
  }
  for (const [k, v] of Object.entries(s)) {
    if (k.startsWith('x-')) w.message(31, new ProtoWriter().string(1, k).message(2, anyYaml(v)));
  }
  return w;
}

function queryParameter(p: Json): ProtoWriter {
  const sub = new ProtoWriter().string(2, p.in).string(3, p.description).string(4, p.name).string(6, p.type).bool(20, p.uniqueItems);
  const nonBody = new ProtoWriter().message(3, sub);
  return new ProtoWriter().message(1, new ProtoWriter().message(2, nonBody));
}

function operation(op: Json): ProtoWriter {
  const w = new ProtoWriter().string(5, op.operationId);
  for (const p of op.produces ?? []) w.string(6, p);
  for (const c of op.consumes ?? []) w.string(7, c);
  for (const p of op.parameters ?? []) w.message(8, queryParameter(p));
  for (const [k, v] of Object.entries(op)) if (k.startsWith('x-')) w.message(13, new ProtoWriter().string(1, k).message(2, anyYaml(v)));
  return w;
}

let cached: Buffer | undefined;

export function openApiV2Protobuf(): Buffer {
  if (cached) return cached;
  const doc = openApiV2();
  const w = new ProtoWriter();
  w.string(1, doc.swagger);
  w.message(2, new ProtoWriter().string(1, doc.info.title).string(2, doc.info.version));
  const paths = new ProtoWriter();
  for (const [name, item] of Object.entries(doc.paths as Record<string, Json>)) {
    paths.message(2, new ProtoWriter().string(1, name).message(2, new ProtoWriter().message(8, operation(item.patch))));
  }
  w.message(8, paths);
  const defs = new ProtoWriter();
  for (const [name, value] of Object.entries(doc.definitions)) defs.message(1, new ProtoWriter().string(1, name).message(2, schema(value)));
  w.message(9, defs);
  cached = w.finish();
  return cached;
}
