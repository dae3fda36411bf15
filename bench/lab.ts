/**
 * Bench-only page: the app's own engine (src/lib/db/browser-engine.ts, bundled with the
 * build's hashed DuckDB files) and the app's own ingest code, driven by
 * scripts/bench.ts through window.lab. Nothing here is reachable from the app.
 */
import { getEngine } from '../src/lib/db/browser-engine';
import { longDatasetToIpc } from '../src/lib/ingest/arrow';
import { readEurostatTsv } from '../src/lib/ingest/eurostat-tsv';
import { readRemoteParquet, type ParquetSelection } from '../src/lib/ingest/remote-parquet';

/** A small deterministic generator, so every run writes the same file. */
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
