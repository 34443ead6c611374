import { any, arr, bool, int, listOf, N, type ObjectDef, ref, str, strList, topLevel } from './schema-dsl.js';

function withList(group: string, version: string, full: (k: string) => string, kind: string, d: string, props: ObjectDef['props']): Record<string, ObjectDef> {
  return { [full(kind)]: topLevel(group, version, kind, d, props), [full(`${kind}List`)]: listOf(group, version, kind, full(kind)) };
}

const NET = 'networking.k8s.io';
const RBAC = 'rbac.authorization.k8s.io';
const AUTHZ = 'authorization.k8s.io';

function review(kind: string, d: string, namespaced: boolean): ObjectDef {
  return topLevel(AUTHZ, 'v1', kind, d, {
    spec: ref(N.authz(namespaced ? 'SubjectAccessReviewSpec' : kind === 'SelfSubjectAccessReview' ? 'SelfSubjectAccessReviewSpec' : 'SubjectAccessReviewSpec'), 'Spec holds information about the request being evaluated.'),
    status: ref(N.authz('SubjectAccessReviewStatus'), 'Status is filled in by the server and indicates whether the request is allowed or not.'),
  });
}

export const otherDefs: Record<string, ObjectDef> = {
  ...withList(NET, 'v1', N.net, 'Ingress', 'Ingress is a collection of rules that allow inbound connections to reach the endpoints defined by a backend.', {
    spec: ref(N.net('IngressSpec'), 'spec is the desired state of the Ingress.'),
    status: any('status is the current state of the Ingress.'),
  }),
  [N.net('IngressSpec')]: {
    d: 'IngressSpec describes the Ingress the user wishes to exist.',
    props: {
      defaultBackend: any('defaultBackend is the backend that should handle requests that don\'t match any rule.'),
      ingressClassName: str('ingressClassName is the name of an IngressClass cluster resource.'),
      rules: arr(ref(N.net('IngressRule')), 'rules is a list of host rules used to configure the Ingress.', { listType: 'atomic' }),
      tls: arr(any(), 'tls represents the TLS configuration.', { listType: 'atomic' }),
    },
  },
  [N.net('IngressRule')]: {
    d: 'IngressRule represents the rules mapping the paths under a specified host to the related backend services.',
    props: { host: str('host is the fully qualified domain name of a network host.'), http: any('http is a list of http selectors pointing to backends.') },
  },
  ...withList(NET, 'v1', N.net, 'IngressClass', 'IngressClass represents the class of the Ingress, referenced by the Ingress Spec.', {
    spec: any('spec is the desired state of the IngressClass.'),
  }),
  ...withList(NET, 'v1', N.net, 'NetworkPolicy', 'NetworkPolicy describes what network traffic is allowed for a set of Pods.', {
    spec: ref(N.net('NetworkPolicySpec'), 'spec represents the specification of the desired behavior for this NetworkPolicy.'),
  }),
  [N.net('NetworkPolicySpec')]: {
    d: 'NetworkPolicySpec provides the specification of a NetworkPolicy.',
    props: {
      egress: arr(any(), 'egress is a list of egress rules to be applied to the selected pods.'),
      ingress: arr(any(), 'ingress is a list of ingress rules to be applied to the selected pods.'),
      podSelector: ref(N.selector, 'podSelector selects the pods to which this NetworkPolicy object applies. An empty podSelector selects all pods in the namespace.'),
      policyTypes: strList('policyTypes is a list of rule types that the NetworkPolicy relates to: "Ingress", "Egress".'),
    },
    required: ['podSelector'],
  },
  ...withList(RBAC, 'v1', N.rbac, 'Role', 'Role is a namespaced, logical grouping of PolicyRules that can be referenced as a unit by a RoleBinding.', {
    rules: arr(ref(N.rbac('PolicyRule')), 'Rules holds all the PolicyRules for this Role'),
  }),
  ...withList(RBAC, 'v1', N.rbac, 'ClusterRole', 'ClusterRole is a cluster level, logical grouping of PolicyRules that can be referenced as a unit by a RoleBinding or ClusterRoleBinding.', {
    aggregationRule: any('AggregationRule is an optional field that describes how to build the Rules for this ClusterRole.'),
    rules: arr(ref(N.rbac('PolicyRule')), 'Rules holds all the PolicyRules for this ClusterRole'),
  }),
  [N.rbac('PolicyRule')]: {
    d: 'PolicyRule holds information that describes a policy rule, but does not contain information about who the rule applies to or which namespace the rule applies to.',
    props: {
      apiGroups: strList('APIGroups is the name of the APIGroup that contains the resources. "" represents the core API group and "*" represents all API groups.'),
      nonResourceURLs: strList('NonResourceURLs is a set of partial urls that a user should have access to.'),
      resourceNames: strList('ResourceNames is an optional white list of names that the rule applies to.'),
      resources: strList("Resources is a list of resources this rule applies to. '*' represents all resources."),
      verbs: strList("Verbs is a list of Verbs that apply to ALL the ResourceKinds contained in this rule. '*' represents all verbs."),
    },
    required: ['verbs'],
  },
  ...withList(RBAC, 'v1', N.rbac, 'RoleBinding', 'RoleBinding references a role, but does not contain it. It adds who information via Subjects and namespace information by which namespace it exists in.', {
    roleRef: ref(N.rbac('RoleRef'), 'RoleRef can reference a Role in the current namespace or a ClusterRole in the global namespace.'),
    subjects: arr(ref(N.rbac('Subject')), 'Subjects holds references to the objects the role applies to.'),
  }),
  ...withList(RBAC, 'v1', N.rbac, 'ClusterRoleBinding', 'ClusterRoleBinding references a ClusterRole, but not contain it.', {
    roleRef: ref(N.rbac('RoleRef'), 'RoleRef can only reference a ClusterRole in the global namespace.'),
    subjects: arr(ref(N.rbac('Subject')), 'Subjects holds references to the objects the role applies to.'),
  }),
  [N.rbac('RoleRef')]: {
    d: 'RoleRef contains information that points to the role being used',
    props: { apiGroup: str('APIGroup is the group for the resource being referenced'), kind: str('Kind is the type of resource being referenced'), name: str('Name is the name of resource being referenced') },
    required: ['apiGroup', 'kind', 'name'],
  },
  [N.rbac('Subject')]: {
    d: 'Subject contains a reference to the object or user identities a role binding applies to.',
    props: {
      apiGroup: str('APIGroup holds the API group of the referenced subject.'),
      kind: str('Kind of object being referenced: "User", "Group", and "ServiceAccount".'),
      name: str('Name of the object being referenced.'),
      namespace: str('Namespace of the referenced object.'),
    },
    required: ['kind', 'name'],
  },
  ...withList('autoscaling', 'v2', N.as2, 'HorizontalPodAutoscaler', 'HorizontalPodAutoscaler is the configuration for a horizontal pod autoscaler.', {
    spec: ref(N.as2('HorizontalPodAutoscalerSpec'), 'spec is the specification for the behaviour of the autoscaler.'),
    status: any('status is the current information about the autoscaler.'),
  }),
  [N.as2('HorizontalPodAutoscalerSpec')]: {
    d: 'HorizontalPodAutoscalerSpec describes the desired functionality of the HorizontalPodAutoscaler.',
    props: {
      behavior: any('behavior configures the scaling behavior of the target in both Up and Down directions.'),
      maxReplicas: int('maxReplicas is the upper limit for the number of replicas to which the autoscaler can scale up.'),
      metrics: arr(any('MetricSpec specifies how to scale based on a single metric.'), 'metrics contains the specifications for which to use to calculate the desired replica count.', { listType: 'atomic' }),
      minReplicas: int('minReplicas is the lower limit for the number of replicas to which the autoscaler can scale down. Defaults to 1.'),
      scaleTargetRef: any('scaleTargetRef points to the target resource to scale.'),
    },
    required: ['scaleTargetRef', 'maxReplicas'],
  },
  ...withList('autoscaling', 'v1', N.as1, 'HorizontalPodAutoscaler', 'configuration of a horizontal pod autoscaler.', {
    spec: ref(N.as1('HorizontalPodAutoscalerSpec'), 'spec defines the behaviour of autoscaler.'),
    status: any('status is the current information about the autoscaler.'),
  }),
  [N.as1('HorizontalPodAutoscalerSpec')]: {
    d: 'specification of a horizontal pod autoscaler.',
    props: {
      maxReplicas: int('maxReplicas is the upper limit for the number of pods that can be set by the autoscaler.'),
      minReplicas: int('minReplicas is the lower limit for the number of replicas to which the autoscaler can scale down.'),
      scaleTargetRef: any('reference to scaled resource.'),
      targetCPUUtilizationPercentage: int('targetCPUUtilizationPercentage is the target average CPU utilization over all the pods.'),
    },
    required: ['scaleTargetRef', 'maxReplicas'],
  },
  ...withList('discovery.k8s.io', 'v1', N.disc, 'EndpointSlice', 'EndpointSlice represents a subset of the endpoints that implement a service.', {
    addressType: str('addressType specifies the type of address carried by this EndpointSlice: IPv4, IPv6 or FQDN.'),
    endpoints: arr(any('Endpoint represents a single logical "backend" implementing a service.'), 'endpoints is a list of unique endpoints in this slice.', { listType: 'atomic' }),
    ports: arr(any(), 'ports specifies the list of network ports exposed by each endpoint in this slice.', { listType: 'atomic' }),
  }),
  [N.authz('SelfSubjectAccessReview')]: review('SelfSubjectAccessReview', 'SelfSubjectAccessReview checks whether or the current user can perform an action.', false),
  [N.authz('SubjectAccessReview')]: review('SubjectAccessReview', 'SubjectAccessReview checks whether or not a user or group can perform an action.', false),
  [N.authz('LocalSubjectAccessReview')]: review('LocalSubjectAccessReview', 'LocalSubjectAccessReview checks whether or not a user or group can perform an action in a given namespace.', true),
  [N.authz('SelfSubjectRulesReview')]: topLevel(AUTHZ, 'v1', 'SelfSubjectRulesReview', 'SelfSubjectRulesReview enumerates the set of actions the current user can perform within a namespace.', {
    spec: any('Spec holds information about the request being evaluated.'),
    status: any('Status is filled in by the server and indicates the set of actions a user can perform.'),
  }),
  [N.authz('SelfSubjectAccessReviewSpec')]: {
    d: 'SelfSubjectAccessReviewSpec is a description of the access request. Exactly one of ResourceAttributes and NonResourceAttributes must be set',
    props: {
      nonResourceAttributes: ref(N.authz('NonResourceAttributes'), 'NonResourceAttributes describes information for a non-resource access request'),
      resourceAttributes: ref(N.authz('ResourceAttributes'), 'ResourceAuthorizationAttributes describes information for a resource access request'),
    },
  },
  [N.authz('SubjectAccessReviewSpec')]: {
    d: 'SubjectAccessReviewSpec is a description of the access request.',
    props: {
      extra: any('Extra corresponds to the user.Info.GetExtra() method from the authenticator.'),
      groups: strList("Groups is the groups you're testing for."),
      nonResourceAttributes: ref(N.authz('NonResourceAttributes'), 'NonResourceAttributes describes information for a non-resource access request'),
      resourceAttributes: ref(N.authz('ResourceAttributes'), 'ResourceAuthorizationAttributes describes information for a resource access request'),
      uid: str('UID information about the requesting user.'),
      user: str("User is the user you're testing for."),
    },
  },
  [N.authz('ResourceAttributes')]: {
    d: 'ResourceAttributes includes the authorization attributes available for resource requests to the Authorizer interface',
    props: {
      group: str('Group is the API Group of the Resource. "*" means all.'),
      name: str('Name is the name of the resource being requested for a "get" or deleted for a "delete". "" (empty) means all.'),
      namespace: str('Namespace is the namespace of the action being requested.'),
      resource: str('Resource is one of the existing resource types. "*" means all.'),
      subresource: str('Subresource is one of the existing resource types. "" means none.'),
      verb: str('Verb is a kubernetes resource API verb, like: get, list, watch, create, update, delete, proxy. "*" means all.'),
      version: str('Version is the API Version of the Resource. "*" means all.'),
    },
  },
  [N.authz('NonResourceAttributes')]: {
    d: 'NonResourceAttributes includes the authorization attributes available for non-resource requests to the Authorizer interface',
    props: { path: str('Path is the URL path of the request'), verb: str('Verb is the standard HTTP verb') },
  },
  [N.authz('SubjectAccessReviewStatus')]: {
    d: 'SubjectAccessReviewStatus',
    props: {
      allowed: bool('Allowed is required. True if the action would be allowed, false otherwise.'),
      denied: bool('Denied is optional. True if the action would be denied, otherwise false.'),
      evaluationError: str('EvaluationError is an indication that some error occurred during the authorization check.'),
      reason: str('Reason is optional. It indicates why a request was allowed or denied.'),
    },
    required: ['allowed'],
  },
  [N.authn('TokenReview')]: topLevel('authentication.k8s.io', 'v1', 'TokenReview', 'TokenReview attempts to authenticate a token to a known user.', {
    spec: any('Spec holds information about the request being evaluated'),
    status: any('Status is filled in by the server and indicates whether the request can be authenticated.'),
  }),
};
