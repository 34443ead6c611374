import { jsonEqual } from '../core/json.js';
import type { Cause, Json, KubeObject } from '../core/types.js';
import { defaultPodTemplate } from '../registry/defaults-pod.js';
import { fromLabelSelectorObject, matchesLabels } from '../selectors/label-selector.js';
import { fe, goValue, labelSelectorValue } from './field-errors.js';
import { validateLabels } from './validate-meta.js';
import { validatePodTemplate } from './validate-pod-spec.js';

type O = Readonly<KubeObject>;

function nonNegative(v: Json, field: string, out: Cause[]): void {
  if (v !== undefined && v !== null && (!Number.isInteger(v) || v < 0)) out.push(fe.invalid(field, v, 'must be greater than or equal to 0'));
}

/** selector present, non-empty, and matching the template labels. */
function validateSelectorAndTemplate(spec: Json, kindWord: string, out: Cause[], opts: { restartPolicies?: string[]; extraVolumes?: string[] } = {}): void {
  const sel = spec?.selector;
  if (!sel) out.push(fe.required('spec.selector'));
  else if (!Object.keys(sel.matchLabels ?? {}).length && !(sel.matchExpressions ?? []).length) {
    out.push(fe.invalidRaw('spec.selector', labelSelectorValue(sel), `empty selector is invalid for ${kindWord}`));
  } else {
    out.push(...validateLabels(sel.matchLabels, 'spec.selector.matchLabels'));
  }
  const template = spec?.template;
  if (!template) {
    out.push(fe.required('spec.template'));
    return;
  }
  if (sel && !matchesLabels(fromLabelSelectorObject(sel), template.metadata?.labels)) {
    out.push(fe.invalid('spec.template.metadata.labels', template.metadata?.labels ?? {}, '`selector` does not match template `labels`'));
  }
  out.push(...validatePodTemplate(template, 'spec.template', opts));
}

export function validateDeployment(obj: O): Cause[] {
  const out: Cause[] = [];
  const s = obj.spec;
  if (!s || typeof s !== 'object') return [fe.required('spec')];
  nonNegative(s.replicas, 'spec.replicas', out);
  validateSelectorAndTemplate(s, 'deployment', out, { restartPolicies: ['Always'] });
  const types = ['Recreate', 'RollingUpdate'];
  const st = s.strategy ?? {};
  if (!types.includes(st.type)) out.push(fe.unsupported('spec.strategy.type', st.type ?? '', types));
  if (st.type === 'Recreate' && st.rollingUpdate) {
    out.push(fe.forbidden('spec.strategy.rollingUpdate', "may not be specified when strategy `type` is 'Recreate'"));
  }
  if (st.type === 'RollingUpdate' && st.rollingUpdate) {
    const zero = (v: Json) => v === 0 || v === '0' || v === '0%';
    if (zero(st.rollingUpdate.maxUnavailable) && zero(st.rollingUpdate.maxSurge)) {
      out.push(fe.invalid('spec.strategy.rollingUpdate.maxUnavailable', st.rollingUpdate.maxUnavailable, 'may not be 0 when `maxSurge` is 0'));
    }
  }
  nonNegative(s.revisionHistoryLimit, 'spec.revisionHistoryLimit', out);
  nonNegative(s.minReadySeconds, 'spec.minReadySeconds', out);
  return out;
}

export function selectorImmutable(obj: O, old: O): Cause[] {
  if (jsonEqual(obj.spec?.selector, old.spec?.selector)) return [];
  return [fe.invalidRaw('spec.selector', labelSelectorValue(obj.spec?.selector), 'field is immutable')];
}

export function validateReplicaSet(obj: O): Cause[] {
  const out: Cause[] = [];
  if (!obj.spec || typeof obj.spec !== 'object') return [fe.required('spec')];
  nonNegative(obj.spec.replicas, 'spec.replicas', out);
  validateSelectorAndTemplate(obj.spec, 'replicaset', out, { restartPolicies: ['Always'] });
  return out;
}

export function validateStatefulSet(obj: O): Cause[] {
  const out: Cause[] = [];
  const s = obj.spec;
  if (!s || typeof s !== 'object') return [fe.required('spec')];
  nonNegative(s.replicas, 'spec.replicas', out);
  validateSelectorAndTemplate(s, 'statefulset', out, {
    restartPolicies: ['Always'],
    extraVolumes: (Array.isArray(s.volumeClaimTemplates) ? s.volumeClaimTemplates : []).map((t: Json) => t?.metadata?.name).filter(Boolean),
  });
  const policies = ['OrderedReady', 'Parallel'];
  if (!policies.includes(s.podManagementPolicy)) out.push(fe.unsupported('spec.podManagementPolicy', s.podManagementPolicy, policies));
  const types = ['OnDelete', 'RollingUpdate'];
  if (!types.includes(s.updateStrategy?.type)) out.push(fe.unsupported('spec.updateStrategy.type', s.updateStrategy?.type ?? '', types));
  return out;
}

const STS_MUTABLE = ['replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy', 'minReadySeconds'];

export function statefulSetImmutable(obj: O, old: O): Cause[] {
  const pick = (s: Json) => Object.fromEntries(Object.entries(s ?? {}).filter(([k]) => !STS_MUTABLE.includes(k)));
  if (jsonEqual(pick(obj.spec), pick(old.spec))) return [];
  return [
    fe.forbidden(
      'spec',
      "updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden",
    ),
  ];
}

export function validateDaemonSet(obj: O): Cause[] {
  const out: Cause[] = [];
  const s = obj.spec;
  if (!s || typeof s !== 'object') return [fe.required('spec')];
  validateSelectorAndTemplate(s, 'daemonset', out, { restartPolicies: ['Always'] });
  const types = ['OnDelete', 'RollingUpdate'];
  if (!types.includes(s.updateStrategy?.type)) out.push(fe.unsupported('spec.updateStrategy.type', s.updateStrategy?.type ?? '', types));
  return out;
}

export function validateControllerRevision(obj: O): Cause[] {
  const out: Cause[] = [];
  if (obj.revision === undefined) out.push(fe.required('revision'));
  else nonNegative(obj.revision, 'revision', out);
  return out;
}

export function defaultJobSpec(s: Json): void {
  if (!s || typeof s !== 'object') return;
  if (s.completions === undefined && s.parallelism === undefined) {
    s.completions = 1;
    s.parallelism = 1;
  }
  s.parallelism ??= 1;
  s.backoffLimit ??= 6;
  s.completionMode ??= 'NonIndexed';
  s.suspend ??= false;
  s.manualSelector ??= undefined;
  if (s.manualSelector === undefined) delete s.manualSelector;
  defaultPodTemplate(s.template);
}

export function defaultJob(obj: KubeObject): void {
  defaultJobSpec(obj.spec);
}

/** Jobs get a selector on their own uid unless `manualSelector` is set, as the server generates. */
export function generateJobSelector(obj: KubeObject): void {
  const s = obj.spec;
  if (!s || typeof s !== 'object' || s.manualSelector === true) return;
  const uid = obj.metadata.uid!;
  s.selector = { matchLabels: { 'batch.kubernetes.io/controller-uid': uid } };
  s.template ??= {};
  s.template.metadata ??= {};
  s.template.metadata.labels = {
    ...s.template.metadata.labels,
    'batch.kubernetes.io/controller-uid': uid,
    'batch.kubernetes.io/job-name': obj.metadata.name!,
    'controller-uid': uid,
    'job-name': obj.metadata.name!,
  };
}

function validateJobSpec(s: Json, prefix: string, out: Cause[]): void {
  nonNegative(s.parallelism, `${prefix}.parallelism`, out);
  nonNegative(s.completions, `${prefix}.completions`, out);
  nonNegative(s.backoffLimit, `${prefix}.backoffLimit`, out);
  if (s.activeDeadlineSeconds !== undefined && !(s.activeDeadlineSeconds > 0)) {
    out.push(fe.invalid(`${prefix}.activeDeadlineSeconds`, s.activeDeadlineSeconds, 'must be greater than 0'));
  }
  const rp = s.template?.spec?.restartPolicy;
  if (rp === 'Always' || rp === undefined) {
    out.push(fe.required(`${prefix}.template.spec.restartPolicy`, 'valid values: "OnFailure", "Never"'));
  }
  const causes = validatePodTemplate(s.template, `${prefix}.template`, { restartPolicies: ['Always', 'OnFailure', 'Never'] });
  out.push(...causes);
}

export function validateJob(obj: O): Cause[] {
  const out: Cause[] = [];
  const s = obj.spec;
  if (!s || typeof s !== 'object') return [fe.required('spec')];
  validateJobSpec(s, 'spec', out);
  if (s.selector && s.template && !matchesLabels(fromLabelSelectorObject(s.selector), s.template.metadata?.labels)) {
    out.push(fe.invalid('spec.template.metadata.labels', s.template.metadata?.labels ?? {}, '`selector` does not match template `labels`'));
  }
  return out;
}

export function jobImmutable(obj: O, old: O): Cause[] {
  const out: Cause[] = [];
  if (!jsonEqual(obj.spec?.selector, old.spec?.selector)) out.push(fe.invalidRaw('spec.selector', labelSelectorValue(obj.spec?.selector), 'field is immutable'));
  if (!jsonEqual(obj.spec?.template, old.spec?.template)) out.push(fe.invalidRaw('spec.template', goValue('core.PodTemplateSpec{...}'), 'field is immutable'));
  if (obj.spec?.completions !== old.spec?.completions) out.push(fe.immutable('spec.completions', obj.spec?.completions));
  return out;
}

const CRON_MACROS = ['@yearly', '@annually', '@monthly', '@weekly', '@daily', '@midnight', '@hourly'];

export function validateCronJob(obj: O): Cause[] {
  const out: Cause[] = [];
  const s = obj.spec;
  if (!s || typeof s !== 'object') return [fe.required('spec')];
  if (!s.schedule) out.push(fe.required('spec.schedule'));
  else if (!CRON_MACROS.includes(s.schedule) && !String(s.schedule).startsWith('@every ')) {
    const fields = String(s.schedule).trim().split(/\s+/);
    if (fields.length !== 5) {
      out.push(fe.invalid('spec.schedule', s.schedule, `expected exactly 5 fields, found ${fields.length}: [${fields.join(' ')}]`));
    } else if (fields.some((f) => !/^[0-9*/,\-?A-Za-z]+$/.test(f))) {
      out.push(fe.invalid('spec.schedule', s.schedule, 'invalid schedule format'));
    }
  }
  const policies = ['Allow', 'Forbid', 'Replace'];
  if (!policies.includes(s.concurrencyPolicy)) out.push(fe.unsupported('spec.concurrencyPolicy', s.concurrencyPolicy ?? '', policies));
  if (!s.jobTemplate?.spec) out.push(fe.required('spec.jobTemplate.spec'));
  else validateJobSpec(s.jobTemplate.spec, 'spec.jobTemplate.spec', out);
  return out;
}
