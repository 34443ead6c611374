import { any, arr, bool, int, intstr, keyed, listOf, map, N, type ObjectDef, qtyMap, ref, str, strList, strMap, time, topLevel } from './schema-dsl.js';

const C = N.core;

function withList(kind: string, d: string, props: ObjectDef['props']): Record<string, ObjectDef> {
  return { [C(kind)]: topLevel('', 'v1', kind, d, props), [C(`${kind}List`)]: listOf('', 'v1', kind, C(kind)) };
}

export const coreDefs: Record<string, ObjectDef> = {
  ...withList('Namespace', 'Namespace provides a scope for Names. Use of multiple namespaces is optional.', {
    spec: ref(C('NamespaceSpec'), 'Spec defines the behavior of the Namespace.'),
    status: ref(C('NamespaceStatus'), 'Status describes the current status of a Namespace.'),
  }),
  [C('NamespaceSpec')]: { d: 'NamespaceSpec describes the attributes on a Namespace.', props: { finalizers: strList('Finalizers is an opaque list of values that must be empty to permanently remove object from storage.') } },
  [C('NamespaceStatus')]: {
    d: 'NamespaceStatus is information about the current status of a Namespace.',
    props: { conditions: keyed(any(), 'type', 'Represents the latest available observations of a namespace\'s current state.'), phase: str('Phase is the current lifecycle phase of the namespace: Active or Terminating.') },
  },
  ...withList('Service', 'Service is a named abstraction of software service (for example, mysql) consisting of local port that the proxy listens on, and the selector that determines which pods will answer requests sent through the proxy.', {
    spec: ref(C('ServiceSpec'), 'Spec defines the behavior of a service.'),
    status: ref(C('ServiceStatus'), 'Most recently observed status of the service. Populated by the system. Read-only.'),
  }),
  [C('ServiceSpec')]: {
    d: 'ServiceSpec describes the attributes that a user creates on a service.',
    props: {
      allocateLoadBalancerNodePorts: bool('Whether NodePorts are automatically allocated for services of type LoadBalancer.'),
      clusterIP: str('clusterIP is the IP address of the service and is usually assigned randomly. "None" makes a headless service.'),
      clusterIPs: arr(str(), 'ClusterIPs is a list of IP addresses assigned to this service.', { listType: 'atomic' }),
      externalIPs: strList('externalIPs is a list of IP addresses for which nodes in the cluster will also accept traffic for this service.'),
      externalName: str('externalName is the external reference that discovery mechanisms will return as an alias for this service.'),
      externalTrafficPolicy: str('externalTrafficPolicy describes how nodes distribute service traffic they receive on externally-facing addresses.'),
      healthCheckNodePort: int('healthCheckNodePort specifies the healthcheck nodePort for the service.'),
      internalTrafficPolicy: str('InternalTrafficPolicy describes how nodes distribute service traffic they receive on the ClusterIP.'),
      ipFamilies: strList('IPFamilies is a list of IP families (e.g. IPv4, IPv6) assigned to this service.'),
      ipFamilyPolicy: str('IPFamilyPolicy represents the dual-stack-ness requested or required by this Service.'),
      loadBalancerClass: str('loadBalancerClass is the class of the load balancer implementation this Service belongs to.'),
      loadBalancerIP: str('Only applies to Service Type: LoadBalancer. Deprecated.'),
      loadBalancerSourceRanges: strList('If specified, traffic through the cloud-provider load-balancer will be restricted to the specified client IPs.'),
      ports: keyed(ref(C('ServicePort')), 'port', 'The list of ports that are exposed by this service.'),
      publishNotReadyAddresses: bool('publishNotReadyAddresses indicates that any agent which deals with endpoints for this Service should disregard any indications of ready/not-ready.'),
      selector: strMap('Route service traffic to pods with label keys and values matching this selector.'),
      sessionAffinity: str('Supports "ClientIP" and "None". Used to maintain session affinity.'),
      sessionAffinityConfig: any('sessionAffinityConfig contains the configurations of session affinity.'),
      trafficDistribution: str('TrafficDistribution offers a way to express preferences for how traffic is distributed to Service endpoints.'),
      type: str('type determines how the Service is exposed. Defaults to ClusterIP. Valid options are ExternalName, ClusterIP, NodePort, and LoadBalancer.'),
    },
  },
  [C('ServicePort')]: {
    d: "ServicePort contains information on service's port.",
    props: {
      appProtocol: str('The application protocol for this port.'),
      name: str('The name of this port within the service. This must be a DNS_LABEL.'),
      nodePort: int('The port on each node on which this service is exposed when type is NodePort or LoadBalancer.'),
      port: int('The port that will be exposed by this service.'),
      protocol: str('The IP protocol for this port. Supports "TCP", "UDP", and "SCTP". Default is TCP.'),
      targetPort: intstr('Number or name of the port to access on the pods targeted by the service.'),
    },
    required: ['port'],
  },
  [C('ServiceStatus')]: {
    d: 'ServiceStatus represents the current status of a service.',
    props: { conditions: keyed(ref(N.condition), 'type', 'Current service state'), loadBalancer: any('LoadBalancer contains the current status of the load-balancer, if one is present.') },
  },
  ...withList('Endpoints', 'Endpoints is a collection of endpoints that implement the actual service.', {
    subsets: arr(any('EndpointSubset is a group of addresses with a common set of ports.'), 'The set of all endpoints is the union of all subsets.'),
  }),
  ...withList('ConfigMap', 'ConfigMap holds configuration data for pods to consume.', {
    binaryData: map(str('', { format: 'byte' }), 'BinaryData contains the binary data.'),
    data: strMap('Data contains the configuration data.'),
    immutable: bool('Immutable, if set to true, ensures that data stored in the ConfigMap cannot be updated.'),
  }),
  ...withList('Secret', 'Secret holds secret data of a certain type. The total bytes of the values in the Data field must be less than MaxSecretSize bytes.', {
    data: map(str('', { format: 'byte' }), 'Data contains the secret data. Each key must consist of alphanumeric characters, \'-\', \'_\' or \'.\'. Values are base64 encoded.'),
    immutable: bool('Immutable, if set to true, ensures that data stored in the Secret cannot be updated.'),
    stringData: strMap('stringData allows specifying non-binary secret data in string form. It is never output when reading from the API.'),
    type: str('Used to facilitate programmatic handling of secret data.'),
  }),
  ...withList('ServiceAccount', 'ServiceAccount binds together a name, understood by users, and perhaps by peripheral systems, for an identity, a principal that can be authenticated and authorized, and a set of secrets.', {
    automountServiceAccountToken: bool('AutomountServiceAccountToken indicates whether pods running as this service account should have an API token automatically mounted.'),
    imagePullSecrets: arr(ref(C('LocalObjectReference')), 'ImagePullSecrets is a list of references to secrets in the same namespace to use for pulling any images in pods that reference this ServiceAccount.'),
    secrets: keyed(any(), 'name', 'Secrets is a list of the secrets in the same namespace that pods running using this ServiceAccount are allowed to use.'),
  }),
  ...withList('Node', 'Node is a worker node in Kubernetes.', {
    spec: ref(C('NodeSpec'), 'Spec defines the behavior of a node.'),
    status: ref(C('NodeStatus'), 'Most recently observed status of the node.'),
  }),
  [C('NodeSpec')]: {
    d: 'NodeSpec describes the attributes that a node is created with.',
    props: {
      configSource: any('Deprecated.'),
      externalID: str('Deprecated.'),
      podCIDR: str('PodCIDR represents the pod IP range assigned to the node.'),
      podCIDRs: arr(str(), 'podCIDRs represents the IP ranges assigned to the node.', { strategy: 'merge', listType: 'set' }),
      providerID: str('ID of the node assigned by the cloud provider.'),
      taints: arr(any('The node this Taint is attached to has the "effect" on any pod that does not tolerate the Taint.'), "If specified, the node's taints."),
      unschedulable: bool('Unschedulable controls node schedulability of new pods.'),
    },
  },
  [C('NodeStatus')]: {
    d: 'NodeStatus is information about the current status of a node.',
    props: {
      addresses: keyed(any(), 'type', 'List of addresses reachable to the node.'),
      allocatable: qtyMap('Allocatable represents the resources of a node that are available for scheduling.'),
      capacity: qtyMap('Capacity represents the total resources of a node.'),
      conditions: keyed(any(), 'type', 'Conditions is an array of current observed node conditions.'),
      daemonEndpoints: any('Endpoints of daemons running on the Node.'),
      images: arr(any(), 'List of container images on this node.'),
      nodeInfo: any('Set of ids/uuids to uniquely identify the node.'),
      phase: str('NodePhase is the recently observed lifecycle phase of the node.'),
      volumesAttached: arr(any(), 'List of volumes that are attached to the node.'),
      volumesInUse: strList('List of attachable volumes in use (mounted) by the node.'),
    },
  },
  ...withList('Event', 'Event is a report of an event somewhere in the cluster.', {
    action: str('What action was taken/failed regarding to the Regarding object.'),
    count: int('The number of times this event has occurred.'),
    eventTime: ref(N.microTime, 'Time when this Event was first observed.'),
    firstTimestamp: time('The time at which the event was first recorded.'),
    involvedObject: any('The object that this event is about.'),
    lastTimestamp: time('The time at which the most recent occurrence of this event was recorded.'),
    message: str('A human-readable description of the status of this operation.'),
    reason: str("This should be a short, machine understandable string that gives the reason for the transition into the object's current status."),
    related: any('Optional secondary object for more complex actions.'),
    reportingComponent: str('Name of the controller that emitted this Event.'),
    reportingInstance: str('ID of the controller instance.'),
    series: any('Data about the Event series this event represents or nil if it\'s a singleton Event.'),
    source: any('The component reporting this event.'),
    type: str('Type of this event (Normal, Warning), new types could be added in the future.'),
  }),
  ...withList('ResourceQuota', 'ResourceQuota sets aggregate quota restrictions enforced per namespace.', {
    spec: ref(C('ResourceQuotaSpec'), 'Spec defines the desired quota.'),
    status: ref(C('ResourceQuotaStatus'), 'Status defines the actual enforced quota and its current usage.'),
  }),
  [C('ResourceQuotaSpec')]: {
    d: 'ResourceQuotaSpec defines the desired hard limits to enforce for Quota.',
    props: {
      hard: qtyMap('hard is the set of desired hard limits for each named resource.'),
      scopeSelector: any('scopeSelector is also a collection of filters like scopes that must match each object tracked by a quota.'),
      scopes: strList('A collection of filters that must match each object tracked by a quota.'),
    },
  },
  [C('ResourceQuotaStatus')]: {
    d: 'ResourceQuotaStatus defines the enforced hard limits and observed use.',
    props: { hard: qtyMap('Hard is the set of enforced hard limits for each named resource.'), used: qtyMap('Used is the current observed total usage of the resource in the namespace.') },
  },
  ...withList('LimitRange', 'LimitRange sets resource usage limits for each kind of resource in a Namespace.', {
    spec: ref(C('LimitRangeSpec'), 'Spec defines the limits enforced.'),
  }),
  [C('LimitRangeSpec')]: {
    d: 'LimitRangeSpec defines a min/max usage limit for resources that match on kind.',
    props: { limits: arr(ref(C('LimitRangeItem')), 'Limits is the list of LimitRangeItem objects that are enforced.') },
    required: ['limits'],
  },
  [C('LimitRangeItem')]: {
    d: 'LimitRangeItem defines a min/max usage limit for any resource that matches on kind.',
    props: {
      default: qtyMap('Default resource requirement limit value by resource name if resource limit is omitted.'),
      defaultRequest: qtyMap('DefaultRequest is the default resource requirement request value by resource name if resource request is omitted.'),
      max: qtyMap('Max usage constraints on this kind by resource name.'),
      maxLimitRequestRatio: qtyMap('MaxLimitRequestRatio if specified, the named resource must have a request and limit that are both non-zero.'),
      min: qtyMap('Min usage constraints on this kind by resource name.'),
      type: str('Type of resource that this limit applies to: Container, Pod or PersistentVolumeClaim.'),
    },
    required: ['type'],
  },
  ...withList('PersistentVolume', 'PersistentVolume (PV) is a storage resource provisioned by an administrator.', {
    spec: ref(C('PersistentVolumeSpec'), 'spec defines a specification of a persistent volume owned by the cluster.'),
    status: any('status represents the current information/status for the persistent volume.'),
  }),
  [C('PersistentVolumeSpec')]: {
    d: 'PersistentVolumeSpec is the specification of a persistent volume.',
    props: {
      accessModes: strList('accessModes contains all ways the volume can be mounted.'),
      capacity: qtyMap("capacity is the description of the persistent volume's resources and capacity."),
      claimRef: any('claimRef is part of a bi-directional binding between PersistentVolume and PersistentVolumeClaim.'),
      csi: any('csi represents storage that is handled by an external CSI driver.'),
      hostPath: any('hostPath represents a directory on the host.'),
      local: any('local represents directly-attached storage with node affinity.'),
      mountOptions: strList('mountOptions is the list of mount options.'),
      nfs: any('nfs represents an NFS mount on the host.'),
      nodeAffinity: any('nodeAffinity defines constraints that limit what nodes this volume can be accessed from.'),
      persistentVolumeReclaimPolicy: str('persistentVolumeReclaimPolicy defines what happens to a persistent volume when released from its claim. Retain, Delete or Recycle.'),
      storageClassName: str('storageClassName is the name of StorageClass to which this persistent volume belongs.'),
      volumeMode: str('volumeMode defines if a volume is intended to be used with a formatted filesystem or to remain in raw block state.'),
    },
  },
  ...withList('PersistentVolumeClaim', "PersistentVolumeClaim is a user's request for and claim to a persistent volume.", {
    spec: ref(C('PersistentVolumeClaimSpec'), 'spec defines the desired characteristics of a volume requested by a pod author.'),
    status: any('status represents the current information/status of a persistent volume claim.'),
  }),
  [C('PersistentVolumeClaimSpec')]: {
    d: 'PersistentVolumeClaimSpec describes the common attributes of storage devices and allows a Source for provider-specific attributes.',
    props: {
      accessModes: strList('accessModes contains the desired access modes the volume should have.'),
      dataSource: any('dataSource field can be used to specify an existing VolumeSnapshot or PVC.'),
      dataSourceRef: any('dataSourceRef specifies the object from which to populate the volume with data.'),
      resources: ref(C('ResourceRequirements'), 'resources represents the minimum resources the volume should have.'),
      selector: ref(N.selector, 'selector is a label query over volumes to consider for binding.'),
      storageClassName: str('storageClassName is the name of the StorageClass required by the claim.'),
      volumeAttributesClassName: str('volumeAttributesClassName may be used to set the VolumeAttributesClass used by this claim.'),
      volumeMode: str('volumeMode defines what type of volume is required by the claim.'),
      volumeName: str('volumeName is the binding reference to the PersistentVolume backing this claim.'),
    },
  },
  'io.k8s.api.autoscaling.v1.Scale': topLevel('autoscaling', 'v1', 'Scale', 'Scale represents a scaling request for a resource.', {
    spec: any('spec defines the behavior of the scale.'),
    status: any('status is the current status of the scale.'),
  }),
  'io.k8s.api.authentication.v1.TokenRequest': topLevel('authentication.k8s.io', 'v1', 'TokenRequest', 'TokenRequest requests a token for a given service account.', {
    spec: any('Spec holds information about the request being evaluated'),
    status: any('Status is filled in by the server and indicates whether the token can be authenticated.'),
  }),
  'io.k8s.api.core.v1.Binding': topLevel('', 'v1', 'Binding', 'Binding ties one object to another; for example, a pod is bound to a node by a scheduler.', {
    target: any('The target object that you want to bind to the standard object.'),
  }),
};

