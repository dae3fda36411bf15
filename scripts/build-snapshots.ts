/**
 * Snapshots of the default views: each view's series query answered at build time by the
 * same duckdb-wasm the browser runs, against the Arrow files just built, and written to
 * datasets/snapshots/<name>.json. Pages bundle these files and draw from them while DuckDB
 * boots; tests/unit/query/snapshots.test.ts re-runs the queries so a stale file fails CI.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Manifest } from '../src/lib/catalog/types';
import { startNodeEngine } from '../src/lib/db/node-engine';
import { seriesSql, type SeriesRequest } from '../src/lib/query/series';
import { snapshotFromTable, type QuerySnapshot } from '../src/lib/query/snapshot';
import { HOME_VIEW } from '../src/routes/home-view';

/** Every view shipped with a snapshot: file name → the request the page runs. */
export const SNAPSHOT_VIEWS: Record<string, SeriesRequest> = {
  home: HOME_VIEW
};

/** Answers every snapshot view from the Arrow files and manifest in `datasetsDir`. */
export async function computeSnapshots(datasetsDir: string): Promise<Map<string, QuerySnapshot>> {
  const manifest = JSON.parse(
    await readFile(path.join(datasetsDir, 'manifest.json'), 'utf8')
  ) as Manifest;
  const engine = await startNodeEngine();
  const snapshots = new Map<string, QuerySnapshot>();
  for (const [name, request] of Object.entries(SNAPSHOT_VIEWS)) {
    const dataset = manifest.datasets.find((d) => d.id === request.table);
    if (!dataset) throw new Error(`Snapshot ${name}: there is no dataset “${request.table}”.`);
    const ipc = new Uint8Array(await readFile(path.join(datasetsDir, dataset.file)));
    await engine.insertArrowIpc(dataset.id, ipc);
    const sql = seriesSql(request);
    snapshots.set(name, snapshotFromTable(sql, dataset, await engine.query(sql)));
  }
  return snapshots;
}

/** The bytes of a snapshot file: stable, so rebuilding from the same data changes nothing. */
export function snapshotJson(snapshot: QuerySnapshot): string {
  return `${JSON.stringify(snapshot, null, 1)}\n`;
}

/** Writes datasets/snapshots/<name>.json for every view; returns the files written. */
export async function buildSnapshots(datasetsDir: string): Promise<string[]> {
  const snapshots = await computeSnapshots(datasetsDir);
  const dir = path.join(datasetsDir, 'snapshots');
  await mkdir(dir, { recursive: true });
  const written: string[] = [];
  for (const [name, snapshot] of snapshots) {
    const file = path.join(dir, `${name}.json`);
    await writeFile(file, snapshotJson(snapshot));
    written.push(file);
  }
  return written;
}
