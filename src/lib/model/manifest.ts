/**
 * What the app knows about a dataset without opening its data: written by the build into
 * datasets/manifest.json, and by the catalogue for an imported or remote dataset.
 */
import type { Frequency } from './period';

/** How the source file was laid out; shown in the catalogue and used to pick a reader. */
export type SourceFormat =
  | 'eurostat-tsv'
  | 'jsonstat'
  | 'sdmx-csv'
  | 'eurostat-csv-export'
  | 'worldbank-json'
  | 'worldbank-csv'
  | 'unodc-xlsx'
  | 'frontex-xlsx'
  | 'csv'
  | 'parquet';

/** Where a shipped file was published: enough to trace it back to the exact bytes. */
export interface SourceFile {
  /** File name as published, e.g. `estat_crim_off_cat.tsv`. */
  file: string;
  /** Public repository (owner/name) the copy was taken from. */
  repository: string;
  path: string;
  commit: string;
  format: SourceFormat;
}

export interface DimensionCode {
  code: string;
  label: string;
  /** Rows with this code. */
  rows: number;
}

export interface DimensionManifest {
  id: string;
  label: string;
  codes: DimensionCode[];
}

/** Everything the app knows about a dataset without opening its data. */
export interface DatasetManifest {
  /** Stable public id used in permalinks: the lower-case Eurostat table code where there is one. */
  id: string;
  title: string;
  publisher: string;
  /** The publisher's own code for the table (`crim_off_cat`, `SP.POP.TOTL`, `GLOTIP`). */
  tableCode: string;
  licence: string;
  /** Source files in the order they were combined. */
  sources: SourceFile[];
  /** How several sources were combined, when they were. */
  combination: string | null;
  /** Date of the data as the publisher states it (ISO date), or null when the file gives none. */
  lastUpdate: string | null;
  dimensions: DimensionManifest[];
  time: {
    frequency: Frequency;
    first: string;
    last: string;
    periods: string[];
  };
  /** Geo codes with at least one value. */
  geo: string[];
  rowCount: number;
  /** Rows per flag as published (`b`, `bep`, …). */
  flagCounts: Record<string, number>;
  /** Caveats a reader must see beside any chart of this dataset. */
  caveats: string[];
  /** Data file beside the manifest (Arrow IPC stream). */
  file: string;
  bytes: number;
  /**
   * Whether the app ships it, the user imported it, its rows stay in a Parquet file on a
   * server and only the rows a view selects are fetched (`remote`, with `url`), or a server
   * engine holds its table and answers every query on it (`server`; the catalogue sets it
   * on the manifests the engine lists, whatever they said there).
   */
  origin: 'shipped' | 'imported' | 'remote' | 'server';
  /** The remote Parquet file's address (same origin as the app); only when origin is remote. */
  url?: string;
}

export interface Manifest {
  /** Version of the manifest format, raised when its shape changes. */
  version: 1;
  datasets: DatasetManifest[];
}
