import { formatDate, m } from '$lib/i18n';
import type { DatasetManifest } from '$lib/model/manifest';

/**
 * The automatic source line: publisher, table code, date of the data, licence. A file that
 * states no release date (Eurostat's bulk TSV) is dated by the last period it holds. It is written in
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
    : // Without the publisher's date, the last period the data reaches is the date a reader can check.
      m.a11y_source_line_undated({ ...parts, last: dataset.time.last });
}
