import { randomBytes } from 'node:crypto';
import { defaultStorageClass } from './admission/default-storage-class.js';
import { limitRanger } from './admission/limit-ranger.js';
import { namespaceLifecycle, serviceAccountAdmission } from './admission/namespace-lifecycle.js';
import { resourceQuotaAdmission } from './admission/resource-quota.js';
import { serviceAllocation } from './admission/service-allocation.js';
import type { AdmissionPlugin } from './api/admission.js';
import { ObjectService } from './api/object-service.js';
import { Authenticator } from './auth/authenticator.js';
import { bootstrapClusterRoleBindings, bootstrapClusterRoles } from './auth/bootstrap-rbac.js';
import { RbacAuthorizer } from './auth/rbac-authorizer.js';
import { TokenIssuer } from './auth/token-issuer.js';
import { errors } from './core/errors.js';
import { systemClock, type Clock } from './core/types.js';
import type { Controller } from './controllers/controller.js';
import { gcFinalizerStandIn } from './controllers/finalizer-standin.js';
import { namespaceController } from './controllers/namespace-controller.js';
import { nodeLifecycleController } from './controllers/node-lifecycle-controller.js';
import { quotaStatusController } from './controllers/quota-status.js';
import type { SimulationOptions } from './controllers/runtime/sim-options.js';
import { startSimulation, type Simulation } from './controllers/workloads/simulation.js';
import { ResourceRegistry } from './registry/resource-registry.js';
import { ObjectStore } from './store/object-store.js';
import { disruptionController } from './policy/disruption-budget.js';

export interface SandboxClusterCoreOptions {
  clock?: Clock;
  adminToken?: string;
  /** Store events kept for watch resumption; older resourceVersions get 410 Gone. */
  historySize?: number;
  /** PEM published in each namespace's kube-root-ca.crt ConfigMap. */
  rootCaPem?: string;
  /** Replaces the built-in stand-in controllers (namespace housekeeping and quota status always run). */
  extraControllers?: Controller[];
  /** Keep the stand-in that completes orphan/foreground deletions (default: only without the simulation, whose garbage collector does it). */
  gcStandIn?: boolean;
  /**
   * The simulated cluster: nodes, scheduler, kubelet and workload controllers (on by
   * default). `false` leaves pods Pending and workloads inert, as part 1 behaved.
   */
  simulation?: SimulationOptions | false;
}

/** Everything but HTTP: the store, the API semantics and the control loops. */
export interface SandboxClusterCore {
  clock: Clock;
  adminToken: string;
  store: ObjectStore;
  registry: ResourceRegistry;
  /** The internal API: same validation and admission as HTTP, no authentication. */
  api: ObjectService;
  issuer: TokenIssuer;
  authenticator: Authenticator;
  authorizer: RbacAuthorizer;
  /** Returns a pod's log text; part 2's kubelet replaces this. */
  podLogs: (namespace: string, name: string, container: string | undefined) => string;
  /** The simulated nodes and controllers, unless disabled. */
  simulation?: Simulation;
  /** Starts a controller now; it is stopped by close(). */
  addController(controller: Controller): void;
  close(): void;
}

export async function createSandboxClusterCore(opts: SandboxClusterCoreOptions = {}): Promise<SandboxClusterCore> {
  const clock = opts.clock ?? systemClock;
  const adminToken = opts.adminToken ?? randomBytes(24).toString('hex');
  const store = new ObjectStore({ historySize: opts.historySize });
  const registry = new ResourceRegistry();
  const admission: AdmissionPlugin[] = [
    namespaceLifecycle(store),
    serviceAccountAdmission(store),
    defaultStorageClass(store),
    limitRanger(store),
    serviceAllocation(store),
    resourceQuotaAdmission(store),
  ];
  const api = new ObjectService({ store, registry, clock, admission });
  const issuer = await TokenIssuer.create(clock);
  const stops: Array<() => void> = [];
  const core: SandboxClusterCore = {
    clock,
    adminToken,
    store,
    registry,
    api,
    issuer,
    authenticator: new Authenticator(adminToken, issuer, store),
    authorizer: new RbacAuthorizer(store),
    podLogs(namespace, name) {
      const pod = store.get('/pods', namespace, name);
      if (pod?.status?.phase !== 'Running' && pod?.status?.phase !== 'Succeeded' && pod?.status?.phase !== 'Failed') {
        const c = pod?.spec?.containers?.[0]?.name ?? '';
        throw errors.badRequest(`container "${c}" in pod "${name}" is waiting to start: ContainerCreating`);
      }
      return '';
    },
    addController(controller) {
      stops.push(controller(api));
    },
    close() {
      for (const stop of stops.splice(0)) stop();
    },
  };
  core.addController(namespaceController(opts.rootCaPem ?? ''));
  core.addController(quotaStatusController);
  core.addController(nodeLifecycleController);
  core.addController(disruptionController);
  if (opts.gcStandIn ?? opts.simulation === false) core.addController(gcFinalizerStandIn);
  for (const c of opts.extraControllers ?? []) core.addController(c);
  bootstrap(core);
  if (opts.simulation !== false) {
    const sim = startSimulation(api, opts.simulation || {});
    core.simulation = sim;
    core.podLogs = (ns, name, container) => sim.logs(ns, name, container);
    stops.push(() => sim.stop());
  }
  return core;
}

function bootstrap(core: SandboxClusterCore): void {
  const { api, registry } = core;
  const internal = { fieldManager: 'kube-apiserver' };
  for (const role of bootstrapClusterRoles()) api.create(registry.forKind('rbac.authorization.k8s.io', 'ClusterRole')!, '', role, internal);
  for (const b of bootstrapClusterRoleBindings()) api.create(registry.forKind('rbac.authorization.k8s.io', 'ClusterRoleBinding')!, '', b, internal);
  const ns = registry.forKind('', 'Namespace')!;
  for (const name of ['default', 'kube-node-lease', 'kube-public', 'kube-system']) api.create(ns, '', { metadata: { name } }, internal);
  api.create(
    registry.forKind('', 'Service')!,
    'default',
    {
      metadata: { name: 'kubernetes', labels: { component: 'apiserver', provider: 'kubernetes' } },
      spec: { clusterIP: '10.96.0.1', ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }] },
    },
    internal,
  );
}
