import { isShippedDatasetId } from './shipped';

/** Pages that show the one dataset their link names with `ds` (`dataset` in prototype links). */
const DATASET_PAGES = new Set(['/explore', '/embed']);

/**
 * Whether the page opened at `url` should start the browser's DuckDB before it knows what it
 * will show: starting early saves a shipped dataset's first chart the engine's download and
 * compile (34 MB of wasm), but on a link to a dataset the build does not ship (most often one
 * held by the server engine) that work competes with the page for nothing. Such a page starts
 * the engine when it first needs it: ensureTable for a dataset this browser holds (an import,
 * a remote file, a rate's population table), the SQL console for its own statements.
 * `basePath` is the app's base path (SvelteKit's `base`).
 */
export function startsBrowserEngineEarly(url: URL, basePath: string): boolean {
  const inApp = url.pathname.startsWith(basePath)
    ? url.pathname.slice(basePath.length)
    : url.pathname;
  const page = inApp.replace(/\/+$/, '') || '/';
  if (!DATASET_PAGES.has(page)) return true;
  const id = url.searchParams.get('ds') ?? url.searchParams.get('dataset');
  return id === null || id.trim() === '' || isShippedDatasetId(id.trim());
}
