/**
 * The long dataset's string columns as dictionaries: each distinct string once, and per row
 * its position in that list. The Arrow writer and the catalogue's description both work from
 * this form, so a 30-million-row import counts and copies integers instead of comparing
 * strings. A reader that already holds its columns so (the Eurostat TSV reader) hands them
 * over with keepEncoding; for any other dataset they are worked out once from the strings.
 */

import type { LongDataset } from './types';

export interface EncodedColumn {
  /** The distinct values; null stands for "none" (a row without a flag). */
  dictionary: readonly (string | null)[];
  /** Per row, the position of its value in `dictionary`. */
  indices: Int32Array | Uint16Array | Uint8Array;
}

export interface EncodedColumns {
  /** One per dimension, aligned with `dataset.dimensions`. */
  codes: EncodedColumn[];
  time: EncodedColumn;
  flag: EncodedColumn;
}

// Keyed by the dataset object itself: a copy made with `{ ...dataset, codes }` is another
// object, so it can never be paired with columns that no longer match it.
const known = new WeakMap<LongDataset, EncodedColumns>();

/** Records the encoded form a reader built alongside `dataset`. */
export function keepEncoding(dataset: LongDataset, columns: EncodedColumns): void {
  known.set(dataset, columns);
}

function encodeStrings(values: readonly (string | null)[]): EncodedColumn {
  const positions = new Map<string | null, number>();
  const dictionary: (string | null)[] = [];
  const indices = new Int32Array(values.length);
  // Codes repeat over a whole series, usually as the very same string: comparing with the
  // previous row skips most map lookups.
  let previous: string | null | undefined = undefined;
  let previousPosition = 0;
  for (let row = 0; row < values.length; row++) {
    const value = values[row] ?? null;
    if (value !== previous) {
      let position = positions.get(value);
      if (position === undefined) {
        position = dictionary.push(value) - 1;
        positions.set(value, position);
      }
      previous = value;
      previousPosition = position;
    }
    indices[row] = previousPosition;
  }
  return { dictionary, indices };
}

/** Room for `rows` positions in a dictionary of `size` entries, in the narrowest array that holds them. */
export function positionArray(size: number, rows: number): EncodedColumn['indices'] {
  if (size <= 0xff) return new Uint8Array(rows);
  if (size <= 0xffff) return new Uint16Array(rows);
  return new Int32Array(rows);
}

/** The dataset's string columns as dictionaries, from its reader or worked out once. */
export function encodedColumns(dataset: LongDataset): EncodedColumns {
  let columns = known.get(dataset);
  if (!columns) {
    columns = {
      codes: dataset.codes.map(encodeStrings),
      time: encodeStrings(dataset.time),
      flag: encodeStrings(dataset.flag)
    };
    known.set(dataset, columns);
  }
  return columns;
}

/** How many rows point at each entry of the column's dictionary. */
export function entryCounts(column: EncodedColumn): Uint32Array {
  const counts = new Uint32Array(column.dictionary.length);
  const { indices } = column;
  for (let row = 0; row < indices.length; row++) counts[indices[row]]++;
  return counts;
}
