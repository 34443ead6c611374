#!/usr/bin/env node
// Regenerates k8s-proto-schema.ts from upstream sources: the `generated.proto` files of
// k8s.io/api and k8s.io/apimachinery (field numbers, names, types) and their Go `types.go`
// (which scalar fields are pointers, which JSON names drop zero values with `omitempty`).
//
//   node src/sandbox-cluster/protobuf/generate-k8s-proto-schema.mjs <k8s.io/api git dir> <k8s.io/apimachinery git dir>
//
// Both arguments are git directories (bare or not); the files are read from HEAD.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const [apiRepo, machineryRepo] = process.argv.slice(2);
if (!apiRepo || !machineryRepo) {
  console.error('usage: generate-k8s-proto-schema.mjs <k8s.io/api git dir> <k8s.io/apimachinery git dir>');
  process.exit(2);
}

// The group versions the sandbox serves, and the apimachinery packages they import.
const API_PACKAGES = ['core/v1', 'apps/v1', 'batch/v1', 'autoscaling/v1', 'autoscaling/v2', 'policy/v1', 'networking/v1', 'rbac/v1', 'discovery/v1', 'authorization/v1', 'authentication/v1', 'storage/v1'];
const MACHINERY_PACKAGES = ['pkg/apis/meta/v1', 'pkg/api/resource', 'pkg/runtime', 'pkg/runtime/schema', 'pkg/util/intstr'];

const git = (repo, ...args) => execFileSync('git', ['--git-dir', repo, ...args], { encoding: 'utf8', maxBuffer: 64 << 20 });
const show = (repo, path) => git(repo, 'show', `HEAD:${path}`);
const goFiles = (repo, dir) =>
  git(repo, 'ls-tree', '--name-only', `HEAD:${dir}`)
    .split('\n')
    .filter((f) => f.endsWith('.go') && !f.endsWith('_test.go') && !f.startsWith('zz_') && !f.includes('generated'))
    .map((f) => show(repo, `${dir}/${f}`));

/** struct name → proto field name → { pointer, keepZero, json } from the Go field tags. */
function goFieldFacts(sources) {
  const facts = new Map();
  for (const src of sources) {
    let current;
    for (const line of src.split('\n')) {
      const start = /^type (\w+) struct \{/.exec(line);
      if (start) {
        current = new Map();
        facts.set(start[1], current);
        continue;
      }
      if (/^\}/.test(line)) current = undefined;
      if (!current) continue;
      const field = /^\s+(\w+\s+)?(\S+)\s+`([^`]*)`/.exec(line);
      if (!field || !field[3].includes('protobuf:"')) continue;
      // An embedded struct's tag may omit name=; go-to-protobuf then names the field after the type.
      const proto = /protobuf:"[^"]*name=(\w+)/.exec(field[3]) ?? [, field[2].replace(/^\*/, '').replace(/^\w+\./, '').replace(/^./, (c) => c.toLowerCase())];
      const json = /json:"([^",]*)((?:,[^"]*)?)"/.exec(field[3]);
      // encoding/json flattens an embedded struct that has no JSON name into its parent.
      const inline = !field[1] && !json?.[1];
      current.set(proto[1], { pointer: field[2].startsWith('*'), keepZero: !!json && !inline && !json[2].includes('omitempty'), inline, json: json?.[1] || proto[1] });
    }
  }
  return facts;
}

const SCALARS = new Set(['string', 'bytes', 'bool', 'int32', 'int64', 'double', 'float', 'uint32', 'uint64']);

function parseProto(text, facts, out) {
  const pkg = /^package ([\w.]+);/m.exec(text)[1];
  const short = (name) => name.replace(/^\.?k8s\.io\./, '');
  const qualify = (type) => (SCALARS.has(type) ? type : type.startsWith('.') || type.startsWith('k8s.io.') ? short(type) : `${short(pkg)}.${type}`);
  let message;
  let comments = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line.startsWith('//')) {
      comments.push(line);
      continue;
    }
    const open = /^message (\w+) \{/.exec(line);
    if (open) {
      const wrapsList = comments.some((c) => c.includes('+protobuf.nullable=true'));
      message = { name: open[1], fields: [], wrapsList };
      out[`${short(pkg)}.${open[1]}`] = message;
    } else if (line === '}') {
      message = undefined;
    } else if (message) {
      const m = /^(optional|repeated) ([\w.]+) (\w+) = (\d+);/.exec(line) ?? /^map<(\w+), ([\w.]+)> (\w+) = (\d+);/.exec(line);
      if (m) {
        const isMap = line.startsWith('map<');
        const name = isMap ? m[3] : m[3];
        const fact = facts.get(message.name)?.get(name);
        const flags = (isMap ? 'm' : m[1] === 'repeated' ? 'r' : 'o') + (fact?.pointer ? 'p' : '') + (fact?.keepZero ? 'k' : '') + (fact?.inline ? 'i' : '');
        message.fields.push([Number(m[4]), fact?.json ?? name, qualify(m[2]), flags]);
      }
    }
    if (!line.startsWith('//')) comments = [];
  }
}

const messages = {};
for (const dir of API_PACKAGES) parseProto(show(apiRepo, `${dir}/generated.proto`), goFieldFacts(goFiles(apiRepo, dir)), messages);
for (const dir of MACHINERY_PACKAGES) parseProto(show(machineryRepo, `${dir}/generated.proto`), goFieldFacts(goFiles(machineryRepo, dir)), messages);

const apiCommit = git(apiRepo, 'rev-parse', 'HEAD').trim();
const machineryCommit = git(machineryRepo, 'rev-parse', 'HEAD').trim();
const body = Object.entries(messages)
  .sort(([a], [b]) => a.localeCompare(b))
  .map(([name, m]) => `  '${name}': {${m.wrapsList ? ' wrapsList: true,' : ''} fields: [${m.fields.map((f) => `[${f[0]}, '${f[1]}', '${f[2]}', '${f[3]}']`).join(', ')}] },`)
  .join('\n');
const file = `// Generated by generate-k8s-proto-schema.mjs from the upstream schemas; do not edit by hand.
// k8s.io/api ${apiCommit}, k8s.io/apimachinery ${machineryCommit}
// Field tuples: [number, JSON name, type, flags]; flags: o optional, r repeated, m map<string, type>,
// p Go pointer (an explicit zero is kept), k no omitempty (zero values are kept, nil shows as null),
// i inline (the message's fields sit in the parent's JSON object).
import type { ProtoMessageSchema } from './proto-schema-types.js';

export const K8S_PROTO_MESSAGES: Record<string, ProtoMessageSchema> = {
${body}
};
`;
writeFileSync(join(dirname(fileURLToPath(import.meta.url)), 'k8s-proto-schema.ts'), file);
process.stdout.write(`${Object.keys(messages).length} messages\n`);
