import type { SaveOutcome } from '$lib/catalog/imported-store';
import { m } from '$lib/i18n';

/**
 * Why a dataset added this visit will not be there on the next one, or null when it was kept:
 * the same words whether it came from a file or from a remote Parquet address.
 */
export function notSavedText(id: string, saved: SaveOutcome): string | null {
  if (saved.persisted) return null;
  return saved.reason === 'quota'
    ? m.data_saved_quota({ id })
    : m.data_saved_unavailable({ id, detail: saved.detail });
}
