import type { DatasetManifest } from '$lib/model/manifest';

/**
 * The user's imported datasets as the registry sees them. The import feature keeps them
 * (OPFS, IndexedDB) and puts them here; the registry only reads.
 */
export interface ImportedDatasetSource {
  list(): Promise<DatasetManifest[]>;
  /** Arrow IPC stream of the dataset's long table. */
  readIpc(id: string): Promise<Uint8Array>;
  /**
   * The ids of the imported datasets as this browser last recorded them, read at once, so a
   * chart the build answered can paint in the page's first frame instead of after the disk has
   * been listed. Null where that record cannot be read: ask `list`.
   */
  knownIds(): ReadonlySet<string> | null;
}

let source: ImportedDatasetSource = {
  list: async () => [],
  readIpc: async (id) => {
    throw new Error(`There is no imported dataset “${id}”.`);
  },
  knownIds: () => new Set()
};

export function setImportedDatasetSource(next: ImportedDatasetSource): void {
  source = next;
}

export function importedDatasetSource(): ImportedDatasetSource {
  return source;
}
