import { any, i64, int, intstr, keyed, listOf, map, N, type ObjectDef, ref, str, time, topLevel } from './schema-dsl.js';

const P = (k: string) => `io.k8s.api.policy.v1.${k}`;

const budget = topLevel('policy', 'v1', 'PodDisruptionBudget', 'PodDisruptionBudget is an object to define the max disruption that can be caused to a collection of pods', {
    spec: ref(P('PodDisruptionBudgetSpec'), 'Specification of the desired behavior of the PodDisruptionBudget.'),
    status: ref(P('PodDisruptionBudgetStatus'), 'Most recently observed status of the PodDisruptionBudget.'),
});

export const policyDefs: Record<string, ObjectDef> = {
  // policy/v1beta1 (served for kubectl before 1.22) has the same fields.
  [P('PodDisruptionBudget')]: { ...budget, gvk: [...budget.gvk!, { group: 'policy', version: 'v1beta1', kind: 'PodDisruptionBudget' }] },
  [P('PodDisruptionBudgetList')]: listOf('policy', 'v1', 'PodDisruptionBudget', P('PodDisruptionBudget')),
  [P('PodDisruptionBudgetSpec')]: {
    d: 'PodDisruptionBudgetSpec is a description of a PodDisruptionBudget.',
    props: {
      maxUnavailable: intstr('An eviction is allowed if at most "maxUnavailable" pods selected by "selector" are unavailable after the eviction. Mutually exclusive with minAvailable.'),
      minAvailable: intstr('An eviction is allowed if at least "minAvailable" pods selected by "selector" will still be available after the eviction. Mutually exclusive with maxUnavailable.'),
      selector: ref(N.selector, 'Label query over pods whose evictions are managed by the disruption budget. An empty selector matches all pods in the namespace.'),
      unhealthyPodEvictionPolicy: str('UnhealthyPodEvictionPolicy defines the criteria for when unhealthy pods should be considered for eviction: IfHealthyBudget or AlwaysAllow.', { enum: ['AlwaysAllow', 'IfHealthyBudget'] }),
    },
  },
  [P('PodDisruptionBudgetStatus')]: {
    d: 'PodDisruptionBudgetStatus represents information about the status of a PodDisruptionBudget.',
    props: {
      conditions: keyed(ref(N.condition), 'type', 'Conditions contain conditions for PDB. The disruption controller sets the DisruptionAllowed condition.'),
      currentHealthy: int('current number of healthy pods'),
      desiredHealthy: int('minimum desired number of healthy pods'),
      disruptedPods: map(time(), 'DisruptedPods contains information about pods whose eviction was processed by the API server eviction subresource handler but has not yet been observed by the PodDisruptionBudget controller.'),
      disruptionsAllowed: int('Number of pod disruptions that are currently allowed.'),
      expectedPods: int('total number of pods counted by this disruption budget'),
      observedGeneration: i64('Most recent generation observed when updating this PDB status.'),
    },
    required: ['disruptionsAllowed', 'currentHealthy', 'desiredHealthy', 'expectedPods'],
  },
  [P('Eviction')]: topLevel('policy', 'v1', 'Eviction', 'Eviction evicts a pod from its node subject to certain policies and safety constraints.', {
    deleteOptions: any('DeleteOptions may be provided'),
  }),
};
