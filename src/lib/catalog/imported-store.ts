import type { SaveReport } from './import-protocol';
import type { ImportedDatasetSource } from './imported';
import { OPFS_FOLDER, fileStem, isQuotaError } from './imported-files';
import type { DatasetManifest } from '$lib/model/manifest';

/**
 * Where the user's imported datasets live between visits: the browser's private file system
 * (OPFS) where there is one, IndexedDB where not. Every dataset is also kept in memory for
 * the session, so a dataset the disk refuses (quota, private mode) can still be explored until
 * the tab closes; the save outcome says so in words.
 */

export type SaveOutcome =
  { persisted: true } | { persisted: false; reason: 'quota' | 'unavailable'; detail: string };

export interface ImportedStore extends ImportedDatasetSource {
  /** Keeps a dataset (replacing one with the same id); the session copy never fails. */
  save(manifest: DatasetManifest, ipc: Uint8Array): Promise<SaveOutcome>;
  /**
   * Lists a dataset at once while the import worker saves it (`saving`); resolves when that is
   * over. Where the worker could not keep it, the bytes it hands back are kept as `save` would.
   */
  adopt(manifest: DatasetManifest, saving: Promise<SaveReport>): Promise<SaveOutcome>;
  remove(id: string): Promise<void>;
  /** Ids that exist for this session only, because the disk refused them. */
  sessionOnly(): Set<string>;
}

interface Backend {
  manifests(): Promise<DatasetManifest[]>;
  readIpc(id: string): Promise<Uint8Array | null>;
  write(manifest: DatasetManifest, ipc: Uint8Array): Promise<void>;
  remove(id: string): Promise<void>;
}

const IDB_NAME = 'cooperare-imported';
const IDB_STORE = 'datasets';

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function opfsBackend(): Promise<Backend> {
  const root = await navigator.storage.getDirectory();
  const folder = await root.getDirectoryHandle(OPFS_FOLDER, { create: true });
  const writeFile = async (name: string, data: Uint8Array | string) => {
    const handle = await folder.getFileHandle(name, { create: true });
    const writable = await handle.createWritable();
    try {
      await writable.write(data as FileSystemWriteChunkType);
      await writable.close();
    } catch (error) {
      await writable.abort().catch(() => undefined);
      throw error;
    }
  };
  const removeFile = (name: string) =>
    folder.removeEntry(name).catch((error: unknown) => {
      if (!(error instanceof DOMException && error.name === 'NotFoundError')) throw error;
    });
  return {
    async manifests() {
      const found: DatasetManifest[] = [];
      // The async iteration of a directory is not in TypeScript's DOM types yet.
      const names = (folder as unknown as { keys(): AsyncIterable<string> }).keys();
      for await (const name of names) {
        if (!name.endsWith('.json')) continue;
        const file = await (await folder.getFileHandle(name)).getFile();
        found.push(JSON.parse(await file.text()) as DatasetManifest);
      }
      return found;
    },
    async readIpc(id) {
      try {
        const file = await (await folder.getFileHandle(`${fileStem(id)}.arrow`)).getFile();
        return new Uint8Array(await file.arrayBuffer());
      } catch {
        return null;
      }
    },
    async write(manifest, ipc) {
      const stem = fileStem(manifest.id);
      // The data first, the manifest last: a dataset is listed only once it is whole.
      try {
        await writeFile(`${stem}.arrow`, ipc);
        await writeFile(`${stem}.json`, JSON.stringify(manifest));
      } catch (error) {
        await removeFile(`${stem}.json`).catch(() => undefined);
        await removeFile(`${stem}.arrow`).catch(() => undefined);
        throw error;
      }
    },
    async remove(id) {
      const stem = fileStem(id);
      await removeFile(`${stem}.json`);
      await removeFile(`${stem}.arrow`);
    }
  };
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

async function indexedDbBackend(): Promise<Backend> {
  const open = indexedDB.open(IDB_NAME, 1);
  open.onupgradeneeded = () => open.result.createObjectStore(IDB_STORE, { keyPath: 'id' });
  const db = await request(open);
  const store = (mode: IDBTransactionMode) =>
    db.transaction(IDB_STORE, mode).objectStore(IDB_STORE);
  interface Entry {
    id: string;
    manifest: DatasetManifest;
    ipc: Uint8Array;
  }
  return {
    async manifests() {
      const entries = (await request(store('readonly').getAll())) as Entry[];
      return entries.map((entry) => entry.manifest);
    },
    async readIpc(id) {
      const entry = (await request(store('readonly').get(id))) as Entry | undefined;
      return entry ? entry.ipc : null;
    },
    async write(manifest, ipc) {
      const tx = db.transaction(IDB_STORE, 'readwrite');
      tx.objectStore(IDB_STORE).put({ id: manifest.id, manifest, ipc } satisfies Entry);
      await new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
        tx.onabort = () => reject(tx.error);
      });
    },
    async remove(id) {
      await request(store('readwrite').delete(id));
    }
  };
}

/** OPFS, else IndexedDB, else nothing (the session copy only). */
async function openBackend(): Promise<Backend | null> {
  try {
    if (typeof navigator.storage?.getDirectory === 'function') return await opfsBackend();
  } catch {
    // Some browsers refuse OPFS in private windows; IndexedDB may still work.
  }
  try {
    if (typeof indexedDB !== 'undefined') return await indexedDbBackend();
  } catch {
    // No storage at all: datasets live for the session.
  }
  return null;
}

// The ids the store holds, kept where they can be read without waiting (see `knownIds`). A
// browser that has never imported anything has no record, which reads as no imports; so does a
// browser whose imports predate the record, until its first listing writes it: its first chart
// of a replaced shipped dataset is then drawn from the shipped entry, and redrawn from the
// import once the catalogue is read.
const IDS_RECORD = 'cooperare-imported-ids';

function readIdsRecord(): ReadonlySet<string> | null {
  try {
    const text = localStorage.getItem(IDS_RECORD);
    return new Set(text ? (JSON.parse(text) as string[]) : []);
  } catch {
    return null;
  }
}

function writeIdsRecord(change: (ids: Set<string>) => void): void {
  try {
    const ids = new Set(readIdsRecord());
    change(ids);
    localStorage.setItem(IDS_RECORD, JSON.stringify([...ids].sort()));
  } catch {
    // No storage for the record: charts wait for the listing instead.
  }
}

export function createImportedStore(): ImportedStore {
  // A dataset the worker is still saving is listed with no bytes here: they are on their way
  // to disk, or come back to this map if the disk refuses them.
  const session = new Map<string, { manifest: DatasetManifest; ipc: Uint8Array | null }>();
  const saving = new Map<string, Promise<SaveOutcome>>();
  const unsaved = new Set<string>();
  const removed = new Set<string>();
  let backend: Promise<Backend | null> | null = null;
  const disk = () => (backend ??= openBackend());

  async function save(manifest: DatasetManifest, ipc: Uint8Array): Promise<SaveOutcome> {
    session.set(manifest.id, { manifest, ipc });
    removed.delete(manifest.id);
    writeIdsRecord((ids) => ids.add(manifest.id));
    const store = await disk();
    if (!store) {
      unsaved.add(manifest.id);
      return {
        persisted: false,
        reason: 'unavailable',
        detail: 'this browser offers no storage to this page'
      };
    }
    try {
      await store.write(manifest, ipc);
      // On disk now: the session copy would only double the memory a large dataset takes.
      session.delete(manifest.id);
      unsaved.delete(manifest.id);
      return { persisted: true };
    } catch (error) {
      unsaved.add(manifest.id);
      return {
        persisted: false,
        reason: isQuotaError(error) ? 'quota' : 'unavailable',
        detail: errorText(error)
      };
    }
  }

  async function settle(manifest: DatasetManifest, report: SaveReport): Promise<SaveOutcome> {
    const { id } = manifest;
    if (report.kind === 'saved') {
      session.delete(id);
      unsaved.delete(id);
      return { persisted: true };
    }
    // No synchronous writes in this browser's workers: the page's own way (OPFS, IndexedDB).
    if (report.kind === 'unsupported') return save(manifest, report.ipc);
    session.set(id, { manifest, ipc: report.ipc });
    unsaved.add(id);
    return { persisted: false, reason: report.reason, detail: report.detail };
  }

  return {
    async list() {
      // Taken before the disk is read: a save that ends meanwhile moves a dataset from here to
      // the disk after the listing may have passed it.
      const inSession = [...session.values()].map((entry) => entry.manifest);
      const store = await disk();
      const stored = store ? await store.manifests().catch(() => []) : [];
      const byId = new Map<string, DatasetManifest>();
      for (const manifest of stored) if (!removed.has(manifest.id)) byId.set(manifest.id, manifest);
      for (const manifest of inSession) byId.set(manifest.id, manifest);
      const listed = [...byId.values()].sort((a, b) => a.id.localeCompare(b.id));
      writeIdsRecord((ids) => {
        ids.clear();
        for (const manifest of listed) ids.add(manifest.id);
      });
      return listed;
    },
    async readIpc(id) {
      await saving.get(id);
      // DuckDB takes ownership of the bytes it is given, so each caller gets its own copy.
      const kept = session.get(id);
      if (kept?.ipc) return kept.ipc.slice();
      const store = await disk();
      const bytes = store && !unsaved.has(id) ? await store.readIpc(id) : null;
      if (!bytes) throw new Error(`The imported dataset “${id}” is no longer in this browser.`);
      return bytes;
    },
    save,
    adopt(manifest, report) {
      session.set(manifest.id, { manifest, ipc: null });
      removed.delete(manifest.id);
      writeIdsRecord((ids) => ids.add(manifest.id));
      const outcome = report.then((r) => settle(manifest, r));
      saving.set(manifest.id, outcome);
      void outcome.finally(() => {
        if (saving.get(manifest.id) === outcome) saving.delete(manifest.id);
      });
      return outcome;
    },
    async remove(id) {
      // A save still running would bring the files back after they are removed.
      await saving.get(id);
      session.delete(id);
      unsaved.delete(id);
      removed.add(id);
      writeIdsRecord((ids) => ids.delete(id));
      const store = await disk();
      if (store) await store.remove(id);
      removed.delete(id);
    },
    sessionOnly() {
      return new Set(unsaved);
    },
    knownIds: readIdsRecord
  };
}

let shared: ImportedStore | null = null;

/** The page's one store of imported datasets. */
export function importedStore(): ImportedStore {
  shared ??= createImportedStore();
  return shared;
}
