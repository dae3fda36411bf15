/**
 * What the service worker keeps and how it answers each request. Pure, so the rules are
 * tested in Node; src/service-worker.ts only applies them.
 */

const PREFIX = 'cooperare-';

/** The cache of one version of the app: its page, code, styles and shipped datasets. */
export function appCacheName(version: string): string {
  return `${PREFIX}app-${version}`;
}

/**
 * DuckDB's WebAssembly and its worker script, kept across versions: 34 MB (or 39 MB for the
 * other build) that seldom changes, under content-hashed names, so a new version of the app
 * need not fetch it again.
 */
export const ENGINE_CACHE = `${PREFIX}engine`;

/**
 * The message a page sends once its first chart is drawn: keep the engine files it uses, and
 * the data files the install left out, for offline use.
 */
export const KEEP_MESSAGE = 'cooperare:keep-engine-files';

/**
 * The engine comes in two builds, each a WebAssembly binary and the worker script that runs
 * it; a browser runs one. Both are in the app's build, but only the one in use is kept, once
 * the page has loaded it, rather than 75 MB up front and a worker no browser of this kind runs.
 */
export function isEngineFile(path: string): boolean {
  return path.endsWith('.wasm') || /\/duckdb-browser-[^/]*\.worker\.[^/]*\.js$/.test(path);
}

/**
 * Every file of one version the app cache holds: the built files (hashed code, styles,
 * datasets) except the engine's, the static files, and the page itself (`base/`), which
 * every route of this single-page app is served from.
 */
export function precacheList(base: string, build: string[], files: string[]): string[] {
  return [`${base}/`, ...build.filter((path) => !isEngineFile(path)), ...files];
}

/** Datasets, their manifest and map outlines: most of a version's bytes, few needed at once. */
export function isDataFile(path: string): boolean {
  return path.endsWith('.arrow') || path.endsWith('.json');
}

/**
 * What a version fetches when it installs: the app without its data. The install runs
 * during the first visit, so anything more would compete with that visit's own downloads;
 * the data is kept once the page has drawn its first chart (see KEEP_MESSAGE).
 */
export function installList(precached: Iterable<string>): string[] {
  return [...precached].filter((path) => !isDataFile(path));
}

/** What is kept after the first chart: the data files `installList` left out. */
export function laterList(precached: Iterable<string>): string[] {
  return [...precached].filter(isDataFile);
}

/** Whether a page's message asks to keep files for offline use. */
export function isKeepMessage(message: unknown): boolean {
  return (
    !!message &&
    typeof message === 'object' &&
    (message as { type?: unknown }).type === KEEP_MESSAGE
  );
}

/** How one request is answered. */
export type Answer =
  /** left to the browser: other origins, non-GET, byte ranges, anything the app did not build */
  | 'network'
  /** the network first, so a new version is seen; offline, the cached page */
  | 'page'
  /** from this version's cache; a miss goes to the network */
  | 'app'
  /** from the engine cache; a miss is fetched and kept */
  | 'engine';

export interface RequestFacts {
  method: string;
  url: string;
  mode: string;
  /** Whether the request asks for a byte range, which a cached whole file does not answer. */
  range: boolean;
}

export function answerFor(
  request: RequestFacts,
  origin: string,
  precached: ReadonlySet<string>,
  engineFiles: ReadonlySet<string>
): Answer {
  if (request.method !== 'GET' || request.range) return 'network';
  const url = new URL(request.url);
  if (url.origin !== origin) return 'network';
  if (request.mode === 'navigate') return 'page';
  if (precached.has(url.pathname)) return 'app';
  if (engineFiles.has(url.pathname)) return 'engine';
  return 'network';
}

/** Caches of earlier versions, to delete once this version is active. */
export function staleCaches(names: string[], version: string): string[] {
  const current = appCacheName(version);
  return names.filter((name) => name.startsWith(`${PREFIX}app-`) && name !== current);
}

/**
 * The paths a page asked to keep that really are engine files of this version; anything
 * else in the message is ignored, so a page cannot fill the cache with arbitrary URLs.
 */
export function pathsToKeep(
  message: unknown,
  origin: string,
  engineFiles: ReadonlySet<string>
): string[] {
  if (!isKeepMessage(message)) return [];
  const { urls } = message as { urls?: unknown };
  if (!Array.isArray(urls)) return [];
  const paths = new Set<string>();
  for (const raw of urls) {
    if (typeof raw !== 'string') continue;
    let url: URL;
    try {
      url = new URL(raw, origin);
    } catch {
      continue; // not a URL: nothing to keep
    }
    if (url.origin === origin && engineFiles.has(url.pathname)) paths.add(url.pathname);
  }
  return [...paths];
}
