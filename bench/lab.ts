/**
 * Bench-only page: the app's own engine (src/lib/db/browser-engine.ts, bundled with the
 * build's hashed DuckDB files) and the app's own query and ingest code, driven by
 * scripts/bench.ts through window.lab. Nothing here is reachable from the app.
 */
import { toChartSeries } from '../src/lib/charts/series';
import { getEngine } from '../src/lib/db/browser-engine';
import { longDatasetToIpc } from '../src/lib/ingest/arrow';
import { readEurostatTsv } from '../src/lib/ingest/eurostat-tsv';
import { readRemoteParquet, type ParquetSelection } from '../src/lib/ingest/remote-parquet';
import { observationsFromTable, seriesSql, type SeriesRequest } from '../src/lib/query/series';

/** A small deterministic generator, so every run asks the same 30 questions. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(next: () => number, list: readonly T[], count: number): T[] {
  const copy = [...list];
  const out: T[] = [];
  while (out.length < count && copy.length > 0)
    out.push(copy.splice(Math.floor(next() * copy.length), 1)[0]);
  return out;
}

async function distinct(table: string, column: string): Promise<string[]> {
  const engine = await getEngine();
  const result = await engine.query(
    `SELECT DISTINCT CAST("${column}" AS VARCHAR) AS c FROM "${table}" ORDER BY c`
  );
  const col = result.getChild('c');
  return Array.from({ length: result.numRows }, (_, i) => String(col?.get(i)));
}

/**
 * Times `count` selection changes: each one the series query a view sends plus turning the
 * rows into chart series (what happens between a click and the chart's new data).
 */
async function selections(
  table: string,
  dims: string[],
  seriesBy: string,
  count: number
): Promise<number[]> {
  const engine = await getEngine();
  const codes = new Map<string, string[]>();
  for (const dim of [...dims, seriesBy]) codes.set(dim, await distinct(table, dim));
  const periods = await distinct(table, 'time');
  const next = random(8);
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const filters: Record<string, string[]> = {};
    for (const dim of dims) filters[dim] = pick(next, codes.get(dim) ?? [], 1);
    const keys = pick(next, codes.get(seriesBy) ?? [], 5);
    filters[seriesBy] = keys;
    const from = Math.floor(next() * (periods.length / 2));
    const request: SeriesRequest = {
      table,
      filters,
      timeFrom: periods[from],
      timeTo: periods[periods.length - 1],
      seriesBy
    };
    const start = performance.now();
    const result = await engine.query(seriesSql(request));
    toChartSeries(observationsFromTable(result), keys, (key) => key);
    times.push(performance.now() - start);
  }
  return times;
}

async function loadShipped(table: string, url: string): Promise<void> {
  const engine = await getEngine();
  const bytes = new Uint8Array(await (await fetch(url)).arrayBuffer());
  await engine.insertArrowIpc(table, bytes);
}

/**
 * A long table of `rows` rows built by DuckDB from range(): 40 geos × 20 offence codes ×
 * 2 units × 3 sexes × 14 age groups, then months, sorted by series like the built files.
 */
async function generateLarge(rows: number): Promise<{ rows: number; ms: number }> {
  const engine = await getEngine();
  const series = 40 * 20 * 2 * 3 * 14;
  const months = Math.ceil(rows / series);
  const start = performance.now();
  await engine.query(`CREATE OR REPLACE TABLE big AS
    SELECT 'ICCS' || lpad(CAST((i // (${months} * 40 * 14 * 3 * 2)) % 20 AS VARCHAR), 4, '0') AS iccs,
      CASE (i // (${months} * 40 * 14 * 3)) % 2 WHEN 0 THEN 'NR' ELSE 'P_HTHAB' END AS unit,
      ['F', 'M', 'T'][CAST((i // (${months} * 40 * 14)) % 3 AS INTEGER) + 1] AS sex,
      'Y' || CAST(((i // (${months} * 40)) % 14) * 5 AS VARCHAR) AS age,
      'G' || lpad(CAST((i // ${months}) % 40 AS VARCHAR), 2, '0') AS geo,
      strftime(DATE '2000-01-01' + to_months(CAST(i % ${months} AS INTEGER)), '%Y-%m') AS time,
      CASE WHEN i % 53 = 0 THEN NULL ELSE CAST(hash(i) % 100000 AS DOUBLE) / 100 END AS value,
      CASE WHEN i % 31 = 0 THEN 'p' WHEN i % 53 = 0 THEN 'c' END AS flag
    FROM range(${series * months}) t(i)`);
  const count = await engine.query('SELECT count(*) AS n FROM big');
  return { rows: Number(count.getChild('n')?.get(0)), ms: performance.now() - start };
}

/**
 * A Eurostat-style TSV of about `megabytes` MB (header, one line per series, one cell per
 * month with flags and `:` gaps as the published files have them), as the bytes of a file.
 */
function eurostatTsv(megabytes: number): Uint8Array {
  const periods = Array.from(
    { length: 120 },
    (_, i) => `${2010 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`
  );
  const encoder = new TextEncoder();
  const parts: Uint8Array[] = [
    encoder.encode(`freq,iccs,unit,geo\\TIME_PERIOD\t${periods.join(' \t')} \n`)
  ];
  let size = parts[0].byteLength;
  const next = random(21);
  for (let line = 0; size < megabytes * 1e6; line++) {
    const cells = [`M,ICCS${String(line % 997).padStart(4, '0')},NR,G${Math.floor(line / 997)}`];
    for (let p = 0; p < periods.length; p++) {
      const r = next();
      cells.push(
        r < 0.15 ? ': ' : r < 0.2 ? `${Math.floor(r * 10000)} p` : `${Math.floor(r * 10000)} `
      );
    }
    const bytes = encoder.encode(`${cells.join('\t')}\n`);
    parts.push(bytes);
    size += bytes.byteLength;
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.byteLength;
  }
  return out;
}

/** Import of a generated TSV through the app's reader, Arrow writer and engine. */
async function importTsv(megabytes: number) {
  const engine = await getEngine();
  const bytes = eurostatTsv(megabytes);
  const t0 = performance.now();
  const long = readEurostatTsv(bytes, 'estat_bench_generated.tsv');
  const t1 = performance.now();
  const ipc = longDatasetToIpc(long);
  const t2 = performance.now();
  await engine.insertArrowIpc('imported_bench', ipc);
  const t3 = performance.now();
  await engine.query('DROP TABLE imported_bench');
  return {
    bytes: bytes.byteLength,
    rows: long.rowCount,
    readMs: t1 - t0,
    arrowMs: t2 - t1,
    insertMs: t3 - t2,
    totalMs: t3 - t0
  };
}

/** A filtered read of a Parquet file on the server, with what it cost in bytes. */
async function remoteParquet(url: string, selection: ParquetSelection) {
  const start = performance.now();
  const { rows, cost } = await readRemoteParquet(url, selection);
  return { rows: rows.length, cost, ms: performance.now() - start };
}

const lab = {
  ready: () => getEngine().then(() => true),
  loadShipped,
  selections,
  generateLarge,
  importTsv,
  remoteParquet
};

/** What scripts/bench.ts may call in this page. */
export type Lab = typeof lab;

declare global {
  interface Window {
    lab: Lab;
  }
}
window.lab = lab;
