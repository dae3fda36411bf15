/**
 * The page's side of an import: starts the worker, relays its progress, and ends it on
 * Cancel. A worker that dies (out of memory) becomes an error, never a crashed tab.
 */

import type { ColumnMapping, PlainTable } from './plain-csv';
import {
  MAX_IMPORT_BYTES,
  type ImportStage,
  type ParsedImport,
  type WorkerMessage
} from './import-protocol';

export { MAX_IMPORT_BYTES, type ImportStage, type ParsedImport };

export type ImportOutcome =
  | { kind: 'parsed'; parsed: ParsedImport }
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
  let settle: (outcome: ImportOutcome) => void = () => undefined;
  const outcome = new Promise<ImportOutcome>((resolve) => {
    settle = (result) => {
      worker.terminate();
      resolve(result);
    };
  });
  worker.onmessage = (event: MessageEvent<WorkerMessage>) => {
    const message = event.data;
    if (message.type === 'progress') onProgress(message.stage, message.fraction);
    else if (message.type === 'mapping') settle({ kind: 'mapping', table: message.table });
    else if (message.type === 'done') settle({ kind: 'parsed', parsed: message.parsed });
    else settle({ kind: 'failed', message: message.message, tooLarge: message.tooLarge });
  };
  worker.onerror = (event) => {
    event.preventDefault();
    const message = event.message || 'the import stopped, most likely for lack of memory';
    settle({ kind: 'failed', tooLarge: /memory|alloc/i.test(message), message });
  };
  worker.postMessage({ file, fileName, mapping });
  return { outcome, cancel: () => settle({ kind: 'cancelled' }) };
}
