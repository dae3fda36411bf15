/**
 * The messages between the page and the import worker. Kept apart from both so each side
 * imports only the types.
 */

import type { ColumnMapping, PlainTable } from '$lib/ingest/column-mapping';
import type { DatasetManifest, SourceFormat } from '$lib/model/manifest';
import type { DatasetDescription } from './describe';

/**
 * Largest file the browser import takes: 1 GiB. A file is held in memory twice over while it
 * is parsed (its bytes, then the columns), and browsers give a tab a few gigabytes at most,
 * so past this size the tab itself would be at risk.
 */
export const MAX_IMPORT_BYTES = 1024 ** 3;

/** The worker's stages, then the page's: loading the table into DuckDB. */
export type ImportStage = 'reading' | 'parsing' | 'storing' | 'loading';

export interface ImportRequest {
  type: 'import';
  file: Blob;
  fileName: string;
  mapping: ColumnMapping | null;
}

/**
 * After `done`, the page names the dataset (the user may have chosen its id) and the worker
 * saves its own copy of the table while the page loads the other into DuckDB.
 */
export interface SaveRequest {
  type: 'save';
  manifest: DatasetManifest;
}

export type PageMessage = ImportRequest | SaveRequest;

/**
 * How the worker's save went. Where it could not keep the table, it hands its copy back so the
 * page can keep it for the session (or try IndexedDB where OPFS cannot be written from a worker);
 * a worker that died while saving has no copy to hand back.
 */
export type SaveReport =
  | { kind: 'saved' }
  | { kind: 'refused'; reason: 'quota' | 'unavailable'; detail: string; ipc: Uint8Array | null }
  | { kind: 'unsupported'; ipc: Uint8Array };

/**
 * A parsed file: everything the catalogue needs, and the table as Arrow IPC bytes (the page's
 * copy, for DuckDB; the worker keeps another to save).
 */
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
  | { type: 'saved'; report: SaveReport }
  | { type: 'error'; message: string; tooLarge: boolean };
