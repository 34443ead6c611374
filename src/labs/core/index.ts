export * from './task-types.js';
export { validateTask, evaluate } from './check-engine.js';
export { loadTasks, parseTask, TaskDefinitionError, TaskPolicyError } from './task-loader.js';
export { checkTargetViolations, manifestViolations, taskViolations, LAB_MANIFEST_KINDS, type PolicyViolation } from './manifest-policy.js';
export { jsonPath } from './json-path.js';
export { parseQuantity } from './quantity.js';
