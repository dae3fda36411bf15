import type { DatasetManifest } from '../catalog/types';
import { observationsFromTable, type ObservationRow } from './series';

/** One result row of seriesSql, exactly as DuckDB returned it. */
export interface SnapshotRow {
  series: string;
  time: string;
  value: number | null;
  flag: string | null;
}

/**
 * A series query answered at build time, shipped inside the page's JavaScript so a default
 * view can be drawn before DuckDB has started. The SQL travels with the rows: a page only
 * uses a snapshot of the very query it is about to run live.
 */
export interface QuerySnapshot {
  sql: string;
  /** The dataset's manifest entry, so the source line is right from the first paint. */
  dataset: DatasetManifest;
  rows: SnapshotRow[];
}

/** The snapshot of `sql`, built from the live result and the dataset it read. */
export function snapshotFromTable(
  sql: string,
  dataset: DatasetManifest,
  table: Parameters<typeof observationsFromTable>[0]
): QuerySnapshot {
  const rows = observationsFromTable(table).map(({ series, period, value, flag }) => ({
    series,
    time: period,
    value,
    flag
  }));
  return { sql, dataset, rows };
}

/**
 * The snapshot's rows as observations when it answers exactly `sql`; null when the query
 * has changed since the build, so the caller waits for the live result instead of
 * showing numbers of another view.
 */
export function snapshotObservations(
  snapshot: QuerySnapshot,
  sql: string
): ObservationRow[] | null {
  if (snapshot.sql !== sql) return null;
  return snapshot.rows.map(({ series, time, value, flag }) => ({
    series,
    period: time,
    value,
    flag
  }));
}
