import type { DatasetManifest } from '$lib/model/manifest';

/**
 * How imported datasets are laid out in the browser's private file system (OPFS): a folder,
 * and per dataset `<stem>.arrow` (the table) and `<stem>.json` (its manifest, written last so
 * a dataset is listed only once it is whole). Shared by the page's store and the import
 * worker, which writes a new import itself while the page loads it into DuckDB.
 */

export const OPFS_FOLDER = 'imported-datasets';

/** Ids become file names; anything but letters, digits, `_` and `-` is spelt out. */
export function fileStem(id: string): string {
  return id.replace(/[^A-Za-z0-9_-]/g, (c) => `~${c.charCodeAt(0).toString(16)}~`);
}

export function isQuotaError(error: unknown): boolean {
  return (
    error instanceof DOMException &&
    (error.name === 'QuotaExceededError' || error.code === DOMException.QUOTA_EXCEEDED_ERR)
  );
}

/** OPFS's synchronous file access, offered to workers only (not in TypeScript's DOM types). */
interface SyncAccessHandle {
  write(data: Uint8Array, options: { at: number }): number;
  truncate(size: number): void;
  flush(): void;
  close(): void;
}

type SyncFileHandle = FileSystemFileHandle & {
  createSyncAccessHandle?: () => Promise<SyncAccessHandle>;
};

/** Where a worker cannot write synchronously (no OPFS, or an older browser). */
export class NoSyncAccess extends Error {}

async function writeSync(folder: FileSystemDirectoryHandle, name: string, data: Uint8Array) {
  const handle = (await folder.getFileHandle(name, { create: true })) as SyncFileHandle;
  if (typeof handle.createSyncAccessHandle !== 'function')
    throw new NoSyncAccess('no synchronous access to the private file system');
  const access = await handle.createSyncAccessHandle();
  try {
    access.truncate(0);
    // One call writes everything in practice, but the API may write less and say so.
    let at = 0;
    while (at < data.length) {
      const written = access.write(data.subarray(at), { at });
      if (written <= 0) throw new Error(`the file system stopped writing ${name} at byte ${at}`);
      at += written;
    }
    access.flush();
  } finally {
    access.close();
  }
}

/**
 * Writes an imported dataset from a worker with OPFS's synchronous access handles: no copy
 * of the bytes, no round trip through the page. Throws NoSyncAccess where that is not
 * offered; on any other failure nothing of the dataset is left behind.
 */
export async function writeImportedFromWorker(
  manifest: DatasetManifest,
  ipc: Uint8Array
): Promise<void> {
  if (typeof navigator.storage?.getDirectory !== 'function')
    throw new NoSyncAccess('no private file system');
  const root = await navigator.storage.getDirectory();
  const folder = await root.getDirectoryHandle(OPFS_FOLDER, { create: true });
  const stem = fileStem(manifest.id);
  try {
    await writeSync(folder, `${stem}.arrow`, ipc);
    await writeSync(folder, `${stem}.json`, new TextEncoder().encode(JSON.stringify(manifest)));
  } catch (error) {
    if (error instanceof NoSyncAccess) throw error;
    // A half-written table must not be listed on the next visit.
    await folder.removeEntry(`${stem}.json`).catch(() => undefined);
    await folder.removeEntry(`${stem}.arrow`).catch(() => undefined);
    throw error;
  }
}
