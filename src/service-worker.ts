/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />

/**
 * Keeps the app usable offline after one visit: the built code and styles are cached when a
 * version installs, the shipped datasets and the engine build the page runs once the first
 * visit has drawn its chart (or when first used), and every route is answered with the cached
 * page when the network is gone. User data lives
 * elsewhere (OPFS, IndexedDB, local storage) and is never touched here.
 */

import { base, build, files, version } from '$service-worker';
import {
  ENGINE_CACHE,
  answerFor,
  appCacheName,
  installList,
  isEngineFile,
  isKeepMessage,
  laterList,
  pathsToKeep,
  precacheList,
  staleCaches
} from '$lib/offline/cache-plan';

const sw = self as unknown as ServiceWorkerGlobalScope;
const APP_CACHE = appCacheName(version);
const PAGE = `${base}/`;
const precached = new Set(precacheList(base, build, files));
const engineFiles = new Set(build.filter(isEngineFile));

sw.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(APP_CACHE);
      await cache.addAll(installList(precached));
      // A new version takes over at the next visit, not only once every tab of the old one
      // is closed. An old tab that then asks for a file the new version dropped is reloaded
      // by SvelteKit into the new version.
      await sw.skipWaiting();
    })()
  );
});

sw.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of staleCaches(await caches.keys(), version)) await caches.delete(name);
      // Engine builds this version no longer uses are dropped; the one still used stays.
      const engine = await caches.open(ENGINE_CACHE);
      for (const request of await engine.keys()) {
        if (!engineFiles.has(new URL(request.url).pathname)) await engine.delete(request);
      }
      await sw.clients.claim();
    })()
  );
});

/** Answers a request for an engine file from the engine cache; a miss is fetched and kept. */
async function keepEngineFile(path: string): Promise<Response> {
  const cache = await caches.open(ENGINE_CACHE);
  const cached = await cache.match(path);
  if (cached) return cached;
  const response = await fetch(path);
  if (response.ok) await cache.put(path, response.clone());
  return response;
}

/**
 * Keeps an engine file the page has just loaded, from the browser's HTTP cache and never
 * from the network: downloading DuckDB's 34 MB a second time, in the middle of the first
 * visit, is what this avoids. A cache too small to hold it (a private window's, in memory,
 * when the server sends the file uncompressed) leaves it to the next visit, whose engine
 * requests pass through keepEngineFile.
 */
async function keepLoadedEngineFile(path: string): Promise<void> {
  const cache = await caches.open(ENGINE_CACHE);
  if (await cache.match(path)) return;
  const response = await fetch(path, { cache: 'only-if-cached', mode: 'same-origin' }).catch(
    () => null
  );
  if (response?.ok) await cache.put(path, response);
}

/** Fetches the data files the install left out and this version has not kept yet. */
async function keepData(): Promise<void> {
  const cache = await caches.open(APP_CACHE);
  for (const path of laterList(precached)) {
    if (!(await cache.match(path))) await cache.add(path);
  }
}

sw.addEventListener('message', (event) => {
  if (!isKeepMessage(event.data)) return;
  const paths = pathsToKeep(event.data, sw.location.origin, engineFiles);
  event.waitUntil(Promise.all([...paths.map(keepLoadedEngineFile), keepData()]));
});

async function fromAppCache(request: Request): Promise<Response> {
  const path = new URL(request.url).pathname;
  const cache = await caches.open(APP_CACHE);
  const cached = await cache.match(path);
  if (cached) return cached;
  // Not kept yet (a dataset asked for before the first chart): kept now, on its first use.
  const response = await fetch(request);
  // Stored alongside rather than before answering, so the page does not wait for the copy.
  if (response.status === 200) cache.put(path, response.clone()).catch(() => undefined);
  return response;
}

async function page(request: Request): Promise<Response> {
  try {
    return await fetch(request);
  } catch (offline) {
    const cached = await caches.match(PAGE, { cacheName: APP_CACHE });
    if (cached) return cached;
    throw offline;
  }
}

sw.addEventListener('fetch', (event) => {
  const { request } = event;
  const answer = answerFor(
    {
      method: request.method,
      url: request.url,
      mode: request.mode,
      range: request.headers.has('range')
    },
    sw.location.origin,
    precached,
    engineFiles
  );
  if (answer === 'page') event.respondWith(page(request));
  else if (answer === 'app') event.respondWith(fromAppCache(request));
  else if (answer === 'engine') event.respondWith(keepEngineFile(new URL(request.url).pathname));
});
