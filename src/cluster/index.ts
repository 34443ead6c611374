export * from './cluster-adapter.js';
export * from './cluster-errors.js';
export { ClientNodeClusterAdapter, LAB_QUOTA_NAME, LAB_LIMITS_NAME, type ClientNodeClusterAdapterOptions } from './client-node-cluster-adapter.js';
export { BINDABLE_CLUSTER_ROLES, CANDIDATE_SERVICE_ACCOUNT, LAB_SETUP_IDENTITY, candidateRoleRules, labSetupRoleRules } from './candidate-access.js';
