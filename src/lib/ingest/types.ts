/**
 * The one long shape every reader produces: one row per observation, with a code per
 * dimension, the time period, the value (null where missing) and the Eurostat-style flag.
 * Columnar on purpose: a 200 MB file becomes a few typed arrays, not millions of objects.
 */
import type { SourceFormat } from '$lib/model/manifest';

/** One dimension of a dataset (not time): its id (column name), label, and code → label. */
export interface Dimension {
  /** Column name in the long table, lower case, e.g. `geo`, `iccs`, `unit`. */
  id: string;
  /** Human label of the dimension, e.g. "Geopolitical entity (reporting)". */
  label: string;
  /** Every code that occurs, in first-seen order, with its label (the code itself where none is known). */
  codes: Map<string, string>;
}

export interface LongDataset {
  /** Lower-case table code named by the file (`crim_off_cat`), or null when the file names none. */
  tableCode: string | null;
  /** Title the file gives, or null. */
  title: string | null;
  /** Last update the file states (ISO date or the file's own text), or null. */
  lastUpdate: string | null;
  format: SourceFormat;
  /** File name as given to the reader; every error names it. */
  fileName: string;
  /** Dimensions in column order; `geo` is included where the file has it. */
  dimensions: Dimension[];
  /** Number of rows; every array below has this length. */
  rowCount: number;
  /** One code array per dimension, aligned with `dimensions`. */
  codes: string[][];
  /** Time period: `2008` (annual), `2009-01` (monthly), `2009-Q1` (quarterly). */
  time: string[];
  /** The value; NaN where the source has none (`:`, empty, `<5`). Stored as null downstream. */
  value: Float64Array;
  /** Flag letters as published (`p`, `bep`, `c`…), or null where there is none. */
  flag: (string | null)[];
  /**
   * What the reader found in the file that a user must know to read the values right (values
   * left empty because the file contradicts itself, spellings merged into one code), in words
   * for the manifest's caveats. Absent when there is nothing to say.
   */
  caveats?: string[];
}

/**
 * A reader's error: names the file, where in it (line, field or key), and what was expected,
 * so the message can be shown to a user as it is.
 */
export class IngestError extends Error {
  readonly fileName: string;
  readonly location: string | null;
  readonly expected: string | null;

  constructor(
    fileName: string,
    problem: string,
    location?: string | null,
    expected?: string | null
  ) {
    const where = location ? ` (${location})` : '';
    const want = expected ? ` Expected ${expected}.` : '';
    super(`${fileName}${where}: ${problem}.${want}`);
    this.name = 'IngestError';
    this.fileName = fileName;
    this.location = location ?? null;
    this.expected = expected ?? null;
  }
}
