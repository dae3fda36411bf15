/**
 * The messages between the page and the import worker. Kept apart from both so each side
 * imports only the types.
 */

import type { DatasetDescription } from '$lib/catalog/describe';
import type { ColumnMapping, PlainTable } from './plain-csv';
import type { SourceFormat } from './types';

/**
 * Largest file the browser import takes: 1 GiB. A file is held in memory twice over while it
 * is parsed (its bytes, then the columns), and browsers give a tab a few gigabytes at most,
 * so past this size the tab itself would be at risk.
 */
export const MAX_IMPORT_BYTES = 1024 ** 3;

export type ImportStage = 'reading' | 'parsing' | 'storing';

export interface ImportRequest {
  file: Blob;
  fileName: string;
  mapping: ColumnMapping | null;
}

/** A parsed file: everything the catalogue needs, and the table as Arrow IPC bytes. */
export interface ParsedImport {
  fileName: string;
  format: SourceFormat;
  tableCode: string | null;
  title: string | null;
  lastUpdate: string | null;
  caveats: string[];
  description: DatasetDescription;
  ipc: Uint8Array;
}

export type WorkerMessage =
  | { type: 'progress'; stage: ImportStage; fraction: number | null }
  | { type: 'mapping'; table: PlainTable }
  | { type: 'done'; parsed: ParsedImport }
  | { type: 'error'; message: string; tooLarge: boolean };
