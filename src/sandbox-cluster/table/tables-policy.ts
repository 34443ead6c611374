import { age, AGE_COLUMN, col, NAME_COLUMN, type TableDef } from './table-def.js';

const orNotApplicable = (v: unknown): string => (v === undefined || v === null ? 'N/A' : String(v));

export const podDisruptionBudgetTable: TableDef = {
  columns: [
    NAME_COLUMN,
    col('Min Available', 'The minimum number of pods that must be available simultaneously, or a percentage of the total.'),
    col('Max Unavailable', 'The maximum number of pods that may be unavailable simultaneously, or a percentage of the total.'),
    col('Allowed Disruptions', 'Calculated number of pods that may be disrupted at this time.', 'integer'),
    AGE_COLUMN,
  ],
  row: (o, now) => [
    o.metadata.name!,
    orNotApplicable(o.spec?.minAvailable),
    orNotApplicable(o.spec?.maxUnavailable),
    o.status?.disruptionsAllowed ?? 0,
    age(o.metadata.creationTimestamp, now),
  ],
};
