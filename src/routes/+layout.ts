import { getLocale } from '$lib/i18n/locale.svelte';
import { loadDatasetWords } from '$lib/i18n/dataset-words-files';

// A static single-page app: nothing is rendered on a server, nothing is prerendered.
export const ssr = false;
export const prerender = false;

/**
 * A reader who chose Romanian gets the datasets' words in Romanian from the first paint: the
 * first page waits for them (their download starts in hooks.client.ts). In English there is
 * nothing to wait for. Without them (a failed download) the datasets keep their English words.
 */
export async function load(): Promise<void> {
  await loadDatasetWords(getLocale()).catch(() => undefined);
}
