export * from './task-types.js';
export { validateTask, evaluate } from './check-engine.js';
export { loadTasks, parseTask, TaskDefinitionError } from './task-loader.js';
export { jsonPath } from './json-path.js';
export { parseQuantity } from './quantity.js';
