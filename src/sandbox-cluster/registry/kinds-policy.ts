import type { Json } from '../core/types.js';
import { podDisruptionBudgetTable } from '../table/tables-policy.js';
import { validatePodDisruptionBudget } from '../validation/validate-policy.js';
import { ALL_VERBS, type ResourceDef } from './resource-def.js';
import { fieldSelectors } from './field-selectors.js';

const podDisruptionBudget: ResourceDef = {
  group: 'policy',
  version: 'v1',
  kind: 'PodDisruptionBudget',
  plural: 'poddisruptionbudgets',
  singular: 'poddisruptionbudget',
  namespaced: true,
  shortNames: ['pdb'],
  verbs: ALL_VERBS,
  subresources: [{ name: 'status', kind: 'PodDisruptionBudget', verbs: ['get', 'patch', 'update'] }],
  definition: 'io.k8s.api.policy.v1.PodDisruptionBudget',
  nameRule: 'subdomain',
  hasStatus: true,
  hasGeneration: true,
  fieldSelectors: fieldSelectors(),
  prepareCreate(obj) {
    // The disruption controller fills this in; until then nothing may be disrupted.
    obj.status = { disruptionsAllowed: 0, currentHealthy: 0, desiredHealthy: 0, expectedPods: 0 };
  },
  validate: validatePodDisruptionBudget,
  table: podDisruptionBudgetTable,
};

export const policyKinds: ResourceDef[] = [
  podDisruptionBudget,
  // kubectl before 1.22 creates PDBs (`kubectl create pdb`) at policy/v1beta1, served upstream until 1.25; stored as policy/v1.
  {
    ...podDisruptionBudget,
    version: 'v1beta1',
    toStorage: (o: Json) => ({ ...o, apiVersion: 'policy/v1' }),
    fromStorage: (o: Json) => ({ ...o, apiVersion: 'policy/v1beta1' }),
  },
];
