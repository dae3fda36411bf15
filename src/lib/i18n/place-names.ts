import { geoName } from '$lib/reference/geo-names';
import { getLocale } from './locale.svelte';

/**
 * A place's name in the interface language. Reading the locale here, at display time, is what
 * renames every chart, picker and download on a language switch without a reload.
 */
export function placeName(code: string, datasetLabel?: string): string {
  return geoName(code, getLocale(), datasetLabel);
}
