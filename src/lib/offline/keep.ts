import { KEEP_MESSAGE } from './cache-plan';

/** The mark a page sets once its first chart is drawn from live data. */
const CHART_DRAWN = 'cooperare:chart-drawn';
/** A page without a chart (data, SQL) is deemed settled this long after the engine started. */
const NO_CHART_MS = 5_000;

/**
 * Resolves once the page's first chart is drawn, or a while after the call on a page that
 * draws none, at a moment the page is idle: installing the service worker and keeping files
 * for offline is 40 MB of downloads, which would otherwise compete with the first visit's
 * own engine and data.
 */
export function settled(): Promise<void> {
  return new Promise((resolve) => {
    const idle = () =>
      typeof requestIdleCallback === 'function'
        ? requestIdleCallback(() => resolve(), { timeout: 2_000 })
        : setTimeout(resolve, 0);
    if (performance.getEntriesByName(CHART_DRAWN).length > 0) return idle();
    const observer = new PerformanceObserver((list) => {
      if (list.getEntriesByName(CHART_DRAWN).length === 0) return;
      observer.disconnect();
      clearTimeout(timer);
      idle();
    });
    const timer = setTimeout(() => {
      observer.disconnect();
      idle();
    }, NO_CHART_MS);
    observer.observe({ type: 'mark' });
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
