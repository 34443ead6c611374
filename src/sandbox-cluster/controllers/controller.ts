import type { ObjectService } from '../api/object-service.js';

/** A control loop running in-process against the internal API; returns its stop function. */
export type Controller = (api: ObjectService) => () => void;
