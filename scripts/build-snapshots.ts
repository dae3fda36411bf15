/**
 * Snapshots of the default views: each view's series query answered at build time by the
 * same duckdb-wasm the browser runs, against the Arrow files just built, and written to
 * datasets/snapshots/<name>.json. Pages bundle these files and draw from them while DuckDB
 * boots; tests/unit/query/snapshots.test.ts re-runs the queries so a stale file fails CI.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { DatasetManifest, Manifest } from '../src/lib/model/manifest';
import { startNodeEngine } from '../src/lib/db/node-engine';
import { planExplore } from '../src/lib/explore/plan';
import { loadMessages } from '../src/lib/i18n/messages';
import { snapshotFromTable, type QuerySnapshot } from '../src/lib/query/snapshot';
import { transformSql } from '../src/lib/query/transforms';
import { defaultViewState } from '../src/lib/state/defaults';
import { parseViewParams } from '../src/lib/state/permalink';
import type { ViewState } from '../src/lib/state/view-state';
import { HOME_BOARD_LINKS } from '../src/routes/home-board-links';

/** A view shipped with a snapshot: the dataset it reads and the SQL its page runs. */
export interface SnapshotView {
  table: string;
  sql(dataset: DatasetManifest): string;
  /**
   * The codes the view selects, by dimension: given, the snapshot's manifest keeps only
   * those and the codes its answer names, since a board's chart has no pickers to fill.
   */
  selections?(dataset: DatasetManifest): Record<string, readonly string[]>;
}

/** The SQL ExploreView runs for a view of a dataset. */
function exploreSql(view: ViewState, dataset: DatasetManifest): string {
  const plan = planExplore(view, dataset, null);
  if ('error' in plan) throw new Error(plan.error);
  const query = transformSql(plan.request, plan.spec);
  if ('error' in query) throw new Error(query.error);
  return query.sql;
}

/** The SQL /explore?ds=<id> runs for a dataset's default view. */
const exploreDefaultSql = (dataset: DatasetManifest) =>
  exploreSql(defaultViewState(dataset.id, dataset), dataset);

/** A chart of the home page's board: the SQL its link's view runs (src/routes/home-board.ts). */
function homeBoardView(link: string): SnapshotView {
  const params = new URLSearchParams(link);
  const state = (dataset: DatasetManifest) => parseViewParams(params, dataset, [dataset.id]).state;
  return {
    table: params.get('ds') as string,
    sql: (dataset) => exploreSql(state(dataset), dataset),
    selections: (dataset) => state(dataset).selections
  };
}

/**
 * The manifest entry cut to the codes a chart needs (the home board's trafficking chart
 * would otherwise carry 645 offence categories and 199 places into the page's JavaScript,
 * 11 KB of its gzip); the whole entry when the cut one would plan another query.
 */
function manifestForSnapshot(
  view: SnapshotView,
  dataset: DatasetManifest,
  sql: string,
  answered: readonly unknown[]
): { dataset: DatasetManifest; datasetTrimmed?: true } {
  if (!view.selections) return { dataset };
  const selections = view.selections(dataset);
  const named = new Set(answered.map(String));
  const trimmed: DatasetManifest = {
    ...dataset,
    dimensions: dataset.dimensions.map((dimension) => ({
      ...dimension,
      codes: dimension.codes.filter(
        (c) => named.has(c.code) || (selections[dimension.id] ?? []).includes(c.code)
      )
    }))
  };
  return view.sql(trimmed) === sql ? { dataset: trimmed, datasetTrimmed: true } : { dataset };
}

/** Every view shipped with a snapshot, by file name. */
export const SNAPSHOT_VIEWS: Record<string, SnapshotView> = {
  'home-homicide': homeBoardView(HOME_BOARD_LINKS.homicide),
  'home-trafficking': homeBoardView(HOME_BOARD_LINKS.trafficking),
  'home-illegal-presence': homeBoardView(HOME_BOARD_LINKS.illegalPresence),
  'explore-crim_off_cat': { table: 'crim_off_cat', sql: exploreDefaultSql }
};

/** Answers every snapshot view from the Arrow files and manifest in `datasetsDir`. */
export async function computeSnapshots(datasetsDir: string): Promise<Map<string, QuerySnapshot>> {
  const manifest = JSON.parse(
    await readFile(path.join(datasetsDir, 'manifest.json'), 'utf8')
  ) as Manifest;
  // Planning a view can word an error (the page loads its language in src/routes/+layout.ts).
  await loadMessages('en');
  const engine = await startNodeEngine();
  const snapshots = new Map<string, QuerySnapshot>();
  const loaded = new Set<string>();
  for (const [name, view] of Object.entries(SNAPSHOT_VIEWS)) {
    const dataset = manifest.datasets.find((d) => d.id === view.table);
    if (!dataset) throw new Error(`Snapshot ${name}: there is no dataset “${view.table}”.`);
    if (!loaded.has(dataset.id)) {
      const ipc = new Uint8Array(await readFile(path.join(datasetsDir, dataset.file)));
      await engine.insertArrowIpc(dataset.id, ipc);
      loaded.add(dataset.id);
    }
    const sql = view.sql(dataset);
    const table = await engine.query(sql);
    const series = table.getChild('series');
    const answered = Array.from({ length: table.numRows }, (_, i) => series?.get(i));
    const shipped = manifestForSnapshot(view, dataset, sql, answered);
    snapshots.set(name, {
      ...snapshotFromTable(sql, shipped.dataset, table),
      ...(shipped.datasetTrimmed ? { datasetTrimmed: true } : {})
    });
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
