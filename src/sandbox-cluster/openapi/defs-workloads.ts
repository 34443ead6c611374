import { any, arr, bool, i64, int, intstr, keyed, listOf, N, type ObjectDef, ref, str, time, topLevel, type Schema } from './schema-dsl.js';

const A = N.apps;
const B = N.batch;
const template = (d = 'Template describes the pods that will be created.'): Schema => ref(N.core('PodTemplateSpec'), d);
const selector = (d = 'Label selector for pods. It must match the pod template\'s labels.'): Schema => ref(N.selector, d);
const conditions = keyed(any('A condition of the object.'), 'type', 'Represents the latest available observations of the object\'s current state.');

function kind(group: 'apps' | 'batch', name: string, d: string, specRef: string, statusRef: string): Record<string, ObjectDef> {
  const full = group === 'apps' ? A : B;
  return {
    [full(name)]: topLevel(group, 'v1', name, d, {
      spec: ref(specRef, `Specification of the desired behavior of the ${name}.`),
      status: ref(statusRef, `Most recently observed status of the ${name}.`),
    }),
    [full(`${name}List`)]: listOf(group, 'v1', name, full(name)),
  };
}

export const workloadDefs: Record<string, ObjectDef> = {
  ...kind('apps', 'Deployment', 'Deployment enables declarative updates for Pods and ReplicaSets.', A('DeploymentSpec'), A('DeploymentStatus')),
  [A('DeploymentSpec')]: {
    d: 'DeploymentSpec is the specification of the desired behavior of the Deployment.',
    props: {
      minReadySeconds: int('Minimum number of seconds for which a newly created pod should be ready without any of its container crashing, for it to be considered available.'),
      paused: bool('Indicates that the deployment is paused.'),
      progressDeadlineSeconds: int('The maximum time in seconds for a deployment to make progress before it is considered to be failed. Defaults to 600s.'),
      replicas: int('Number of desired pods. This is a pointer to distinguish between explicit zero and not specified. Defaults to 1.'),
      revisionHistoryLimit: int('The number of old ReplicaSets to retain to allow rollback. Defaults to 10.'),
      selector: selector('Label selector for pods. Existing ReplicaSets whose pods are selected by this will be the ones affected by this deployment. It must match the pod template\'s labels.'),
      strategy: { ...ref(A('DeploymentStrategy'), 'The deployment strategy to use to replace existing pods with new ones.') },
      template: template('Template describes the pods that will be created. The only allowed template.spec.restartPolicy value is "Always".'),
    },
    required: ['selector', 'template'],
  },
  [A('DeploymentStrategy')]: {
    d: 'DeploymentStrategy describes how to replace existing pods with new ones.',
    props: {
      rollingUpdate: ref(A('RollingUpdateDeployment'), 'Rolling update config params. Present only if DeploymentStrategyType = RollingUpdate.'),
      type: str('Type of deployment. Can be "Recreate" or "RollingUpdate". Default is RollingUpdate.'),
    },
    strategy: 'retainKeys',
  },
  [A('RollingUpdateDeployment')]: {
    d: 'Spec to control the desired behavior of rolling update.',
    props: {
      maxSurge: intstr('The maximum number of pods that can be scheduled above the desired number of pods. Defaults to 25%.'),
      maxUnavailable: intstr('The maximum number of pods that can be unavailable during the update. Defaults to 25%.'),
    },
  },
  [A('DeploymentStatus')]: {
    d: 'DeploymentStatus is the most recently observed status of the Deployment.',
    props: {
      availableReplicas: int('Total number of available pods (ready for at least minReadySeconds) targeted by this deployment.'),
      collisionCount: int('Count of hash collisions for the Deployment.'),
      conditions,
      observedGeneration: i64('The generation observed by the deployment controller.'),
      readyReplicas: int('readyReplicas is the number of pods targeted by this Deployment with a Ready Condition.'),
      replicas: int('Total number of non-terminated pods targeted by this deployment (their labels match the selector).'),
      unavailableReplicas: int('Total number of unavailable pods targeted by this deployment.'),
      updatedReplicas: int('Total number of non-terminated pods targeted by this deployment that have the desired template spec.'),
    },
  },
  ...kind('apps', 'ReplicaSet', 'ReplicaSet ensures that a specified number of pod replicas are running at any given time.', A('ReplicaSetSpec'), A('ReplicaSetStatus')),
  [A('ReplicaSetSpec')]: {
    d: 'ReplicaSetSpec is the specification of a ReplicaSet.',
    props: {
      minReadySeconds: int('Minimum number of seconds for which a newly created pod should be ready to be considered available.'),
      replicas: int('Replicas is the number of desired replicas. Defaults to 1.'),
      selector: selector(),
      template: template('Template is the object that describes the pod that will be created if insufficient replicas are detected.'),
    },
    required: ['selector'],
  },
  [A('ReplicaSetStatus')]: {
    d: 'ReplicaSetStatus represents the current status of a ReplicaSet.',
    props: {
      availableReplicas: int('The number of available replicas (ready for at least minReadySeconds) for this replica set.'),
      conditions,
      fullyLabeledReplicas: int('The number of pods that have labels matching the labels of the pod template of the replicaset.'),
      observedGeneration: i64('ObservedGeneration reflects the generation of the most recently observed ReplicaSet.'),
      readyReplicas: int('readyReplicas is the number of pods targeted by this ReplicaSet with a Ready Condition.'),
      replicas: int('Replicas is the most recently observed number of replicas.'),
    },
    required: ['replicas'],
  },
  ...kind('apps', 'StatefulSet', 'StatefulSet represents a set of pods with consistent identities.', A('StatefulSetSpec'), A('StatefulSetStatus')),
  [A('StatefulSetSpec')]: {
    d: 'A StatefulSetSpec is the specification of a StatefulSet.',
    props: {
      minReadySeconds: int('Minimum number of seconds for which a newly created pod should be ready to be considered available.'),
      ordinals: any('ordinals controls the numbering of replica indices in a StatefulSet.'),
      persistentVolumeClaimRetentionPolicy: any('persistentVolumeClaimRetentionPolicy describes the lifecycle of persistent volume claims created from volumeClaimTemplates.'),
      podManagementPolicy: str('podManagementPolicy controls how pods are created during initial scale up: OrderedReady or Parallel.'),
      replicas: int('replicas is the desired number of replicas of the given Template. Defaults to 1.'),
      revisionHistoryLimit: int('revisionHistoryLimit is the maximum number of revisions that will be maintained in the StatefulSet\'s revision history.'),
      selector: selector(),
      serviceName: str('serviceName is the name of the service that governs this StatefulSet.'),
      template: template('template is the object that describes the pod that will be created if insufficient replicas are detected.'),
      updateStrategy: any('updateStrategy indicates the StatefulSetUpdateStrategy that will be employed to update Pods in the StatefulSet when a revision is made to Template.'),
      volumeClaimTemplates: arr(ref(N.core('PersistentVolumeClaim')), 'volumeClaimTemplates is a list of claims that pods are allowed to reference.'),
    },
    required: ['selector', 'template'],
  },
  [A('StatefulSetStatus')]: {
    d: 'StatefulSetStatus represents the current state of a StatefulSet.',
    props: {
      availableReplicas: int('Total number of available pods targeted by this statefulset.'),
      collisionCount: int('collisionCount is the count of hash collisions for the StatefulSet.'),
      conditions,
      currentReplicas: int('currentReplicas is the number of Pods created by the StatefulSet controller from the StatefulSet version indicated by currentRevision.'),
      currentRevision: str('currentRevision, if not empty, indicates the version of the StatefulSet used to generate Pods in the sequence [0,currentReplicas).'),
      observedGeneration: i64("observedGeneration is the most recent generation observed for this StatefulSet."),
      readyReplicas: int('readyReplicas is the number of pods created for this StatefulSet with a Ready Condition.'),
      replicas: int('replicas is the number of Pods created by the StatefulSet controller.'),
      updateRevision: str('updateRevision, if not empty, indicates the version of the StatefulSet used to generate Pods in the sequence [replicas-updatedReplicas,replicas)'),
      updatedReplicas: int('updatedReplicas is the number of Pods created by the StatefulSet controller from the StatefulSet version indicated by updateRevision.'),
    },
    required: ['replicas'],
  },
  ...kind('apps', 'DaemonSet', 'DaemonSet represents the configuration of a daemon set.', A('DaemonSetSpec'), A('DaemonSetStatus')),
  [A('DaemonSetSpec')]: {
    d: 'DaemonSetSpec is the specification of a daemon set.',
    props: {
      minReadySeconds: int('The minimum number of seconds for which a newly created DaemonSet pod should be ready to be considered available.'),
      revisionHistoryLimit: int('The number of old history to retain to allow rollback. Defaults to 10.'),
      selector: selector('A label query over pods that are managed by the daemon set. Must match in order to be controlled.'),
      template: template('An object that describes the pod that will be created. The DaemonSet will create exactly one copy of this pod on every node that matches the template\'s node selector.'),
      updateStrategy: any('An update strategy to replace existing DaemonSet pods with new pods.'),
    },
    required: ['selector', 'template'],
  },
  [A('DaemonSetStatus')]: {
    d: 'DaemonSetStatus represents the current status of a daemon set.',
    props: {
      collisionCount: int('Count of hash collisions for the DaemonSet.'),
      conditions,
      currentNumberScheduled: int('The number of nodes that are running at least 1 daemon pod and are supposed to run the daemon pod.'),
      desiredNumberScheduled: int('The total number of nodes that should be running the daemon pod.'),
      numberAvailable: int('The number of nodes that should be running the daemon pod and have one or more of the daemon pod running and available.'),
      numberMisscheduled: int('The number of nodes that are running the daemon pod, but are not supposed to run the daemon pod.'),
      numberReady: int('numberReady is the number of nodes that should be running the daemon pod and have one or more of the daemon pod running with a Ready Condition.'),
      numberUnavailable: int('The number of nodes that should be running the daemon pod and have none of the daemon pod running and available.'),
      observedGeneration: i64('The most recent generation observed by the daemon set controller.'),
      updatedNumberScheduled: int('The total number of nodes that are running updated daemon pod.'),
    },
  },
  [A('ControllerRevision')]: topLevel('apps', 'v1', 'ControllerRevision', 'ControllerRevision implements an immutable snapshot of state data.', {
    data: any('Data is the serialized representation of the state.'),
    revision: i64('Revision indicates the revision of the state represented by Data.'),
  }),
  [A('ControllerRevisionList')]: listOf('apps', 'v1', 'ControllerRevision', A('ControllerRevision')),
  ...kind('batch', 'Job', 'Job represents the configuration of a single job.', B('JobSpec'), B('JobStatus')),
  [B('JobSpec')]: {
    d: 'JobSpec describes how the job execution will look like.',
    props: {
      activeDeadlineSeconds: i64('Specifies the duration in seconds relative to the startTime that the job may be continuously active before the system tries to terminate it.'),
      backoffLimit: int('Specifies the number of retries before marking this job failed. Defaults to 6.'),
      backoffLimitPerIndex: int('Specifies the limit for the number of retries within an index before marking this index as failed.'),
      completionMode: str('completionMode specifies how Pod completions are tracked: NonIndexed or Indexed.'),
      completions: int('Specifies the desired number of successfully finished pods the job should be run with.'),
      managedBy: str('ManagedBy field indicates the controller that manages a Job.'),
      manualSelector: bool('manualSelector controls generation of pod labels and pod selectors.'),
      maxFailedIndexes: int('Specifies the maximal number of failed indexes before marking the Job as failed.'),
      parallelism: int('Specifies the maximum desired number of pods the job should run at any given time.'),
      podFailurePolicy: any('Specifies the policy of handling failed pods.'),
      podReplacementPolicy: str('podReplacementPolicy specifies when to create replacement Pods.'),
      selector: selector('A label query over pods that should match the pod count. Normally, the system sets this field for you.'),
      successPolicy: any('successPolicy specifies the policy when the Job can be declared as succeeded.'),
      suspend: bool('suspend specifies whether the Job controller should create Pods or not.'),
      template: template('Describes the pod that will be created when executing a job. The only allowed template.spec.restartPolicy values are "Never" or "OnFailure".'),
      ttlSecondsAfterFinished: int('ttlSecondsAfterFinished limits the lifetime of a Job that has finished execution.'),
    },
    required: ['template'],
  },
  [B('JobStatus')]: {
    d: 'JobStatus represents the current state of a Job.',
    props: {
      active: int('The number of pending and running pods which are not terminating.'),
      completedIndexes: str('completedIndexes holds the completed indexes when .spec.completionMode = "Indexed" in a text format.'),
      completionTime: time('Represents time when the job was completed.'),
      conditions: arr(any(), 'The latest available observations of an object\'s current state.', { listType: 'atomic' }),
      failed: int('The number of pods which reached phase Failed.'),
      ready: int('The number of active pods which have a Ready condition.'),
      startTime: time('Represents time when the job controller started processing a job.'),
      succeeded: int('The number of pods which reached phase Succeeded.'),
      terminating: int('The number of pods which are terminating.'),
      uncountedTerminatedPods: any('uncountedTerminatedPods holds the UIDs of Pods that have terminated but the job controller hasn\'t yet accounted for in the status counters.'),
    },
  },
  ...kind('batch', 'CronJob', 'CronJob represents the configuration of a single cron job.', B('CronJobSpec'), B('CronJobStatus')),
  [B('CronJobSpec')]: {
    d: 'CronJobSpec describes how the job execution will look like and when it will actually run.',
    props: {
      concurrencyPolicy: str('Specifies how to treat concurrent executions of a Job: Allow, Forbid or Replace.'),
      failedJobsHistoryLimit: int('The number of failed finished jobs to retain. Defaults to 1.'),
      jobTemplate: ref(B('JobTemplateSpec'), 'Specifies the job that will be created when executing a CronJob.'),
      schedule: str('The schedule in Cron format, see https://en.wikipedia.org/wiki/Cron.'),
      startingDeadlineSeconds: i64('Optional deadline in seconds for starting the job if it misses scheduled time for any reason.'),
      successfulJobsHistoryLimit: int('The number of successful finished jobs to retain. Defaults to 3.'),
      suspend: bool('This flag tells the controller to suspend subsequent executions. Defaults to false.'),
      timeZone: str('The time zone name for the given schedule.'),
    },
    required: ['schedule', 'jobTemplate'],
  },
  [B('JobTemplateSpec')]: {
    d: 'JobTemplateSpec describes the data a Job should have when created from a template',
    props: { metadata: ref(N.meta, "Standard object's metadata of the jobs created from this template."), spec: ref(B('JobSpec'), 'Specification of the desired behavior of the job.') },
  },
  [B('CronJobStatus')]: {
    d: 'CronJobStatus represents the current state of a cron job.',
    props: {
      active: arr(any(), 'A list of pointers to currently running jobs.', { listType: 'atomic' }),
      lastScheduleTime: time('Information when was the last time the job was successfully scheduled.'),
      lastSuccessfulTime: time('Information when was the last time the job successfully completed.'),
    },
  },
};
