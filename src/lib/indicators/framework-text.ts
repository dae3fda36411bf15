import { getLocale } from '$lib/i18n';
import type { Text } from './framework';

/** A framework text in the interface language; a plain text (older files) as it is. */
export function local(text: Text | string): string {
  return typeof text === 'string' ? text : text[getLocale()];
}
