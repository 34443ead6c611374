import type { Json } from '../../core/types.js';

const PI = '3.141592653589793238462643383279502884197169399375105820974944592307816406286208998628034825342117068';

function echoed(c: Json): string[] {
  const script = [...(c.command ?? []), ...(c.args ?? [])].join(' ');
  const out: string[] = [];
  const re = /\b(?:echo|printf)\s+((?:"[^"]*"|'[^']*'|[^;&|\n])+)/g;
  for (let m = re.exec(script); m; m = re.exec(script)) {
    out.push(m[1]!.trim().replace(/^["']|["']$/g, '').replace(/\\n$/, '').replace(/\$\(date\)/g, new Date(0).toUTCString()));
  }
  return out;
}

/** Plausible log lines for a container that just started, by image and command. */
export function startupLogs(c: Json, at: Date, crashes: boolean): string[] {
  const image = String(c.image ?? '');
  const ts = at.toISOString().replace('T', ' ').replace(/\.\d+Z$/, '').replace(/-/g, '/');
  const lines = echoed(c);
  const script = [...(c.command ?? []), ...(c.args ?? [])].join(' ');
  if (/bpi\(/.test(script)) lines.push(PI);
  if (!lines.length && /(^|\/)nginx[:@]|(^|\/)nginx$/.test(image)) {
    lines.push(
      '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
      '/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/',
      '/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh',
      '/docker-entrypoint.sh: Configuration complete; ready for start up',
      `${ts} [notice] 1#1: using the "epoll" event method`,
      `${ts} [notice] 1#1: nginx/1.25.4`,
      `${ts} [notice] 1#1: start worker processes`,
      `${ts} [notice] 1#1: start worker process 29`,
    );
  } else if (!lines.length && /(^|\/)(redis)[:@]?/.test(image)) {
    lines.push(`1:M ${ts} * Server initialized`, `1:M ${ts} * Ready to accept connections tcp`);
  } else if (!lines.length && !script) {
    lines.push(`${ts} starting ${c.name}`, `${ts} listening on :${c.ports?.[0]?.containerPort ?? 8080}`);
  }
  if (crashes) lines.push(`${ts} fatal: simulated crash (exit code 1)`);
  return lines;
}
