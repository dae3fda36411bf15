import { KEEP_MESSAGE } from './cache-plan';

/** The mark a page sets once its first chart is drawn from live data. */
const CHART_DRAWN = 'cooperare:chart-drawn';
const ENGINE_READY = 'cooperare:engine-ready';
/**
 * A page without a chart (data, SQL) is deemed settled this long after its engine is ready.
 * Counted from the engine, not from the page's start: on a busy machine the first chart can
 * take longer than any fixed delay, and the install must still wait for it.
 */
const NO_CHART_MS = 3_000;
/** Settled anyway this long after the call, should the engine never start. */
const LAST_RESORT_MS = 30_000;

const marked = (name: string) => performance.getEntriesByName(name).length > 0;

/**
 * Resolves once the page's first chart is drawn, or a while after the engine is ready on a
 * page that draws none, at a moment the page is idle: installing the service worker and
 * keeping the shipped data for offline are downloads (about 1.5 MB compressed) that would
 * otherwise compete with the first visit's own engine and data.
 */
export function settled(): Promise<void> {
  return new Promise((resolve) => {
    const idle = () =>
      typeof requestIdleCallback === 'function'
        ? requestIdleCallback(() => resolve(), { timeout: 2_000 })
        : setTimeout(resolve, 0);
    if (marked(CHART_DRAWN)) return idle();
    let noChart: ReturnType<typeof setTimeout> | undefined;
    const done = () => {
      observer.disconnect();
      clearTimeout(noChart);
      clearTimeout(lastResort);
      idle();
    };
    const waitAfterEngine = () => {
      if (noChart === undefined) noChart = setTimeout(done, NO_CHART_MS);
    };
    const observer = new PerformanceObserver(() => {
      if (marked(CHART_DRAWN)) done();
      else if (marked(ENGINE_READY)) waitAfterEngine();
    });
    const lastResort = setTimeout(done, LAST_RESORT_MS);
    observer.observe({ type: 'mark' });
    if (marked(ENGINE_READY)) waitAfterEngine();
  });
}

/**
 * Asks the service worker to keep `urls` (the engine files this browser runs) and the
 * shipped data for offline use. Called once the query engine has started, because only then
 * is it known which of its two builds this browser runs; sent once the page has settled, and
 * to the first visit's service worker too, once it is active.
 */
export function keepForOffline(urls: string[]): void {
  if (typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
  const absolute = urls.map((url) => new URL(url, location.href).href);
  Promise.all([navigator.serviceWorker.ready, settled()]).then(([registration]) =>
    registration.active?.postMessage({ type: KEEP_MESSAGE, urls: absolute })
  );
}

/**
 * Registers the service worker once the page has settled (SvelteKit would register it at the
 * load event, in the middle of DuckDB's start). `url` is the worker's script; in development
 * SvelteKit serves it as a module.
 */
export function registerServiceWorker(url: string, type: WorkerType): void {
  if (typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
  settled().then(() => navigator.serviceWorker.register(url, { type }).catch(() => undefined));
}
