/**
 * How fast duckdb-wasm takes a long table, by the layout it is stored in, and what that layout
 * costs a typical explorer query. Run with `npx tsx bench/load-layouts.ts [megabytes]`: it
 * reads the first `megabytes` (default 34, about 5 million rows) of the import bench's
 * generated TSV with the app's own reader and Arrow writer, then loads the stream three times
 * per layout, interleaved, under Node with the same duckdb-wasm build the browser runs.
 * The import bench (`npm run bench -- --only import`) writes the TSV on its first run.
 */
import { closeSync, existsSync, openSync, readSync } from 'node:fs';
import { loadavg } from 'node:os';
import {
  DataType,
  RecordBatchReader,
  Table,
  makeData,
  makeVector,
  tableToIPC,
  type Vector
} from 'apache-arrow';
import { readEurostatTsv } from '../src/lib/ingest/eurostat-tsv';
import { longDatasetToArrow } from '../src/lib/ingest/arrow';
import { quoteIdent, quoteLiteral } from '../src/lib/db/engine';
import { openNodeConnection } from '../src/lib/db/node-engine';

const SOURCE = '/tmp/cooperare-bench-data/estat_bench_import_200mb.tsv';
const RUNS = 3;
const megabytes = Number(process.argv[2] ?? 34);

/** The first whole lines of the bench's file, up to `megabytes`. */
function head(file: string, bytes: number): Uint8Array {
  if (!existsSync(file))
    throw new Error(`${file} is missing: run \`npm run bench -- --only import\` once to write it.`);
  const buffer = new Uint8Array(bytes);
  const fd = openSync(file, 'r');
  const read = readSync(fd, buffer, 0, bytes, 0);
  closeSync(fd);
  const end = buffer.lastIndexOf(10, read - 1);
  return buffer.subarray(0, end + 1);
}

type Conn = Awaited<ReturnType<typeof openNodeConnection>>;

const q = quoteIdent;
const lit = quoteLiteral;

/** The string columns of the stream and the distinct values their dictionaries hold. */
function dictionaries(table: Table): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const field of table.schema.fields) {
    if (!DataType.isDictionary(field.type)) continue;
    const column = table.getChild(field.name) as Vector;
    const values = new Set<string>();
    for (const chunk of column.data)
      for (const value of chunk.dictionary ?? []) if (value !== null) values.add(String(value));
    found.set(field.name, [...values].sort());
  }
  return found;
}

function enumDdl(name: string, table: Table, enums: Map<string, string[]>): string[] {
  const statements: string[] = [];
  const columns = table.schema.fields.map((field) => {
    const values = enums.get(field.name);
    if (!values) return `${q(field.name)} DOUBLE`;
    const type = `${name}__${field.name}`;
    statements.push(`DROP TYPE IF EXISTS ${q(type)}`);
    statements.push(`CREATE TYPE ${q(type)} AS ENUM (${values.map(lit).join(', ')})`);
    return `${q(field.name)} ${q(type)}`;
  });
  statements.push(`CREATE TABLE ${q(name)} (${columns.join(', ')})`);
  return statements;
}

function dropAll(conn: Conn) {
  for (const row of conn.query(`SELECT view_name FROM duckdb_views() WHERE NOT internal`).toArray())
    conn.query(`DROP VIEW ${q(String(row.view_name))}`);
  for (const row of conn.query(`SELECT table_name FROM duckdb_tables()`).toArray())
    conn.query(`DROP TABLE ${q(String(row.table_name))}`);
  for (const row of conn
    .query(`SELECT type_name FROM duckdb_types() WHERE logical_type = 'ENUM' AND NOT internal`)
    .toArray())
    conn.query(`DROP TYPE ${q(String(row.type_name))}`);
}

/** Each strategy loads the stream as table `t` (or a view `t` over it). */
type Strategy = (conn: Conn, ipc: Uint8Array, table: Table) => void;

function batchesOf(table: Table, size: number): Uint8Array {
  const slices: Table[] = [];
  for (let start = 0; start < table.numRows; start += size)
    slices.push(table.slice(start, start + size));
  const batches = slices.flatMap((slice) => slice.batches);
  return tableToIPC(new Table(table.schema, batches), 'stream');
}

/** The stream with each dictionary column's positions as plain integers: no strings at all. */
function positionsOnly(table: Table): Uint8Array {
  const columns: Record<string, Vector> = {};
  for (const field of table.schema.fields) {
    const column = table.getChild(field.name) as Vector;
    if (!DataType.isDictionary(field.type)) columns[field.name] = column;
    else {
      // The app's writer makes one record batch; more would need one slice each.
      if (column.data.length !== 1) throw new Error('Expected a single record batch.');
      const [chunk] = column.data;
      columns[field.name] = makeVector(
        makeData({
          type: field.type.indices,
          length: chunk.length,
          nullCount: chunk.nullCount,
          nullBitmap: chunk.nullBitmap,
          data: chunk.values
        })
      );
    }
  }
  return tableToIPC(new Table(columns), 'stream');
}

const strategies: Record<string, Strategy> = {
  'a. create:true (VARCHAR)': (conn, ipc) => {
    conn.insertArrowFromIPCStream(ipc, { name: 't', create: true });
  },
  'b. ENUM types, CREATE TABLE, insert create:false': (conn, ipc, table) => {
    for (const sql of enumDdl('t', table, dictionaries(table))) conn.query(sql);
    conn.insertArrowFromIPCStream(ipc, { name: 't', create: false });
  },
  'c. staging VARCHAR, then CTAS with CAST to ENUM': (conn, ipc, table) => {
    conn.insertArrowFromIPCStream(ipc, { name: 'staging', create: true });
    const enums = dictionaries(table);
    for (const sql of enumDdl('t', table, enums).slice(0, -1)) conn.query(sql);
    const select = table.schema.fields
      .map((f) => (enums.has(f.name) ? `CAST(${q(f.name)} AS ${q(`t__${f.name}`)})` : q(f.name)))
      .map((expr, i) => `${expr} AS ${q(table.schema.fields[i].name)}`);
    conn.query(`CREATE TABLE t AS SELECT ${select.join(', ')} FROM staging`);
    conn.query('DROP TABLE staging');
  },
  'd1. ENUM table, stream in batches of 122 880 rows': (conn, _ipc, table) => {
    for (const sql of enumDdl('t', table, dictionaries(table))) conn.query(sql);
    conn.insertArrowFromIPCStream(batchesOf(table, 122_880), { name: 't', create: false });
  },
  // insertArrowTable only writes the table to an IPC stream and calls the above.
  'd2. VARCHAR table created first, insert create:false': (conn, ipc, table) => {
    const columns = table.schema.fields.map(
      (f) => `${q(f.name)} ${DataType.isDictionary(f.type) ? 'VARCHAR' : 'DOUBLE'}`
    );
    conn.query(`CREATE TABLE t (${columns.join(', ')})`);
    conn.insertArrowFromIPCStream(ipc, { name: 't', create: false });
  },
  'd3. ENUM dimensions only, time and flag VARCHAR': (conn, ipc, table) => {
    const enums = dictionaries(table);
    enums.delete('time');
    enums.delete('flag');
    const ddl = enumDdl('t', table, enums).map((sql) =>
      sql.startsWith('CREATE TABLE')
        ? sql.replace('"time" DOUBLE', '"time" VARCHAR').replace('"flag" DOUBLE', '"flag" VARCHAR')
        : sql
    );
    for (const sql of ddl) conn.query(sql);
    conn.insertArrowFromIPCStream(ipc, { name: 't', create: false });
  },
  // Not a layout the app could use: the floor, what the load costs without any strings.
  'z. floor: dictionary positions as integers': (conn, _ipc, table) => {
    conn.insertArrowFromIPCStream(positionsOnly(table), { name: 't', create: true });
  }
};

function median(values: number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[Math.floor(sorted.length / 2)];
}

const load = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');

async function main() {
  const bytes = head(SOURCE, megabytes * 1e6);
  const dataset = readEurostatTsv(bytes, 'estat_bench_load_layouts.tsv');
  const table = longDatasetToArrow(dataset);
  const ipc = tableToIPC(table, 'stream');
  // The stream a page would get: read back, so dictionaries come from the IPC as they would.
  const streamed = new Table(RecordBatchReader.from(ipc).readAll());
  console.log(
    `${(bytes.length / 1e6).toFixed(1)} MB TSV → ${dataset.rowCount.toLocaleString('en')} rows, ` +
      `stream ${(ipc.length / 1e6).toFixed(1)} MB; load average ${load()}`
  );
  const conn = await openNodeConnection();
  console.log(`DuckDB ${String(conn.query('PRAGMA version').toArray()[0].library_version)}`);

  const times = new Map<string, number[]>(Object.keys(strategies).map((k) => [k, []]));
  for (let run = 0; run < RUNS; run++) {
    for (const [label, strategy] of Object.entries(strategies)) {
      dropAll(conn);
      const started = performance.now();
      strategy(conn, ipc.slice(), streamed);
      times.get(label)!.push(performance.now() - started);
      const count = Number(conn.query('SELECT count(*) AS n FROM t').toArray()[0].n);
      if (count !== dataset.rowCount) throw new Error(`${label}: ${count} rows`);
    }
    console.log(`run ${run + 1} done, load average ${load()}`);
  }
  for (const [label, ms] of times)
    console.log(
      `${label.padEnd(52)} median ${median(ms).toFixed(0).padStart(6)} ms  runs ${ms.map((x) => x.toFixed(0)).join(' / ')}`
    );

  // A typical explorer read: some countries, one code for every other dimension, by time.
  dropAll(conn);
  conn.insertArrowFromIPCStream(ipc.slice(), { name: 'plain', create: true });
  for (const sql of enumDdl('enum_t', streamed, dictionaries(streamed))) conn.query(sql);
  conn.insertArrowFromIPCStream(ipc.slice(), { name: 'enum_t', create: false });
  const names = streamed.schema.fields.map((f) => f.name);
  const dims = names.filter((n) => !['time', 'value', 'flag'].includes(n));
  conn.query(
    `CREATE VIEW enum_view AS SELECT ${names
      .map((n) => (n === 'value' ? q(n) : `CAST(${q(n)} AS VARCHAR) AS ${q(n)}`))
      .join(', ')} FROM enum_t`
  );
  const geos = dictionaries(streamed).get('geo')!.slice(0, 5);
  const first = conn.query(`SELECT ${dims.map(q).join(', ')} FROM plain LIMIT 1`).toArray()[0];
  // How a literal meets the column: as a string, or turned into the column's ENUM first (a
  // code the ENUM lacks becomes NULL), which is what lets DuckDB compare the ENUM's numbers.
  type Literal = (column: string, value: string) => string;
  const asText: Literal = (_, value) => lit(value);
  const asEnum: Literal = (column, value) => `TRY_CAST(${lit(value)} AS ${q(`enum_t__${column}`)})`;
  const where = (literal: Literal) =>
    [
      `geo IN (${[...geos, 'NOT_A_CODE'].map((g) => literal('geo', g)).join(', ')})`,
      ...dims.filter((d) => d !== 'geo').map((d) => `${q(d)} = ${literal(d, String(first[d]))}`),
      `"time" >= ${literal('time', '2012-01')}`
    ].join(' AND ');
  const layouts: Record<string, [string, Literal]> = {
    'VARCHAR table': ['plain', asText],
    'ENUM table': ['enum_t', asText],
    'ENUM table, literals cast to the ENUM': ['enum_t', asEnum],
    'VARCHAR view over the ENUM table': ['enum_view', asText]
  };
  const queries: Record<string, (t: string, literal: Literal) => string> = {
    series: (t, literal) =>
      `SELECT CAST(geo AS VARCHAR) AS series, CAST("time" AS VARCHAR) AS time, value, CAST(flag AS VARCHAR) AS flag FROM ${t} WHERE ${where(literal)} ORDER BY series, time`,
    'by time': (t, literal) =>
      `SELECT CAST("time" AS VARCHAR) AS time, sum(value) AS value FROM ${t} WHERE ${where(literal)} GROUP BY "time" ORDER BY time`,
    'codes in use': (t) =>
      `SELECT CAST(iccs AS VARCHAR) AS code, count(*) AS n FROM ${t} GROUP BY iccs ORDER BY code`
  };
  const plainJson = (result: Table) =>
    JSON.stringify(result.toArray(), (_, v: unknown) => (typeof v === 'bigint' ? Number(v) : v));
  for (const [label, sql] of Object.entries(queries)) {
    const results = new Map<string, number[]>(Object.keys(layouts).map((k) => [k, []]));
    const answers = new Set<string>();
    for (let run = 0; run < 7; run++)
      for (const [layout, [t, literal]] of Object.entries(layouts)) {
        const started = performance.now();
        const result = conn.query(sql(t, literal));
        results.get(layout)!.push(performance.now() - started);
        answers.add(plainJson(result));
      }
    if (answers.size !== 1) throw new Error(`${label}: the layouts disagree`);
    console.log(`query "${label}" (median of 7, interleaved; load average ${load()})`);
    for (const [layout, ms] of results)
      console.log(`  ${layout.padEnd(40)} ${median(ms).toFixed(1).padStart(7)} ms`);
  }
}

await main();
