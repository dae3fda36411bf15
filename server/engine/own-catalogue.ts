import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { tableFromIPC } from 'apache-arrow';
import type { DatasetManifest, Manifest } from '../../src/lib/model/manifest';
import { periodOrdinalSql } from '../../src/lib/model/period';
import { quoteIdent, quoteLiteral } from '../../src/lib/db/engine';
import { copyTable } from './copy-table';

/**
 * The engine's own catalogue: an in-memory DuckDB database attached beside the source (which
 * is read-only) before the configuration is locked, where the service writes what it
 * computes or adds. Clients read it with SELECT like the rest; the statement check
 * (guard.ts) refuses every statement that would write, create or drop there, as anywhere.
 */
export const OWN_CATALOGUE = 'cooperare_engine';

export async function attachOwnCatalogue(connection: DuckDBConnection): Promise<void> {
  await connection.run(`ATTACH ':memory:' AS ${OWN_CATALOGUE}`);
  await connection.run(`CREATE SCHEMA ${OWN_CATALOGUE}.runs`);
}

/**
 * The population table that rates per 100 000 inhabitants join (the transforms' SQL names it
 * `demo_gind`). The browser holds the shipped one; the engine holds it too, in its own
 * catalogue, unless the source has a table or view of that name: then the source's is used.
 */
export const POPULATION = 'demo_gind';

/** Copies the shipped population table into the own catalogue unless `source` has one. */
export async function holdPopulation(
  connection: DuckDBConnection,
  source: string,
  datasetsDir: string
): Promise<boolean> {
  const found = await connection.runAndReadAll(
    `SELECT 1 FROM duckdb_tables() WHERE database_name = ${quoteLiteral(source)} AND ` +
      `schema_name = 'main' AND table_name = ${quoteLiteral(POPULATION)} UNION ALL ` +
      `SELECT 1 FROM duckdb_views() WHERE database_name = ${quoteLiteral(source)} AND ` +
      `schema_name = 'main' AND view_name = ${quoteLiteral(POPULATION)}`
  );
  if (found.currentRowCount > 0) return false;
  const manifest = JSON.parse(
    await readFile(path.join(datasetsDir, 'manifest.json'), 'utf8')
  ) as Manifest;
  const shipped = manifest.datasets.find((d) => d.id === POPULATION);
  if (!shipped) throw new Error(`${datasetsDir}/manifest.json lists no ${POPULATION}.`);
  const table = tableFromIPC(await readFile(path.join(datasetsDir, shipped.file)));
  await copyTable(connection, POPULATION, table, OWN_CATALOGUE);
  return true;
}

/** The SQL name of the table of runs of `datasetId`, as GET /datasets gives it. */
export const runsTableName = (datasetId: string) =>
  `${OWN_CATALOGUE}.runs.${quoteIdent(datasetId)}`;

/**
 * Rows of the source read at once while the runs are built: the series are gathered in
 * memory (every period of each), so a table of 100 million rows is built in slices of one
 * dimension's codes, each of about this many rows.
 */
const SLICE_ROWS = 5_000_000;

/**
 * Conditions that split a dimension's values into slices of about `sliceRows` rows, by the
 * manifest's row count of each code: half-open ranges between codes, so every value (and a
 * null) is in exactly one slice whatever order the manifest lists the codes in. The
 * dimension is the one whose largest code has the fewest rows (the regions, not the
 * frequency), so the slices come closest to the size; a series, which has one code of it, is
 * in one slice.
 */
export function slicesOf(manifest: DatasetManifest, sliceRows = SLICE_ROWS): string[] {
  const largest = (codes: { rows: number }[]) => Math.max(0, ...codes.map((c) => c.rows));
  const dimension = [...manifest.dimensions]
    .filter((d) => d.codes.length > 1)
    .sort((a, b) => largest(a.codes) - largest(b.codes))[0];
  if (!dimension || manifest.rowCount <= sliceRows) return ['TRUE'];
  const codes = [...dimension.codes].sort((a, b) => (a.code < b.code ? -1 : 1));
  const bounds: string[] = [];
  let rows = 0;
  for (const code of codes) {
    if (rows >= sliceRows) {
      bounds.push(code.code);
      rows = 0;
    }
    rows += code.rows;
  }
  const column = quoteIdent(dimension.id);
  if (bounds.length === 0) return ['TRUE'];
  return [
    `(${column} < ${quoteLiteral(bounds[0])} OR ${column} IS NULL)`,
    ...bounds.map((bound, i) =>
      i + 1 < bounds.length
        ? `${column} >= ${quoteLiteral(bound)} AND ${column} < ${quoteLiteral(bounds[i + 1])}`
        : `${column} >= ${quoteLiteral(bound)}`
    )
  ];
}

/**
 * SQL: for every series of `table` (each combination of its dimensions' codes) under
 * `slice`, the runs of consecutive periods with a value, as the series' codes, `first` and
 * `last` (text). Each series' periods are gathered into a list sorted by ordinal, and a run
 * starts where a period is not the one after the period before it: a hash aggregate and a
 * sort of each series, where a window over the table (coverageRunsSql's way) sorts all of
 * it at once, 4 times slower on 100 million rows. A text that is no period is a run of its
 * own, as in coverageRunsSql.
 */
export function seriesRunsSql(table: string, dimensions: readonly string[], slice: string) {
  const keys = dimensions.map((d) => `${quoteIdent(d)}, `).join('');
  const codes = dimensions
    .map((d) => `CAST(${quoteIdent(d)} AS VARCHAR) AS ${quoteIdent(d)}, `)
    .join('');
  const each = 'range(1, len(l) + 1)';
  return [
    `WITH seen AS (SELECT ${codes}CAST("time" AS VARCHAR) AS period FROM ${table}`,
    `WHERE value IS NOT NULL AND ${slice}),`,
    `series AS (SELECT ${keys}list_sort(list({'o': ${periodOrdinalSql('period')}, 'p': period}))`,
    `AS l FROM seen GROUP BY ALL),`,
    `bounds AS (SELECT ${keys}l,`,
    `list_filter(${each}, i -> i = 1 OR l[i].o IS NULL OR l[i - 1].o IS NULL`,
    `OR l[i].o > l[i - 1].o + 1) AS starts,`,
    `list_filter(${each}, i -> i = len(l) OR l[i].o IS NULL OR l[i + 1].o IS NULL`,
    `OR l[i + 1].o > l[i].o + 1) AS ends FROM series)`,
    `SELECT ${keys}l[unnest(starts)].p AS "first", l[unnest(ends)].p AS "last" FROM bounds`
  ].join(' ');
}

/**
 * Builds the table of runs of one dataset of `source` into the own catalogue and returns its
 * rows. The table is named in GET /datasets only once this returns, so a client never reads
 * a half-built one through the protocol.
 */
export async function buildRunsTable(
  connection: DuckDBConnection,
  source: string,
  manifest: DatasetManifest,
  sliceRows = SLICE_ROWS
): Promise<number> {
  const name = runsTableName(manifest.id);
  const dimensions = manifest.dimensions.map((d) => d.id);
  const columns = [...dimensions, 'first', 'last']
    .map((c) => `${quoteIdent(c)} VARCHAR`)
    .join(', ');
  await connection.run(`DROP TABLE IF EXISTS ${name}`);
  await connection.run(`CREATE TABLE ${name} (${columns})`);
  const table = `${quoteIdent(source)}.main.${quoteIdent(manifest.id)}`;
  for (const slice of slicesOf(manifest, sliceRows)) {
    await connection.run(`INSERT INTO ${name} ${seriesRunsSql(table, dimensions, slice)}`);
  }
  const count = await connection.runAndReadAll(`SELECT count(*) FROM ${name}`);
  return Number(count.getRowsJS()[0][0]);
}
