import { any, arr, bool, i64, int, N, type ObjectDef, ref, str, strList, strMap, time } from './schema-dsl.js';

export const metaDefs: Record<string, ObjectDef> = {
  [N.meta]: {
    d: 'ObjectMeta is metadata that all persisted resources must have, which includes all objects users must create.',
    props: {
      annotations: strMap('Annotations is an unstructured key value map stored with a resource that may be set by external tools to store and retrieve arbitrary metadata.'),
      creationTimestamp: time('CreationTimestamp is a timestamp representing the server time when this object was created. Populated by the system. Read-only.'),
      deletionGracePeriodSeconds: i64('Number of seconds allowed for this object to gracefully terminate before it will be removed from the system.'),
      deletionTimestamp: time('DeletionTimestamp is the time after which this resource will be deleted, set by the server when a graceful deletion is requested.'),
      finalizers: arr(str(), 'Must be empty before the object is deleted from the registry.', { strategy: 'merge', listType: 'set' }),
      generateName: str('An optional prefix used by the server to generate a unique name only if the Name field has not been provided.'),
      generation: i64('A sequence number representing a specific generation of the desired state. Populated by the system. Read-only.'),
      labels: strMap('Map of string keys and values that can be used to organize and categorize (scope and select) objects.'),
      managedFields: arr(ref('io.k8s.apimachinery.pkg.apis.meta.v1.ManagedFieldsEntry'), 'ManagedFields maps workflow-id and version to the set of fields that are managed by that workflow.'),
      name: str('Name must be unique within a namespace. Cannot be updated.'),
      namespace: str('Namespace defines the space within which each name must be unique. Cannot be updated.'),
      ownerReferences: arr(ref('io.k8s.apimachinery.pkg.apis.meta.v1.OwnerReference'), 'List of objects depended by this object.', {
        mergeKey: 'uid',
        strategy: 'merge',
        listType: 'map',
        listMapKeys: ['uid'],
      }),
      resourceVersion: str('An opaque value that represents the internal version of this object, used for optimistic concurrency. Read-only.'),
      selfLink: str('Deprecated: selfLink is a legacy read-only field that is no longer populated by the system.'),
      uid: str('UID is the unique in time and space value for this object. Populated by the system. Read-only.'),
    },
  },
  [N.listMeta]: {
    d: 'ListMeta describes metadata that synthetic resources must have, including lists.',
    props: {
      continue: str('Set when the list was truncated; pass it back to get the next chunk.'),
      remainingItemCount: i64('The number of subsequent items in the list which are not included in this list response.'),
      resourceVersion: str('The version of this list, usable to start a watch.'),
      selfLink: str('Deprecated.'),
    },
  },
  [N.selector]: {
    d: 'A label selector is a label query over a set of resources. An empty label selector matches all objects. A null label selector matches no objects.',
    props: {
      matchExpressions: arr(ref('io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelectorRequirement'), 'matchExpressions is a list of label selector requirements. The requirements are ANDed.'),
      matchLabels: strMap('matchLabels is a map of {key,value} pairs. A single {key,value} is equivalent to an In expression with one value.'),
    },
  },
  'io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelectorRequirement': {
    d: 'A label selector requirement is a selector that contains values, a key, and an operator that relates the key and values.',
    props: {
      key: str('key is the label key that the selector applies to.'),
      operator: str("operator represents a key's relationship to a set of values. Valid operators are In, NotIn, Exists and DoesNotExist."),
      values: strList('values is an array of string values.'),
    },
    required: ['key', 'operator'],
  },
  'io.k8s.apimachinery.pkg.apis.meta.v1.OwnerReference': {
    d: 'OwnerReference contains enough information to let you identify an owning object.',
    props: {
      apiVersion: str('API version of the referent.'),
      blockOwnerDeletion: bool('If true, the owner cannot be deleted from the key-value store until this reference is removed.'),
      controller: bool('If true, this reference points to the managing controller.'),
      kind: str('Kind of the referent.'),
      name: str('Name of the referent.'),
      uid: str('UID of the referent.'),
    },
    required: ['apiVersion', 'kind', 'name', 'uid'],
  },
  'io.k8s.apimachinery.pkg.apis.meta.v1.ManagedFieldsEntry': {
    d: 'ManagedFieldsEntry is a workflow-id, a FieldSet and the group version of the resource that the fieldset applies to.',
    props: {
      apiVersion: str('APIVersion defines the version of this resource that this field set applies to.'),
      fieldsType: str('FieldsType is the discriminator for the different fields format and version.'),
      fieldsV1: any('FieldsV1 holds the first JSON version format as described in the "FieldsV1" type.'),
      manager: str('Manager is an identifier of the workflow managing these fields.'),
      operation: str('Operation is the type of operation which lead to this ManagedFieldsEntry being created.'),
      subresource: str('Subresource is the name of the subresource used to update that object.'),
      time: time('Time is the timestamp of when the ManagedFields entry was added.'),
    },
  },
  [N.condition]: {
    d: 'Condition contains details for one aspect of the current state of this API Resource.',
    props: {
      lastTransitionTime: time('The last time the condition transitioned from one status to another.'),
      message: str('A human readable message indicating details about the transition.'),
      observedGeneration: i64('The .metadata.generation that the condition was set based upon.'),
      reason: str("A programmatic identifier indicating the reason for the condition's last transition."),
      status: str('Status of the condition, one of True, False, Unknown.'),
      type: str('Type of condition in CamelCase.'),
    },
    required: ['type', 'status', 'lastTransitionTime', 'reason', 'message'],
  },
  [N.time]: { d: 'Time is a wrapper around time.Time which supports correct marshaling to YAML and JSON.', props: {}, scalar: { type: 'string', format: 'date-time' } },
  [N.microTime]: { d: 'MicroTime is version of Time with microsecond level precision.', props: {}, scalar: { type: 'string', format: 'date-time' } },
  [N.quantity]: {
    d: "Quantity is a fixed-point representation of a number, such as '100m' CPU or '128Mi' memory.",
    props: {},
    scalar: { type: 'string', format: '' },
  },
  [N.intOrString]: { d: 'IntOrString is a type that can hold an int32 or a string.', props: {}, scalar: { type: 'string', format: 'int-or-string' } },
  'io.k8s.apimachinery.pkg.apis.meta.v1.Status': {
    d: 'Status is a return value for calls that don\'t return other objects.',
    props: {
      apiVersion: str('APIVersion of this representation.'),
      code: int('Suggested HTTP return code for this status, 0 if not set.'),
      details: any('Extended data associated with the reason.'),
      kind: str('Kind of this representation.'),
      message: str('A human-readable description of the status of this operation.'),
      metadata: ref(N.listMeta, 'Standard list metadata.'),
      reason: str('A machine-readable description of why this operation is in the "Failure" status.'),
      status: str('Status of the operation. One of: "Success" or "Failure".'),
    },
    gvk: [{ group: '', version: 'v1', kind: 'Status' }],
  },
};
