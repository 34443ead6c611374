import { candidateRoleRules, labSetupRoleRules } from '../../cluster/candidate-access.js';
import { checkTargetViolations, LAB_MANIFEST_KINDS, manifestViolations, taskViolations } from './manifest-policy.js';
import { loadTasks, parseTask, TaskPolicyError } from './task-loader.js';
import type { TaskDefinition } from './task-types.js';

const RBAC = 'rbac.authorization.k8s.io';
const paths = (manifests: object[], namespace?: string) => manifestViolations(manifests, 'setup', namespace).map((v) => v.path);
const binding = (roleRef: object, subjects: object[]) => ({ apiVersion: `${RBAC}/v1`, kind: 'RoleBinding', metadata: { name: 'b' }, roleRef: { apiGroup: RBAC, ...roleRef }, subjects });
const pod = (spec: object) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'c', image: 'nginx' }], ...spec } });

/** Does a set of RBAC rules allow this verb on this resource (no wildcards in ours)? */
const allows = (rules: object[], group: string, resource: string, verb: string) =>
  (rules as Array<{ apiGroups: string[]; resources: string[]; verbs: string[]; resourceNames?: string[] }>).some(
    (r) => !r.resourceNames && r.apiGroups.includes(group) && r.resources.includes(resource) && r.verbs.includes(verb),
  );

describe('lab manifest policy', () => {
  describe('shipped tasks', () => {
    const shipped = loadTasks();

    it.each(shipped.map((task) => [task.id, task] as const))('%s obeys it, written and applied', (_id, task: TaskDefinition) => {
      expect(taskViolations(task)).toEqual([]);
      expect(taskViolations(task, 'lab-0123456789')).toEqual([]);
    });
  });

  it('refuses cluster-scoped and unknown kinds, naming the path', () => {
    expect(
      paths([
        { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'ok' } },
        { apiVersion: `${RBAC}/v1`, kind: 'ClusterRole', metadata: { name: 'x' }, rules: [] },
        { apiVersion: `${RBAC}/v1`, kind: 'ClusterRoleBinding', metadata: { name: 'x' } },
        { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'x' } },
        { apiVersion: 'v1', kind: 'Node', metadata: { name: 'x' } },
        { apiVersion: 'v1', kind: 'PersistentVolume', metadata: { name: 'x' } },
        { apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'x' } },
        { apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition', metadata: { name: 'x' } },
        { apiVersion: 'admissionregistration.k8s.io/v1', kind: 'ValidatingWebhookConfiguration', metadata: { name: 'x' } },
        // A namespaced kind under another group's name is not the kind we allow.
        { apiVersion: 'example.com/v1', kind: 'Deployment', metadata: { name: 'x' } },
      ]),
    ).toEqual(['setup[1].kind', 'setup[2].kind', 'setup[3].kind', 'setup[4].kind', 'setup[5].kind', 'setup[6].kind', 'setup[7].kind', 'setup[8].kind', 'setup[9].kind']);
  });

  it('refuses any named namespace while written, and any but the session namespace when applied', () => {
    const cm = (namespace?: string) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', ...(namespace ? { namespace } : {}) } });
    expect(paths([cm('lab-1')])).toEqual(['setup[0].metadata.namespace']);
    expect(paths([cm('lab-1')], 'lab-1')).toEqual([]);
    expect(paths([cm('default'), cm()], 'lab-1')).toEqual(['setup[0].metadata.namespace']);
  });

  it('lets RoleBindings bind only namespace Roles or view, only to service accounts of the namespace', () => {
    const sa = (namespace?: string) => ({ kind: 'ServiceAccount', name: 'app', ...(namespace ? { namespace } : {}) });
    expect(paths([binding({ kind: 'Role', name: 'reader' }, [sa()]), binding({ kind: 'ClusterRole', name: 'view' }, [sa('lab-1')])], 'lab-1')).toEqual([]);
    expect(paths([binding({ kind: 'ClusterRole', name: 'cluster-admin' }, [sa()])])).toEqual(['setup[0].roleRef.name']);
    expect(paths([binding({ kind: 'ClusterRole', name: 'edit' }, [sa()])])).toEqual(['setup[0].roleRef.name']);
    expect(paths([binding({ kind: 'ClusterRole', name: 'admin' }, [sa()])])).toEqual(['setup[0].roleRef.name']);
    expect(paths([binding({ kind: 'Role', name: 'kubequiz-setup' }, [sa()])])).toEqual(['setup[0].roleRef.name']);
    expect(paths([binding({ kind: 'Role', name: 'r' }, [sa('kube-system')])], 'lab-1')).toEqual(['setup[0].subjects[0].namespace']);
    expect(paths([binding({ kind: 'Role', name: 'r' }, [sa('lab-1')])])).toEqual(['setup[0].subjects[0].namespace']);
    expect(
      paths([
        binding({ kind: 'Role', name: 'r' }, [
          { apiGroup: RBAC, kind: 'Group', name: 'system:serviceaccounts' },
          { apiGroup: RBAC, kind: 'Group', name: 'system:authenticated' },
          { apiGroup: RBAC, kind: 'User', name: 'system:anonymous' },
        ]),
      ]),
    ).toEqual(['setup[0].subjects[0].kind', 'setup[0].subjects[1].kind', 'setup[0].subjects[2].kind']);
    const { apiGroup: _dropped, ...noGroup } = binding({ kind: 'Role', name: 'r' }, [sa()]).roleRef;
    expect(paths([{ ...binding({}, [sa()]), roleRef: noGroup }])).toEqual(['setup[0].roleRef.apiGroup']);
  });

  it('lets a Role grant only what the candidate already has in the namespace', () => {
    const role = (rules: object[]) => ({ apiVersion: `${RBAC}/v1`, kind: 'Role', metadata: { name: 'r' }, rules });
    expect(paths([role([{ apiGroups: ['', 'apps'], resources: ['pods', 'deployments'], verbs: ['get', 'list'] }])])).toEqual(['setup[0].rules[0]']);
    expect(paths([role([{ apiGroups: [''], resources: ['pods'], verbs: ['get', 'list'] }, { apiGroups: ['apps'], resources: ['deployments'], verbs: ['get'] }])])).toEqual([]);
    expect(paths([role([{ apiGroups: ['*'], resources: ['*'], verbs: ['*'] }])])).toEqual(['setup[0].rules[0]']);
    expect(paths([role([{ apiGroups: [RBAC], resources: ['rolebindings'], verbs: ['create'] }])])).toEqual(['setup[0].rules[0]']);
    expect(paths([role([{ apiGroups: [''], resources: ['resourcequotas'], verbs: ['update'] }])])).toEqual(['setup[0].rules[0]']);
    expect(paths([role([{ apiGroups: [''], resources: ['serviceaccounts/token'], verbs: ['create'] }])])).toEqual(['setup[0].rules[0]']);
    expect(paths([role([{ nonResourceURLs: ['*'], verbs: ['get'] }])])).toEqual(['setup[0].rules[0].nonResourceURLs']);
  });

  it("refuses the lab's own objects, service-account token Secrets and pods that reach the node", () => {
    expect(
      paths([
        { apiVersion: 'v1', kind: 'ResourceQuota', metadata: { name: 'lab-quota' }, spec: { hard: { pods: '999' } } },
        { apiVersion: 'v1', kind: 'LimitRange', metadata: { name: 'lab-defaults' } },
        { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'candidate' } },
        { apiVersion: `${RBAC}/v1`, kind: 'Role', metadata: { name: 'candidate' }, rules: [] },
        { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, type: 'kubernetes.io/service-account-token' },
        { apiVersion: 'v1', kind: 'ResourceQuota', metadata: { name: 'team-quota' }, spec: { hard: { pods: '5' } } },
      ]),
    ).toEqual(['setup[0].metadata.name', 'setup[1].metadata.name', 'setup[2].metadata.name', 'setup[3].metadata.name', 'setup[4].type']);
    expect(
      paths([
        pod({ volumes: [{ name: 'v', hostPath: { path: '/' } }] }),
        pod({ hostNetwork: true, hostPID: true }),
        pod({ containers: [{ name: 'c', image: 'x', securityContext: { privileged: true } }] }),
        pod({ serviceAccountName: 'kubequiz-setup' }),
        pod({ hostNetwork: false, containers: [{ name: 'c', image: 'x', securityContext: { privileged: false } }] }),
        {
          apiVersion: 'apps/v1',
          kind: 'Deployment',
          metadata: { name: 'd' },
          spec: { template: { spec: { containers: [{ name: 'c', image: 'x' }], volumes: [{ name: 'v', hostPath: { path: '/var/run' } }] } } },
        },
      ]),
    ).toEqual([
      'setup[0].spec.volumes[0].hostPath',
      'setup[1].spec.hostNetwork',
      'setup[1].spec.hostPID',
      'setup[2].spec.containers[0].securityContext.privileged',
      'setup[3].spec.serviceAccountName',
      'setup[5].spec.template.spec.volumes[0].hostPath',
    ]);
  });

  it('covers solutions, their steps and kubectl lines, and what checks read', () => {
    const [task] = loadTasks();
    const clusterRole = { apiVersion: `${RBAC}/v1`, kind: 'ClusterRole', metadata: { name: 'x' } };
    const hostile = {
      ...task!,
      solution: { manifests: [clusterRole], kubectl: ['kubectl get pods -A', 'kubectl get pods --namespace=default', 'kubectl create job j --image=busybox -- sh -c "echo -n x"'] },
      wrongSolution: { steps: [{ manifests: [clusterRole], kubectl: ['kubectl --as=system:admin get secrets'] }], expectFailed: task!.wrongSolution.expectFailed },
      checks: [{ ...task!.checks[0]!, target: { apiVersion: 'v1', kind: 'Namespace' } }],
    } as TaskDefinition;
    expect(taskViolations(hostile).map((v) => v.path)).toEqual([
      'solution.manifests[0].kind',
      'solution.kubectl[0]',
      'solution.kubectl[1]',
      'wrongSolution.steps[0].manifests[0].kind',
      'wrongSolution.steps[0].kubectl[0]',
      'checks[0].target.kind',
    ]);
    expect(checkTargetViolations({ ...task!, checks: [{ ...task!.checks[0]!, target: { apiVersion: 'v1', kind: 'Event' } }] })).toEqual([]);
  });

  it('is enforced by parseTask, listing every violation', () => {
    const [task] = loadTasks();
    const raw = { ...task, setup: [{ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'n' } }, { apiVersion: 'v1', kind: 'PersistentVolume', metadata: { name: 'p' } }] };
    let error: unknown;
    try {
      parseTask(raw, 'x.yaml');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(TaskPolicyError);
    expect((error as TaskPolicyError).violations.map((v) => v.path)).toEqual(['setup[0].kind', 'setup[1].kind']);
    expect((error as TaskPolicyError).message).toContain('x.yaml');
  });

  it('stays within what the setup identity may do, which stays within the namespace', () => {
    const setup = labSetupRoleRules();
    // Each allowed kind can be created by the identity that applies setup.
    for (const kind of LAB_MANIFEST_KINDS) expect([kind.kind, allows(setup, kind.group, kind.resource, 'create')]).toEqual([kind.kind, true]);
    // A Role the policy admits is one its author holds, as a real API server requires.
    for (const rule of candidateRoleRules() as Array<{ apiGroups: string[]; resources: string[]; verbs: string[] }>) {
      for (const resource of rule.resources) for (const verb of rule.verbs) expect(allows(setup, rule.apiGroups[0]!, resource, verb)).toBe(true);
    }
    // Nothing cluster-scoped, no wildcards, the lab's quota never editable.
    const text = JSON.stringify(setup);
    expect(text).not.toContain('"*"');
    for (const resource of ['namespaces', 'nodes', 'persistentvolumes', 'clusterrolebindings', 'serviceaccounts/token']) expect(text).not.toContain(`"${resource}"`);
    expect(allows(setup, '', 'resourcequotas', 'patch')).toBe(false);
    expect(allows(setup, '', 'resourcequotas', 'update')).toBe(false);
  });
});
