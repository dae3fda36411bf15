/**
 * Parses an imported file off the page's thread, so a file of hundreds of megabytes never
 * freezes the page, and hands back the table as Arrow IPC bytes (transferred, not copied).
 * The catalogue's description is counted here too, for the same reason.
 */

import { describeLongDataset } from '$lib/catalog/describe';
import { longDatasetToIpc } from './arrow';
import type { ImportRequest, ImportStage, WorkerMessage } from './import-protocol';
import { MAX_IMPORT_BYTES } from './import-protocol';
import { readImportFile } from './read-file';
import { IngestError } from './types';

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

self.onmessage = async (event: MessageEvent<ImportRequest>) => {
  const { file, fileName, mapping } = event.data;
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
          ipc
        }
      },
      [ipc.buffer]
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
};
