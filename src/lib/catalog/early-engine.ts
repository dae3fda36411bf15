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
  return !DATASET_PAGES.has(page) || unshippedDatasetNamed(url.searchParams) === null;
}

/**
 * Whether the page opened at `url` should ask the server engine for its list at once, as the
 * entry script runs: where the browser's engine is left for later, the link names a dataset
 * the build does not ship, and its first request waits for that list. Never offline, where
 * the request would fail and be logged as an error.
 */
export function asksServerListEarly(url: URL, basePath: string, online: boolean): boolean {
  return online && !startsBrowserEngineEarly(url, basePath);
}

/**
 * The id of the dataset a link's parameters name, when the build does not ship it (most often
 * one held by the server engine, or an import); null when it names none or a shipped one.
 */
export function unshippedDatasetNamed(params: URLSearchParams): string | null {
  const id = (params.get('ds') ?? params.get('dataset'))?.trim();
  return id && !isShippedDatasetId(id) ? id : null;
}
