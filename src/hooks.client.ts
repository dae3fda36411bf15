import { dev } from '$app/environment';
import { base } from '$app/paths';
import { getEngine } from '$lib/db/browser-engine';
import { getLocale } from '$lib/i18n/locale.svelte';
import { registerServiceWorker } from '$lib/offline/keep';
import { loadDatasetWords } from '$lib/i18n/dataset-words-files';

/**
 * Runs when the app's entry script runs, before the first page's code is loaded and rendered:
 * DuckDB's worker and wasm, the slowest things a page waits for, start downloading now
 * rather than once the layout has mounted. A page that needs the engine asks again and
 * reports a failure to start where it shows its data.
 */
export function init(): void {
  void getEngine().catch(() => undefined);
  // The datasets' words in a language other than English, awaited by the root layout.
  void loadDatasetWords(getLocale()).catch(() => undefined);
  registerServiceWorker(`${base}/service-worker.js`, dev ? 'module' : 'classic');
}
