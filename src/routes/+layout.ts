import { getLocale, loadLanguage } from '$lib/i18n/locale.svelte';

// A static single-page app: nothing is rendered on a server, nothing is prerendered.
export const ssr = false;
export const prerender = false;

/**
 * The first page is drawn in the reader's language from its first paint: it waits for that
 * language's messages (and, in Romanian, the datasets' words), whose download starts in
 * hooks.client.ts. A page that cannot get its messages fails to load, as it would without any
 * other of its code.
 */
export async function load(): Promise<void> {
  await loadLanguage(getLocale());
}
