import { KEEP_MESSAGE } from './cache-plan';

/**
 * Asks the service worker to keep `urls` for offline use. Called once the query engine has
 * started, because only then is it known which of its two builds this browser runs. Waits
 * for the first visit's service worker to become active, so even that visit is kept.
 */
export function keepForOffline(urls: string[]): void {
  if (typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
  const absolute = urls.map((url) => new URL(url, location.href).href);
  navigator.serviceWorker.ready.then((registration) =>
    registration.active?.postMessage({ type: KEEP_MESSAGE, urls: absolute })
  );
}
