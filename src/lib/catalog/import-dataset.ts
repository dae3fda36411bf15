/**
 * Turning a parsed import into a catalogue entry: its id (the permalink's `ds`), its
 * manifest, and keeping it. The parsing itself happens in the import worker.
 */

import type { WorkerCopy } from './import-client';
import type { ParsedImport } from './import-protocol';
import { slugCode } from '$lib/ingest/slug';
import { importedStore, type SaveOutcome } from './imported-store';
import { catalogChanged, listDatasets, loadTableNow } from './registry';
import type { DatasetManifest } from '$lib/model/manifest';

/** What an imported dataset says in place of a publisher and a licence. */
export const AS_IMPORTED = 'as imported by the user';

/**
 * The dataset id for a file: the Eurostat table code the file names, in lower case, else a
 * slug of the file name without its extensions (`My data (2).csv` → `my_data_2`).
 */
export function importedId(tableCode: string | null, fileName: string): string {
  if (tableCode) return tableCode.toLowerCase();
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  const stem = base.replace(/(\.(gz|csv|tsv|txt|json|xlsx|parquet))+$/i, '');
  const slug = slugCode(stem);
  return /^[a-z]/.test(slug) ? slug : `data_${slug || 'file'}`;
}

/** `id`, or `id_2`, `id_3`… : the first that is not taken. */
export function keepBothId(id: string, taken: ReadonlySet<string>): string {
  let n = 2;
  while (taken.has(`${id}_${n}`)) n++;
  return `${id}_${n}`;
}

/** The catalogue entry of an imported file. */
export function importedManifest(id: string, parsed: ParsedImport): DatasetManifest {
  return {
    id,
    title: parsed.title ?? parsed.fileName,
    publisher: AS_IMPORTED,
    tableCode: parsed.tableCode ?? id,
    licence: AS_IMPORTED,
    sources: [
      {
        file: parsed.fileName,
        repository: AS_IMPORTED,
        path: parsed.fileName,
        commit: '',
        format: parsed.format
      }
    ],
    combination: null,
    lastUpdate:
      parsed.lastUpdate && /^\d{4}-\d{2}-\d{2}/.test(parsed.lastUpdate)
        ? parsed.lastUpdate.slice(0, 10)
        : parsed.lastUpdate,
    ...parsed.description,
    caveats: parsed.caveats,
    file: `${id}.arrow`,
    bytes: parsed.ipc.byteLength,
    origin: 'imported'
  };
}

/** The ids in the catalogue now, shipped and imported. */
export async function takenIds(): Promise<Set<string>> {
  return new Set((await listDatasets()).map((d) => d.id));
}

export interface KeptImport {
  /** The table is in DuckDB: the dataset can be queried. */
  loaded: Promise<void>;
  /** The worker's copy is saved for the next visit, or kept for this session only. */
  saved: Promise<SaveOutcome>;
}

/**
 * Puts the dataset in the catalogue under `id` and, at the same time, loads the page's copy of
 * its table into DuckDB and has the worker save its own copy: neither waits for the other.
 */
export function keepImport(id: string, parsed: ParsedImport, copy: WorkerCopy): KeptImport {
  const manifest = importedManifest(id, parsed);
  const saved = importedStore().adopt(manifest, copy.save(manifest));
  catalogChanged();
  const loaded = loadTableNow(id, parsed.ipc).then(() => undefined);
  return { loaded, saved };
}

export async function deleteImport(id: string): Promise<void> {
  await importedStore().remove(id);
  catalogChanged();
}
