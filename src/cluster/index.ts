export * from './cluster-adapter.js';
export * from './cluster-errors.js';
export { ClientNodeClusterAdapter, LAB_QUOTA_NAME, LAB_LIMITS_NAME, type ClientNodeClusterAdapterOptions } from './client-node-cluster-adapter.js';
export { candidateRoleRules } from './candidate-access.js';
