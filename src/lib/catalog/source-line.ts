import type { DatasetManifest } from './types';

/** The automatic source line: publisher, table code, date of the data, licence. */
export function sourceLine(dataset: DatasetManifest): string {
  const date = dataset.lastUpdate ? `, data of ${dataset.lastUpdate}` : '';
  return `Source: ${dataset.publisher} (${dataset.tableCode})${date}. Licence: ${dataset.licence}.`;
}
