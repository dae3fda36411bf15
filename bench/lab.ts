/**
 * Bench-only page: the app's own engine (src/lib/db/browser-engine.ts, bundled with the
 * build's hashed DuckDB files) and the app's own ingest code, driven by
 * scripts/bench.ts through window.lab. Nothing here is reachable from the app.
 */
import { getEngine } from '../src/lib/db/browser-engine';
import { readRemoteParquet, type ParquetSelection } from '../src/lib/ingest/remote-parquet';

/** A filtered read of a Parquet file on the server, with what it cost in bytes. */
async function remoteParquet(url: string, selection: ParquetSelection) {
  const start = performance.now();
  const { rows, cost } = await readRemoteParquet(url, selection);
  return { rows: rows.length, cost, ms: performance.now() - start };
}

const lab = {
  ready: () => getEngine().then(() => true),
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
