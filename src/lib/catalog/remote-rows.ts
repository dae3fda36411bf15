/**
 * The rows of a remote dataset that views have asked for, kept in DuckDB under the
 * dataset's id so the same SQL as for any other dataset runs on them. Each new selection
 * reads only its rows from the file (row groups skipped by statistics, the long shape's
 * columns only) and adds those not yet there; a selection whose rows were already read
 * (going back to an earlier view) fetches nothing. The table only grows, so a query running
 * while another selection loads still finds its rows.
 */

import { Table, tableToIPC, type Vector } from 'apache-arrow';
import type { FileMetaData } from 'hyparquet';
import type { SqlEngine } from '../db/engine';
import { quoteIdent } from '../db/engine';
import { float64Vector, utf8Vector } from '../ingest/arrow';
import { readParquetSelection } from '../ingest/remote-parquet';
import type { RangeFile } from '../ingest/range-file';
import { openRemoteParquet } from './remote-file';
import { remoteReads } from './remote-reads.svelte';
import type { DatasetManifest } from '$lib/model/manifest';

/** Dimension id → codes; a dimension left out is read whole. */
export type RowFilters = Record<string, readonly string[]>;

export type RemoteReadPlan =
  { read: false } | { read: true; filters: Record<string, string[]>; columns: string[] };

/**
 * What a read must ask the file for: codes the dataset has, per dimension; a dimension
 * with every code chosen, or not filtered, is not filtered. Periods are never filtered,
 * so the transforms can reach before the window and a new time window needs no read.
 */
export function readFilters(
  manifest: DatasetManifest,
  filters: RowFilters
): Record<string, string[]> | null {
  const result: Record<string, string[]> = {};
  for (const dimension of manifest.dimensions) {
    const chosen = filters[dimension.id];
    if (chosen === undefined) continue;
    const known = new Set(dimension.codes.map((c) => c.code));
    const codes = [...new Set(chosen)].filter((code) => known.has(code)).sort();
    // No code the file has: no row can match, there is nothing to read.
    if (codes.length === 0) return null;
    if (codes.length < known.size) result[dimension.id] = codes;
  }
  return result;
}

/** Whether every row `wanted` selects is among the rows `loaded` selected. */
export function covers(loaded: RowFilters, wanted: RowFilters): boolean {
  return Object.entries(loaded).every(([dimension, codes]) => {
    const asked = wanted[dimension];
    if (asked === undefined) return false;
    const have = new Set(codes);
    return asked.every((code) => have.has(code));
  });
}

/** Whether to read, and with which filters and columns, given the selections already read. */
export function planRemoteRead(
  manifest: DatasetManifest,
  filters: RowFilters,
  loaded: readonly RowFilters[]
): RemoteReadPlan {
  const wanted = readFilters(manifest, filters);
  if (wanted === null || loaded.some((done) => covers(done, wanted))) return { read: false };
  const columns = [...manifest.dimensions.map((d) => d.id), 'time', 'value', 'flag'];
  return { read: true, filters: wanted, columns };
}

/** Rows as hyparquet gives them, as Arrow IPC in the long shape (on the page: see utf8Vector). */
export function rowsToIpc(manifest: DatasetManifest, rows: Record<string, unknown>[]): Uint8Array {
  const text = (cell: unknown) =>
    cell === null || cell === undefined || cell === '' ? null : String(cell);
  const columns: Record<string, Vector> = {};
  for (const d of manifest.dimensions) columns[d.id] = utf8Vector(rows.map((r) => text(r[d.id])));
  columns.time = utf8Vector(rows.map((r) => text(r.time)));
  columns.value = float64Vector(
    Float64Array.from(rows, (r) =>
      r.value === null || r.value === undefined ? NaN : Number(r.value)
    )
  );
  columns.flag = utf8Vector(rows.map((r) => text(r.flag)));
  return tableToIPC(new Table(columns), 'stream');
}

/**
 * SQL: the empty table a remote dataset starts as, with the long shape's types. It replaces
 * any earlier one, as the record of what was read is forgotten at the same time (a
 * catalogue change: the file may have been deleted and another added under the same id).
 */
export function remoteTableSql(manifest: DatasetManifest): string {
  const dimensions = manifest.dimensions.map((d) => `${quoteIdent(d.id)} VARCHAR`);
  return `CREATE OR REPLACE TABLE ${quoteIdent(manifest.id)} (${[
    ...dimensions,
    '"time" VARCHAR',
    'value DOUBLE',
    'flag VARCHAR'
  ].join(', ')})`;
}

/** SQL: adds the rows of `staging` whose codes and period are not in the table yet. */
export function appendNewRowsSql(manifest: DatasetManifest, staging: string): string {
  const table = quoteIdent(manifest.id);
  const keys = [...manifest.dimensions.map((d) => d.id), 'time'].map(quoteIdent);
  const columns = [...keys, 'value', 'flag'];
  return [
    `INSERT INTO ${table} (${columns.join(', ')})`,
    `SELECT ${columns.map((c) => `CAST(s.${c} AS ${c === 'value' ? 'DOUBLE' : 'VARCHAR'})`).join(', ')}`,
    `FROM ${quoteIdent(staging)} AS s WHERE NOT EXISTS (SELECT 1 FROM ${table} AS t WHERE`,
    `${keys.map((k) => `t.${k} = CAST(s.${k} AS VARCHAR)`).join(' AND ')})`
  ].join(' ');
}

interface RemoteState {
  opened: Promise<{ file: RangeFile; metadata: FileMetaData }>;
  loaded: RowFilters[];
  /** Loads of one dataset run one after another, so two never fetch the same rows. */
  queue: Promise<unknown>;
}

const states = new Map<string, RemoteState>();
let stagingCount = 0;

/** Forgets what was loaded (the engine restarted, or the catalogue changed). */
export function forgetRemoteRows(): void {
  states.clear();
}

function stateOf(manifest: DatasetManifest): RemoteState {
  let state = states.get(manifest.id);
  if (!state) {
    const opened = openRemoteParquet(manifest.url ?? manifest.file).then((result) => {
      if ('message' in result) throw new Error(result.message);
      return result;
    });
    state = { opened, loaded: [], queue: Promise.resolve() };
    // A failed open is tried again on the next view rather than remembered.
    opened.catch(() => states.delete(manifest.id));
    states.set(manifest.id, state);
  }
  return state;
}

async function load(
  engine: SqlEngine,
  manifest: DatasetManifest,
  state: RemoteState,
  filters: RowFilters
) {
  const plan = planRemoteRead(manifest, filters, state.loaded);
  if (!plan.read) {
    remoteReads[manifest.id] = { kind: 'cached' };
    return;
  }
  const { file, metadata } = await state.opened;
  const { rows, cost } = await readParquetSelection(file, plan, metadata);
  if (rows.length > 0) {
    const staging = `${manifest.id}__remote_${++stagingCount}`;
    await engine.insertArrowIpc(staging, rowsToIpc(manifest, rows));
    try {
      await engine.query(appendNewRowsSql(manifest, staging));
    } finally {
      await engine.query(`DROP TABLE IF EXISTS ${quoteIdent(staging)}`);
    }
  }
  state.loaded.push(plan.filters);
  remoteReads[manifest.id] = { kind: 'read', cost, rows: rows.length };
}

/**
 * Puts the rows of `filters` into the remote dataset's table (created empty by the
 * caller), reading the file only for rows not already there.
 */
export function loadRemoteRows(
  engine: SqlEngine,
  manifest: DatasetManifest,
  filters: RowFilters
): Promise<void> {
  const state = stateOf(manifest);
  const next = state.queue.then(() => load(engine, manifest, state, filters));
  state.queue = next.catch(() => undefined);
  return next;
}

/**
 * The rows a preview search needs from a remote file: each term that is a code of a
 * dimension selects it there (periods are not filtered). With no such term, the first code
 * of the first dimension that has several, so an unsearched preview stays a small read.
 */
export function searchFilters(
  manifest: DatasetManifest,
  terms: readonly string[]
): { filters: RowFilters; fallback: { dimension: string; code: string } | null } {
  const filters: Record<string, string[]> = {};
  for (const dimension of manifest.dimensions) {
    const codes = dimension.codes.map((c) => c.code).filter((code) => terms.includes(code));
    if (codes.length > 0) filters[dimension.id] = codes;
  }
  if (Object.keys(filters).length > 0) return { filters, fallback: null };
  const first = manifest.dimensions.find((d) => d.codes.length > 1) ?? manifest.dimensions[0];
  const code = first?.codes[0]?.code;
  if (!first || code === undefined) return { filters: {}, fallback: null };
  return { filters: { [first.id]: [code] }, fallback: { dimension: first.id, code } };
}
