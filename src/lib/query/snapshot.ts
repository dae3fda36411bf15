import type { DatasetManifest } from '$lib/model/manifest';

/** A cell as JSON can keep it: DuckDB's BIGINTs become numbers, everything else is as given. */
export type SnapshotCell = string | number | boolean | null;

/**
 * A query answered at build time, shipped inside the page's JavaScript so a default view
 * can be drawn before DuckDB has started. The SQL travels with the result: a page only uses
 * a snapshot of the very query it is about to run live.
 */
export interface QuerySnapshot {
  sql: string;
  /** The dataset's manifest entry, so the source line is right from the first paint. */
  dataset: DatasetManifest;
  /**
   * The entry holds only the codes this view selects and its answer names (a board's chart,
   * which has no pickers): enough to draw it, not to offer the dataset's other codes.
   */
  datasetTrimmed?: true;
  rowCount: number;
  /** The result's columns in DuckDB's order, one array of cells each. */
  columns: Record<string, SnapshotCell[]>;
}

/** What the result readers (observationsFromTable, transformedRowsFromTable) ask of a table. */
export interface ColumnTable {
  numRows: number;
  getChild(name: string): { get(index: number): unknown } | null;
}

function cell(value: unknown): SnapshotCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    return value;
  return String(value);
}

/** The snapshot of `sql` from the live result (an Arrow table) and the dataset it read. */
export function snapshotFromTable(
  sql: string,
  dataset: DatasetManifest,
  table: ColumnTable & { schema: { fields: { name: string }[] } }
): QuerySnapshot {
  const columns: Record<string, SnapshotCell[]> = {};
  for (const { name } of table.schema.fields) {
    const column = table.getChild(name);
    columns[name] = Array.from({ length: table.numRows }, (_, i) => cell(column?.get(i)));
  }
  return { sql, dataset, rowCount: table.numRows, columns };
}

/**
 * The snapshot as a table the result readers accept, when it answers exactly `sql`; null
 * when the query has changed since the build, so the caller waits for the live result
 * instead of showing numbers of another view.
 */
export function snapshotTable(snapshot: QuerySnapshot, sql: string): ColumnTable | null {
  if (snapshot.sql !== sql) return null;
  return {
    numRows: snapshot.rowCount,
    getChild(name) {
      const column = Object.hasOwn(snapshot.columns, name) ? snapshot.columns[name] : null;
      return column ? { get: (index: number) => column[index] } : null;
    }
  };
}

/** The first of `snapshots` that answers exactly `sql`, as a table; null when none does. */
export function findSnapshotTable(
  snapshots: readonly QuerySnapshot[],
  sql: string
): { table: ColumnTable; dataset: DatasetManifest } | null {
  for (const snapshot of snapshots) {
    const table = snapshotTable(snapshot, sql);
    if (table) return { table, dataset: snapshot.dataset };
  }
  return null;
}
