import type { Json, KubeObject } from '../../core/types.js';
import type { ObjectStore } from '../../store/object-store.js';

function keyPresent(obj: Readonly<KubeObject>, key: string): boolean {
  return (obj.data && key in obj.data) || (obj.binaryData && key in obj.binaryData) || false;
}

/** Why the kubelet cannot build a container's environment (CreateContainerConfigError), if it cannot. */
export function envProblem(store: ObjectStore, ns: string, c: Json): string | undefined {
  for (const e of c.env ?? []) {
    const cm = e.valueFrom?.configMapKeyRef;
    const sec = e.valueFrom?.secretKeyRef;
    if (cm) {
      const obj = store.get('/configmaps', ns, cm.name);
      if (!obj) {
        if (!cm.optional) return `configmap "${cm.name}" not found`;
      } else if (!keyPresent(obj, cm.key) && !cm.optional) return `couldn't find key ${cm.key} in ConfigMap ${ns}/${cm.name}`;
    }
    if (sec) {
      const obj = store.get('/secrets', ns, sec.name);
      if (!obj) {
        if (!sec.optional) return `secret "${sec.name}" not found`;
      } else if (!keyPresent(obj, sec.key) && !sec.optional) return `couldn't find key ${sec.key} in Secret ${ns}/${sec.name}`;
    }
  }
  for (const f of c.envFrom ?? []) {
    if (f.configMapRef && !f.configMapRef.optional && !store.get('/configmaps', ns, f.configMapRef.name)) return `configmap "${f.configMapRef.name}" not found`;
    if (f.secretRef && !f.secretRef.optional && !store.get('/secrets', ns, f.secretRef.name)) return `secret "${f.secretRef.name}" not found`;
  }
  return undefined;
}

/** Why a volume cannot be mounted (FailedMount), if one cannot. */
export function volumeProblem(store: ObjectStore, pod: Readonly<KubeObject>): string | undefined {
  const ns = pod.metadata.namespace!;
  for (const v of pod.spec?.volumes ?? []) {
    const prefix = `MountVolume.SetUp failed for volume "${v.name}" : `;
    if (v.configMap) {
      const obj = store.get('/configmaps', ns, v.configMap.name);
      if (!obj) {
        if (!v.configMap.optional) return `${prefix}configmap "${v.configMap.name}" not found`;
        continue;
      }
      for (const item of v.configMap.items ?? []) {
        if (!keyPresent(obj, item.key) && !v.configMap.optional) return `${prefix}configmap references non-existent config key: ${item.key}`;
      }
    }
    if (v.secret) {
      const obj = store.get('/secrets', ns, v.secret.secretName);
      if (!obj) {
        if (!v.secret.optional) return `${prefix}secret "${v.secret.secretName}" not found`;
        continue;
      }
      for (const item of v.secret.items ?? []) {
        if (!keyPresent(obj, item.key) && !v.secret.optional) return `${prefix}references non-existent secret key: ${item.key}`;
      }
    }
    if (v.persistentVolumeClaim) {
      const pvc = store.get('/persistentvolumeclaims', ns, v.persistentVolumeClaim.claimName);
      if (!pvc || pvc.status?.phase !== 'Bound') return `Unable to attach or mount volumes: unmounted volumes=[${v.name}]: timed out waiting for the condition`;
    }
  }
  return undefined;
}

/** Normalises an image reference as containerd reports it (`nginx` → `docker.io/library/nginx:latest`). */
export function normalizeImage(image: string): string {
  const [ref, digest] = image.split('@');
  let name = ref!;
  const slash = name.lastIndexOf('/');
  if (name.lastIndexOf(':') <= slash) name += ':latest';
  const first = name.split('/')[0]!;
  if (!name.includes('/')) name = `docker.io/library/${name}`;
  else if (!first.includes('.') && !first.includes(':') && first !== 'localhost') name = `docker.io/${name}`;
  return digest ? `${name.replace(/:[^:/]+$/, '')}@${digest}` : name;
}

/**
 * How long a run-to-completion container runs: `sleep N` in its command gives N seconds,
 * `sleep infinity` never ends; otherwise the simulated default.
 */
export function commandDurationMs(c: Json, fallbackMs: number): number | undefined {
  const words: string[] = [...(c.command ?? []), ...(c.args ?? [])].join(' ').split(/[\s;&|]+/);
  const i = words.indexOf('sleep');
  if (i >= 0 && words[i + 1] !== undefined) {
    if (words[i + 1] === 'infinity') return undefined;
    const n = Number.parseFloat(words[i + 1]!);
    if (Number.isFinite(n)) return n * 1000;
  }
  return fallbackMs;
}
