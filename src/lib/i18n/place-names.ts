import { geoName } from '$lib/reference/geo-names';
// Paraglide's getLocale, which locale.svelte.ts points at the locale rune in the browser: a
// language switch still renames everything, and this module also runs under Node (the build's
// snapshots plan explorer views with it), where a rune file cannot be loaded.
import { getLocale } from './paraglide/runtime.js';

/**
 * A place's name in the interface language. Reading the locale here, at display time, is what
 * renames every chart, picker and download on a language switch without a reload.
 */
export function placeName(code: string, datasetLabel?: string): string {
  return geoName(code, getLocale(), datasetLabel);
}
