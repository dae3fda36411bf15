/**
 * Parses an imported file off the page's thread, so a file of hundreds of megabytes never
 * freezes the page, and hands back the table as Arrow IPC bytes (transferred, not copied).
 * The catalogue's description is counted here too, for the same reason. It keeps a second
 * copy of the bytes and, once the page has named the dataset, saves it to OPFS with
 * synchronous writes while the page loads its copy into DuckDB: the two run side by side
 * instead of one after the other.
 */

import { longDatasetToIpc } from '$lib/ingest/arrow';
import { readImportFile } from '$lib/ingest/read-file';
import { IngestError } from '$lib/ingest/types';
import type { DatasetManifest } from '$lib/model/manifest';
import { describeLongDataset } from './describe';
import { NoSyncAccess, isQuotaError, writeImportedFromWorker } from './imported-files';
import type {
  ImportRequest,
  ImportStage,
  PageMessage,
  SaveReport,
  WorkerMessage
} from './import-protocol';
import { MAX_IMPORT_BYTES } from './import-protocol';

const post = (message: WorkerMessage, transfer: Transferable[] = []) =>
  self.postMessage(message, { transfer });

let lastReport = 0;
function progress(stage: ImportStage, fraction: number | null): void {
  // A few reports a second are enough for a progress bar.
  const now = performance.now();
  if (fraction !== null && fraction < 1 && now - lastReport < 100) return;
  lastReport = now;
  post({ type: 'progress', stage, fraction });
}

/** Reads the file in pieces so the bar moves while a large file is read. */
async function readAll(file: Blob): Promise<Uint8Array> {
  const bytes = new Uint8Array(file.size);
  const reader = file.stream().getReader();
  let at = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes.set(value, at);
    at += value.length;
    progress('reading', at / Math.max(file.size, 1));
  }
  return at === bytes.length ? bytes : bytes.subarray(0, at);
}

/** Allocation failures look different in each engine; all mean the file is too large. */
function isOutOfMemory(error: unknown): boolean {
  if (error instanceof RangeError) return true;
  const text = error instanceof Error ? `${error.name} ${error.message}` : String(error);
  return /out of memory|allocation failed|invalid (array|typed array|string) length/i.test(text);
}

/** The worker's copy of the table, kept from `done` until the page's save request. */
let kept: Uint8Array | null = null;

async function save(manifest: DatasetManifest): Promise<void> {
  const ipc = kept;
  kept = null;
  if (!ipc) return;
  let report: SaveReport;
  try {
    await writeImportedFromWorker(manifest, ipc);
    report = { kind: 'saved' };
  } catch (error) {
    report =
      error instanceof NoSyncAccess
        ? { kind: 'unsupported', ipc }
        : {
            kind: 'refused',
            reason: isQuotaError(error) ? 'quota' : 'unavailable',
            detail: error instanceof Error ? error.message : String(error),
            ipc
          };
  }
  post({ type: 'saved', report }, report.kind === 'saved' ? [] : [ipc.buffer]);
}

self.onmessage = (event: MessageEvent<PageMessage>) => {
  const message = event.data;
  if (message.type === 'save') void save(message.manifest);
  else void parse(message);
};

async function parse({ file, fileName, mapping }: ImportRequest): Promise<void> {
  try {
    if (file.size > MAX_IMPORT_BYTES) {
      post({
        type: 'error',
        tooLarge: true,
        message: `${file.size} bytes, more than the ${MAX_IMPORT_BYTES} this browser import takes`
      });
      return;
    }
    progress('reading', 0);
    const bytes = await readAll(file);
    progress('parsing', null);
    const reading = await readImportFile(bytes, fileName, mapping, (fraction) =>
      progress('parsing', fraction)
    );
    if (reading.kind === 'mapping') {
      post({ type: 'mapping', table: reading.table });
      return;
    }
    progress('storing', null);
    const dataset = reading.dataset;
    const description = describeLongDataset(dataset);
    const ipc = longDatasetToIpc(dataset);
    // One copy for the page (DuckDB takes ownership of what it is given), one kept to save.
    kept = ipc;
    const forPage = ipc.slice();
    post(
      {
        type: 'done',
        parsed: {
          fileName: dataset.fileName,
          format: dataset.format,
          tableCode: dataset.tableCode,
          title: dataset.title,
          lastUpdate: dataset.lastUpdate,
          caveats: dataset.caveats ?? [],
          description,
          ipc: forPage
        }
      },
      [forPage.buffer]
    );
  } catch (error) {
    const tooLarge = isOutOfMemory(error);
    // The readers' errors name the file already; anything else gets its name here.
    const text = error instanceof Error ? error.message : String(error);
    post({
      type: 'error',
      tooLarge,
      message: error instanceof IngestError || tooLarge ? text : `${fileName}: ${text}`
    });
  }
}
