import pg from 'pg';

/** Every row of every application table (schema public), keyed by table and id. */
export type DatabaseRows = Map<string, Record<string, unknown>>;

export interface RowChange {
  table: string;
  id: string;
  change: 'added' | 'removed' | 'changed';
  columns?: string[];
  /** The row's organization_id column, where it has one. */
  organizationId?: unknown;
}

export async function readAllRows(databaseUrl: string): Promise<DatabaseRows> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const tables = await client.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> 'migrations' ORDER BY table_name`,
    );
    const rows: DatabaseRows = new Map();
    for (const { table_name: table } of tables.rows) {
      const result = await client.query<{ row: Record<string, unknown> }>(`SELECT to_jsonb(t) AS row FROM "${table}" t`);
      for (const { row } of result.rows) {
        // Tables without an id column are keyed by their whole content: any change shows as removed + added.
        const id = typeof row.id === 'string' || typeof row.id === 'number' ? String(row.id) : JSON.stringify(row);
        rows.set(`${table}|${id}`, row);
      }
    }
    return rows;
  } finally {
    await client.end();
  }
}

export function rowChanges(before: DatabaseRows, after: DatabaseRows): RowChange[] {
  const changes: RowChange[] = [];
  const split = (key: string) => {
    const at = key.indexOf('|');
    return { table: key.slice(0, at), id: key.slice(at + 1) };
  };
  for (const [key, row] of before) {
    const now = after.get(key);
    if (!now) changes.push({ ...split(key), change: 'removed', organizationId: row.organization_id });
    else {
      const columns = [...new Set([...Object.keys(row), ...Object.keys(now)])].filter((c) => JSON.stringify(row[c]) !== JSON.stringify(now[c]));
      if (columns.length) changes.push({ ...split(key), change: 'changed', columns, organizationId: now.organization_id });
    }
  }
  for (const [key, row] of after) if (!before.has(key)) changes.push({ ...split(key), change: 'added', organizationId: row.organization_id });
  return changes;
}
