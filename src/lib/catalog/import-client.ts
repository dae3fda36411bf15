/**
 * The page's side of an import: starts the worker, relays its progress, and ends it on
 * Cancel. A worker that dies (out of memory) becomes an error, never a crashed tab. A parsed
 * import keeps its worker until the page asks it to save its copy of the table (or drops it).
 */

import type { DatasetManifest } from '$lib/model/manifest';
import type { ColumnMapping, PlainTable } from '$lib/ingest/column-mapping';
import {
  MAX_IMPORT_BYTES,
  type ImportStage,
  type PageMessage,
  type ParsedImport,
  type SaveReport,
  type WorkerMessage
} from './import-protocol';

export { MAX_IMPORT_BYTES, type ImportStage, type ParsedImport, type SaveReport };

/** The worker's copy of a parsed table: saved under the manifest's id, or dropped. */
export interface WorkerCopy {
  save(manifest: DatasetManifest): Promise<SaveReport>;
  drop(): void;
}

export type ImportOutcome =
  | { kind: 'parsed'; parsed: ParsedImport; copy: WorkerCopy }
  | { kind: 'mapping'; table: PlainTable }
  | { kind: 'cancelled' }
  | { kind: 'failed'; message: string; tooLarge: boolean };

export interface ImportJob {
  outcome: Promise<ImportOutcome>;
  cancel(): void;
}

export function startImport(
  file: Blob,
  fileName: string,
  mapping: ColumnMapping | null,
  onProgress: (stage: ImportStage, fraction: number | null) => void
): ImportJob {
  if (file.size > MAX_IMPORT_BYTES)
    return {
      outcome: Promise.resolve({
        kind: 'failed',
        tooLarge: true,
        message: `${file.size} bytes, more than the ${MAX_IMPORT_BYTES} this browser import takes`
      }),
      cancel: () => undefined
    };
  const worker = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' });
  const send = (message: PageMessage) => worker.postMessage(message);
  let settled = false;
  let settle: (outcome: ImportOutcome) => void = () => undefined;
  const outcome = new Promise<ImportOutcome>((resolve) => {
    settle = (result) => {
      if (settled) return;
      settled = true;
      if (result.kind !== 'parsed') worker.terminate();
      resolve(result);
    };
  });
  let saved: (report: SaveReport) => void = () => undefined;
  const copy: WorkerCopy = {
    save(manifest) {
      const report = new Promise<SaveReport>((resolve) => {
        saved = (result) => {
          worker.terminate();
          resolve(result);
        };
      });
      send({ type: 'save', manifest });
      return report;
    },
    drop: () => worker.terminate()
  };
  worker.onmessage = (event: MessageEvent<WorkerMessage>) => {
    const message = event.data;
    if (message.type === 'progress') onProgress(message.stage, message.fraction);
    else if (message.type === 'mapping') settle({ kind: 'mapping', table: message.table });
    else if (message.type === 'done') settle({ kind: 'parsed', parsed: message.parsed, copy });
    else if (message.type === 'saved') saved(message.report);
    else settle({ kind: 'failed', message: message.message, tooLarge: message.tooLarge });
  };
  worker.onerror = (event) => {
    event.preventDefault();
    const message = event.message || 'the import stopped, most likely for lack of memory';
    if (settled)
      saved({
        kind: 'refused',
        reason: 'unavailable',
        detail: message,
        ipc: null
      });
    else settle({ kind: 'failed', tooLarge: /memory|alloc/i.test(message), message });
  };
  send({ type: 'import', file, fileName, mapping });
  return { outcome, cancel: () => settle({ kind: 'cancelled' }) };
}
