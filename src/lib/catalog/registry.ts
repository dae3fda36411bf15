import { getEngine } from '../db/browser-engine';
import type { SqlEngine } from '../db/engine';
import { onEngineRestart } from '../db/engine-events';
import { importedDatasetSource } from './imported';
import { LoadOrder } from './load-order';
import { PromiseCache } from './promise-cache';
import { queries } from '$lib/db/query-manager';
import { serverCatalogue, serverEngine } from './server-datasets';
import { isShippedDatasetId, loadShippedManifest, shippedDataUrl } from './shipped';
import type { DatasetManifest } from '$lib/model/manifest';
import { m } from '../i18n';
import { catalogVersion } from './catalog-version.svelte';
import type { RowFilters } from './remote-rows';

// The Parquet reader (hyparquet and its decompressors, about 100 KB gzip) is loaded only when
// a remote dataset is used, not with every page's first load.
type RemoteRows = typeof import('./remote-rows');
let remoteRows: RemoteRows | null = null;
const remoteRowsModule = async (): Promise<RemoteRows> =>
  (remoteRows ??= await import('./remote-rows'));

/**
 * Every dataset the app can show, shipped, imported or held by a server engine, and the one
 * way to make a dataset queryable. Pages read `catalogVersion.value` to re-run when the list
 * changes.
 */
export { catalogVersion };

/** Tells every reader of the catalogue that datasets were added, replaced or removed. */
export function catalogChanged(): void {
  catalogVersion.value++;
  loaded.clear();
  queries.clear();
  remoteRows?.forgetRemoteRows();
}

// A restarted engine starts empty: forget which tables were loaded, so ensureTable loads
// shipped and imported datasets again on their next use.
onEngineRestart(() => catalogChanged());

/** The datasets whose tables this tab's DuckDB holds or loads. */
async function browserDatasets(): Promise<DatasetManifest[]> {
  const [shipped, imported] = await Promise.all([
    loadShippedManifest().then((m) => m.datasets),
    importedDatasetSource().list()
  ]);
  // An import that the user chose to put in place of a shipped table hides the shipped one
  // (deleting the import brings it back).
  const importedIds = new Set(imported.map((d) => d.id));
  return [...shipped.filter((d) => !importedIds.has(d.id)), ...imported];
}

/**
 * A server-held dataset whose id a browser dataset already has is not listed: the browser's
 * copy wins, so a shipped dataset's first chart never waits for a server, and a permalink
 * means the same data whichever engine a deployment runs (`npm run engine` serves copies of
 * the shipped datasets under their own ids). `serverEngineStatus` names the ones left out.
 */
export async function listDatasets(): Promise<DatasetManifest[]> {
  const [browser, server] = await Promise.all([browserDatasets(), serverCatalogue()]);
  const taken = new Set(browser.map((d) => d.id));
  return [...browser, ...server.datasets.filter((d) => !taken.has(d.id))];
}

/**
 * The server engine is asked only for an id the browser does not hold. An id the build does
 * not ship (the build's Arrow files name them) is looked up without the shipped manifest
 * (430 KB), and, when the browser's record of its imports does not name it, without listing
 * the imports from disk (about 70 ms on a cold load) unless the server has no such dataset
 * either: a server-held view's first request waits for the server's list alone. An import of
 * the same id still wins over the server's dataset.
 */
export async function getDataset(id: string): Promise<DatasetManifest | null> {
  if (!isShippedDatasetId(id)) {
    const source = importedDatasetSource();
    const listed = source.knownIds()?.has(id) === false ? null : source.list();
    const [imports, server] = await Promise.all([listed ?? [], serverCatalogue()]);
    const found = imports.find((d) => d.id === id) ?? server.datasets.find((d) => d.id === id);
    if (found || listed) return found ?? null;
    return (await source.list()).find((d) => d.id === id) ?? null;
  }
  const inBrowser = (await browserDatasets()).find((d) => d.id === id);
  if (inBrowser) return inBrowser;
  return (await serverCatalogue()).datasets.find((d) => d.id === id) ?? null;
}

export interface ServerEngineStatus {
  /** Datasets the server engine lists. */
  held: number;
  /** Of those, the ids a browser dataset has, which the catalogue uses instead. */
  shadowed: string[];
  problem: string | null;
}

/** What the server engine holds and what of it the catalogue leaves out; null without one. */
export async function serverEngineStatus(): Promise<ServerEngineStatus | null> {
  const server = await serverCatalogue();
  if (!server.present) return null;
  const taken = new Set((await browserDatasets()).map((d) => d.id));
  return {
    held: server.datasets.length,
    shadowed: server.datasets.filter((d) => taken.has(d.id)).map((d) => d.id),
    problem: server.problem
  };
}

const loaded = new PromiseCache<SqlEngine>();
const order = new LoadOrder();

/**
 * The page's first chart reads the dataset `id`: until its table is in, other tables wait to
 * be loaded (load-order.ts). Returns what to call when the page leaves before that.
 */
export function loadFirst(id: string): () => void {
  return order.putFirst(id, loaded.has(id));
}

/**
 * Resolves once the page's first chart has its table and has sent its query: a query that
 * page does not wait for (an indicator's value) goes after it, even on the same table.
 */
export function afterFirstChart(): Promise<void> {
  return order.othersTurn();
}

async function fetchShipped(dataset: DatasetManifest): Promise<Uint8Array> {
  const url = shippedDataUrl(dataset.file);
  if (!url) throw new Error(m.a11y_loading_file_missing({ id: dataset.id }));
  const response = await fetch(url);
  if (!response.ok)
    throw new Error(m.a11y_loading_file_failed({ id: dataset.id, status: response.status }));
  return new Uint8Array(await response.arrayBuffer());
}

/**
 * Makes a dataset queryable as the table named by its id, loading it once, and resolves
 * to the engine so the caller can query straight away. A remote dataset's table starts
 * empty: ensureRows fills it with the rows views select. A server-held dataset loads
 * nothing: its engine is the server's.
 */
export function ensureTable(id: string): Promise<SqlEngine> {
  return loaded.get(id, () => {
    const dataset = getDataset(id).then((found) => {
      if (!found) throw new Error(m.a11y_loading_no_dataset({ id }));
      return found;
    });
    // The bytes are fetched while the engine starts, not after: on a cold load both take
    // about as long, so waiting for one before the other would add them up.
    const bytes = dataset.then((found) =>
      found.origin === 'shipped'
        ? fetchShipped(found)
        : found.origin === 'imported'
          ? importedDatasetSource().readIpc(id)
          : null
    );
    const ready = dataset.then(async (found) => {
      if (found.origin === 'server') return serverEngine();
      const [engine, ipc] = await Promise.all([getEngine(), bytes, order.turn(id)]);
      if (ipc) await engine.insertArrowIpc(id, ipc);
      else await engine.query((await remoteRowsModule()).remoteTableSql(found));
      return engine;
    });
    const settled = () => order.settled(id);
    ready.then(settled, settled);
    return ready;
  });
}

/**
 * The one engine that holds every dataset of `ids`, each made queryable: one statement runs
 * on one engine, so naming tables of the server engine and of this browser together is
 * refused with a message that says which are where.
 */
export async function ensureTables(ids: string[]): Promise<SqlEngine> {
  const datasets = await Promise.all(
    ids.map(async (id) => {
      const found = await getDataset(id);
      if (!found) throw new Error(m.a11y_loading_no_dataset({ id }));
      return found;
    })
  );
  const onServer = datasets.filter((d) => d.origin === 'server').map((d) => d.id);
  const inBrowser = datasets.filter((d) => d.origin !== 'server').map((d) => d.id);
  if (onServer.length > 0 && inBrowser.length > 0)
    throw new Error(
      m.catalog_mixed_engines({ server: onServer.join(', '), browser: inBrowser.join(', ') })
    );
  const [engine] = await Promise.all(ids.map((id) => ensureTable(id)));
  return engine;
}

/**
 * Loads a just-imported dataset's table from the bytes in hand, without waiting for its first
 * use or for it to be read back from storage: an import is ready once this resolves. Call it
 * after catalogChanged(), which forgets loaded tables.
 */
export function loadTableNow(id: string, ipc: Uint8Array): Promise<SqlEngine> {
  return loaded.set(
    id,
    getEngine().then(async (engine) => {
      await engine.insertArrowIpc(id, ipc);
      return engine;
    })
  );
}

/**
 * Makes the rows of `filters` (dimension → codes) queryable in the dataset's table. For a
 * shipped or imported dataset that is the whole table (ensureTable); for a remote one only
 * the rows selected are read from its file, so the same SQL then runs on them.
 */
export async function ensureRows(
  dataset: DatasetManifest,
  filters: RowFilters
): Promise<SqlEngine> {
  const engine = await ensureTable(dataset.id);
  if (dataset.origin === 'remote')
    await (await remoteRowsModule()).loadRemoteRows(engine, dataset, filters);
  return engine;
}
