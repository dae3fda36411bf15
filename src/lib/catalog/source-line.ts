import { formatDate, m } from '$lib/i18n';
import type { DatasetManifest } from './types';

/**
 * The automatic source line: publisher, table code, date of the data, licence. It is written in
 * the interface language, and so is every download made from the screen that shows it.
 */
export function sourceLine(dataset: DatasetManifest): string {
  const parts = {
    publisher: dataset.publisher,
    table: dataset.tableCode,
    licence: dataset.licence
  };
  return dataset.lastUpdate
    ? m.a11y_source_line({ ...parts, date: formatDate(dataset.lastUpdate) })
    : m.a11y_source_line_undated(parts);
}
