import { dev } from '$app/environment';
import { base } from '$app/paths';
import { getEngine } from '$lib/db/browser-engine';
import { asksServerListEarly, startsBrowserEngineEarly } from '$lib/catalog/early-engine';
import { serverCatalogue } from '$lib/catalog/server-datasets';
import { getLocale, loadLanguage } from '$lib/i18n/locale.svelte';
import { registerServiceWorker } from '$lib/offline/keep';

/**
 * Runs when the app's entry script runs, before the first page's code is loaded and rendered:
 * DuckDB's worker and wasm, the slowest things a page waits for, start downloading now
 * rather than once the layout has mounted. A page that needs the engine asks again and
 * reports a failure to start where it shows its data. A link to a dataset the build does not
 * ship (one held by the server engine) leaves the engine to the first thing that needs it and
 * asks the server engine's list instead, which its first request waits for.
 */
export function init(): void {
  performance.mark('cooperare:app-start');
  const url = new URL(location.href);
  if (startsBrowserEngineEarly(url, base)) void getEngine().catch(() => undefined);
  else if (asksServerListEarly(url, base, navigator.onLine)) void serverCatalogue();
  // The reader's language (its messages, and the datasets' words in Romanian), awaited by the
  // root layout: fetched beside the first page's code rather than after it.
  void loadLanguage(getLocale()).catch(() => undefined);
  registerServiceWorker(`${base}/service-worker.js`, dev ? 'module' : 'classic');
}
