/**
 * How fast duckdb-wasm takes a long table, by the layout it is stored in, and what that layout
 * costs a typical explorer query. Run with `npx tsx bench/load-layouts.ts [megabytes]`: it
 * reads the first `megabytes` (default 34, about 5 million rows) of the import bench's
 * generated TSV with the app's own reader and Arrow writer, then loads the stream three times
 * per layout, interleaved, under Node with the same duckdb-wasm build the browser runs.
 * The TSV is the import bench's (bench/import-throughput.ts), written here if it is missing.
 * A second argument picks the loads by letter (`a,e,z`).
 */
import { closeSync, existsSync, openSync, readSync } from 'node:fs';
import { loadavg } from 'node:os';
import {
  DataType,
  Uint16,
  Uint32,
  Uint8,
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
import { generatedTsv } from './import-throughput';

const SOURCE = '/tmp/cooperare-bench-data/estat_bench_import_200mb.tsv';
const RUNS = 3;
const megabytes = Number(process.argv[2] ?? 34);
/** Which loads to time, by their letter (`a,e,z`); all when not given. */
const only = process.argv[3]?.split(',');

/** The first whole lines of the bench's file, up to `megabytes`. */
async function head(file: string, bytes: number): Promise<Uint8Array> {
  if (!existsSync(file)) await generatedTsv(200);
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

/**
 * The stream with the dictionary columns `picked` names turned into their positions as plain
 * integers: signed as the dictionary's indices are, or `unsigned` (UTINYINT for at most 255
 * codes, else USMALLINT), as a table of codes by number would store them.
 */
function withPositions(table: Table, picked: (name: string) => boolean, unsigned: boolean) {
  const columns: Record<string, Vector> = {};
  for (const field of table.schema.fields) {
    const column = table.getChild(field.name) as Vector;
    if (!DataType.isDictionary(field.type) || !picked(field.name)) {
      columns[field.name] = column;
      continue;
    }
    // The app's writer makes one record batch; more would need one slice each.
    if (column.data.length !== 1) throw new Error('Expected a single record batch.');
    const [chunk] = column.data;
    const values = chunk.values as Int8Array | Int16Array | Int32Array;
    const [type, data] = !unsigned
      ? [field.type.indices, values]
      : values instanceof Int8Array
        ? [new Uint8(), new Uint8Array(values.buffer, values.byteOffset, values.length)]
        : values instanceof Int16Array
          ? [new Uint16(), new Uint16Array(values.buffer, values.byteOffset, values.length)]
          : [new Uint32(), new Uint32Array(values.buffer, values.byteOffset, values.length)];
    columns[field.name] = makeVector(
      makeData({
        type,
        length: chunk.length,
        nullCount: chunk.nullCount,
        nullBitmap: chunk.nullBitmap,
        data
      } as Parameters<typeof makeData>[0])
    );
  }
  return tableToIPC(new Table(columns), 'stream');
}

/** The stream with each dictionary column's positions as plain integers: no strings at all. */
const positionsOnly = (table: Table) => withPositions(table, () => true, false);

/** The dimension columns' dictionaries: per column, its codes in the order of their positions. */
function codeLists(table: Table, dims: string[]): Map<string, string[]> {
  const lists = new Map<string, string[]>();
  for (const name of dims) {
    const [chunk] = (table.getChild(name) as Vector).data;
    lists.set(name, [...(chunk.dictionary ?? [])].map(String));
  }
  return lists;
}

const dimensionsOf = (table: Table) =>
  table.schema.fields.map((f) => f.name).filter((n) => !['time', 'value', 'flag'].includes(n));

/** The stream with each dimension's positions unsigned; time and flag stay dictionary strings. */
function dimensionPositions(table: Table): Uint8Array {
  const dims = new Set(dimensionsOf(table));
  return withPositions(table, (name) => dims.has(name), true);
}

/** One small table per dimension (`t__geo`: id, code), from the stream's dictionaries. */
function codeTables(conn: Conn, name: string, table: Table) {
  for (const [dim, codes] of codeLists(table, dimensionsOf(table))) {
    conn.query(`CREATE TABLE ${q(`${name}__${dim}`)} (id USMALLINT, code VARCHAR)`);
    conn.query(
      `INSERT INTO ${q(`${name}__${dim}`)} VALUES ${codes.map((c, i) => `(${i}, ${lit(c)})`).join(', ')}`
    );
  }
}

/** A view `view` that shows `codes`' table with every dimension decoded to its code, by joins. */
function decodingView(conn: Conn, view: string, codes: string, table: Table) {
  const dims = dimensionsOf(table);
  const names = table.schema.fields.map((f) => f.name);
  const select = names.map((n) =>
    dims.includes(n) ? `${q(`d_${n}`)}.code AS ${q(n)}` : `c.${q(n)}`
  );
  const joins = dims.map(
    (d) => `JOIN ${q(`${codes}__${d}`)} ${q(`d_${d}`)} ON ${q(`d_${d}`)}.id = c.${q(d)}`
  );
  conn.query(
    `CREATE VIEW ${q(view)} AS SELECT ${select.join(', ')} FROM ${q(codes)} c ${joins.join(' ')}`
  );
}

/** The same view, decoding each dimension by indexing a list of its codes. */
function listDecodingView(conn: Conn, view: string, codes: string, table: Table) {
  const lists = codeLists(table, dimensionsOf(table));
  const select = table.schema.fields.map((f) => {
    const list = lists.get(f.name);
    return list ? `[${list.map(lit).join(', ')}][${q(f.name)} + 1] AS ${q(f.name)}` : q(f.name);
  });
  conn.query(`CREATE VIEW ${q(view)} AS SELECT ${select.join(', ')} FROM ${q(codes)}`);
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
  'e. dimensions UTINYINT/USMALLINT, code tables, decoding view': (conn, _ipc, table) => {
    conn.insertArrowFromIPCStream(dimensionPositions(table), { name: 't_codes', create: true });
    codeTables(conn, 't_codes', table);
    decodingView(conn, 't', 't_codes', table);
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
  const bytes = await head(SOURCE, megabytes * 1e6);
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
      if (only && !only.includes(label[0])) continue;
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
    if (ms.length)
      console.log(
        `${label.padEnd(52)} median ${median(ms).toFixed(0).padStart(6)} ms  runs ${ms.map((x) => x.toFixed(0)).join(' / ')}`
      );

  // A typical explorer read: some countries, one code for every other dimension, by time.
  dropAll(conn);
  conn.insertArrowFromIPCStream(ipc.slice(), { name: 'plain', create: true });
  for (const sql of enumDdl('enum_t', streamed, dictionaries(streamed))) conn.query(sql);
  conn.insertArrowFromIPCStream(ipc.slice(), { name: 'enum_t', create: false });
  conn.insertArrowFromIPCStream(dimensionPositions(streamed), { name: 'int_t', create: true });
  codeTables(conn, 'int_t', streamed);
  decodingView(conn, 'int_view', 'int_t', streamed);
  listDecodingView(conn, 'int_list_view', 'int_t', streamed);
  const names = streamed.schema.fields.map((f) => f.name);
  const dims = dimensionsOf(streamed);
  const lists = codeLists(streamed, dims);
  conn.query(
    `CREATE VIEW enum_view AS SELECT ${names
      .map((n) => (n === 'value' ? q(n) : `CAST(${q(n)} AS VARCHAR) AS ${q(n)}`))
      .join(', ')} FROM enum_t`
  );
  const geos = dictionaries(streamed).get('geo')!.slice(0, 5);
  const first = conn.query(`SELECT ${dims.map(q).join(', ')} FROM plain LIMIT 1`).toArray()[0];
  // How a literal meets the column: as a string, turned into the column's ENUM first (a code
  // the ENUM lacks becomes NULL), or as the code's position in the dimension's code list, which
  // is what a query builder that knows the code lists would write.
  type Literal = (column: string, value: string) => string;
  const asText: Literal = (_, value) => lit(value);
  const asEnum: Literal = (column, value) => `TRY_CAST(${lit(value)} AS ${q(`enum_t__${column}`)})`;
  const asPosition: Literal = (column, value) => {
    const list = lists.get(column);
    if (!list) return lit(value);
    const at = list.indexOf(value);
    return at < 0 ? 'NULL' : String(at);
  };
  // How a column comes out: cast to text, or decoded from its position by its code list.
  type Output = (column: string) => string;
  const asCast: Output = (column) => `CAST(${q(column)} AS VARCHAR)`;
  const decoded: Output = (column) => {
    const list = lists.get(column);
    return list ? `[${list.map(lit).join(', ')}][${q(column)} + 1]` : asCast(column);
  };
  const where = (literal: Literal) =>
    [
      `geo IN (${[...geos, 'NOT_A_CODE'].map((g) => literal('geo', g)).join(', ')})`,
      ...dims.filter((d) => d !== 'geo').map((d) => `${q(d)} = ${literal(d, String(first[d]))}`),
      `"time" >= ${literal('time', '2012-01')}`
    ].join(' AND ');
  const layouts: Record<string, [string, Literal, Output]> = {
    'VARCHAR table': ['plain', asText, asCast],
    'ENUM table': ['enum_t', asText, asCast],
    'ENUM table, literals cast to the ENUM': ['enum_t', asEnum, asCast],
    'VARCHAR view over the ENUM table': ['enum_view', asText, asCast],
    'integer table, positions as literals': ['int_t', asPosition, decoded],
    'decoding view (joins), text literals': ['int_view', asText, asCast],
    'decoding view (list index), text literals': ['int_list_view', asText, asCast]
  };
  const queries: Record<string, (t: string, literal: Literal, out: Output) => string> = {
    series: (t, literal, out) =>
      `SELECT ${out('geo')} AS series, CAST("time" AS VARCHAR) AS time, value, CAST(flag AS VARCHAR) AS flag FROM ${t} WHERE ${where(literal)} ORDER BY series, time`,
    'by time': (t, literal) =>
      `SELECT CAST("time" AS VARCHAR) AS time, sum(value) AS value FROM ${t} WHERE ${where(literal)} GROUP BY "time" ORDER BY time`,
    'codes in use': (t, _, out) =>
      `SELECT ${out('iccs')} AS code, count(*) AS n FROM ${t} GROUP BY iccs ORDER BY code`,
    // The SQL console's kind of question: a plain filter on text and a group by a code.
    'console: one country, sum by offence': (t, literal, out) =>
      `SELECT ${out('iccs')} AS iccs, sum(value) AS total FROM ${t} WHERE geo = ${literal('geo', geos[2])} GROUP BY iccs ORDER BY iccs`,
    'console: offences like ICCS01%': (t, _, out) =>
      `SELECT ${out('geo')} AS geo, count(*) AS n FROM ${t} WHERE ${out('iccs')} LIKE 'ICCS001%' GROUP BY ALL ORDER BY geo`
  };
  const plainJson = (result: Table) =>
    JSON.stringify(result.toArray(), (_, v: unknown) => (typeof v === 'bigint' ? Number(v) : v));
  for (const [label, sql] of Object.entries(queries)) {
    const results = new Map<string, number[]>(Object.keys(layouts).map((k) => [k, []]));
    const answers = new Map<string, string>();
    for (let run = 0; run < 7; run++)
      for (const [layout, [t, literal, out]] of Object.entries(layouts)) {
        const started = performance.now();
        const result = conn.query(sql(t, literal, out));
        results.get(layout)!.push(performance.now() - started);
        answers.set(plainJson(result), layout);
      }
    if (answers.size !== 1)
      throw new Error(`${label}: the layouts disagree (${[...answers.values()]})`);
    console.log(`query "${label}" (median of 7, interleaved; load average ${load()})`);
    for (const [layout, ms] of results)
      console.log(`  ${layout.padEnd(44)} ${median(ms).toFixed(1).padStart(7)} ms`);
  }
}

await main();
