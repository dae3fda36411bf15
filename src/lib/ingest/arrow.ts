import {
  Dictionary,
  Float64,
  Int16,
  Int32,
  Int8,
  Table,
  Utf8,
  makeData,
  makeVector,
  tableToIPC,
  type Vector
} from 'apache-arrow';
import { encodedColumns, type EncodedColumn } from './encoded';
import type { LongDataset } from './types';

const UNSEEN = -1;
const NULL_ENTRY = -2;

/**
 * A string column as an Arrow dictionary: each distinct string stored once, rows hold an
 * index. Dimension codes repeat on every row, so this keeps shipped files small and
 * DuckDB reads it directly. The Arrow dictionary holds only the values rows use, in the order
 * rows first use them, so a file is written the same whichever way its columns were encoded;
 * dictionary entries that are null become null rows.
 */
function dictionaryColumn({ dictionary, indices }: EncodedColumn): Vector {
  const length = indices.length;
  // Per dictionary entry: its place among the used values, NULL_ENTRY, or UNSEEN.
  const position = new Int32Array(dictionary.length).fill(UNSEEN);
  const used: string[] = [];
  for (let row = 0; row < length; row++) {
    const entry = indices[row];
    if (position[entry] !== UNSEEN) continue;
    const value = dictionary[entry];
    position[entry] = value === null ? NULL_ENTRY : used.push(value) - 1;
  }
  // The narrowest index type that holds the dictionary: most dimensions have few codes.
  const [indexType, narrowed] =
    used.length <= 127
      ? [new Int8(), new Int8Array(length)]
      : used.length <= 32767
        ? [new Int16(), new Int16Array(length)]
        : [new Int32(), new Int32Array(length)];
  const hasNulls = position.includes(NULL_ENTRY);
  const validity = hasNulls ? new Uint8Array(Math.ceil(length / 8)) : null;
  let nullCount = 0;
  for (let row = 0; row < length; row++) {
    const at = position[indices[row]];
    if (at === NULL_ENTRY) nullCount++;
    else {
      narrowed[row] = at;
      if (validity) validity[row >> 3] |= 1 << (row & 7);
    }
  }
  const type = new Dictionary(new Utf8(), indexType);
  const data = makeData({
    type,
    length,
    nullCount,
    nullBitmap: nullCount > 0 ? validity : null,
    data: narrowed,
    dictionary: utf8Vector(used)
  });
  return makeVector(data);
}

/** Which rows hold a value, as Arrow's validity bitmap, or null when every row does. */
function validityOf(length: number, isNull: (row: number) => boolean) {
  const validity = new Uint8Array(Math.ceil(length / 8));
  let nullCount = 0;
  for (let row = 0; row < length; row++) {
    if (isNull(row)) nullCount++;
    else validity[row >> 3] |= 1 << (row & 7);
  }
  return { nullCount, nullBitmap: nullCount > 0 ? validity : null };
}

/**
 * Strings (null where none) as an Arrow Utf8 vector. The vectors here are laid out by hand
 * rather than with Arrow's builders: those compile a null check with `new Function`, which
 * the page's content security policy forbids, and the remote-Parquet rows are built on the
 * page.
 */
export function utf8Vector(values: readonly (string | null)[]): Vector {
  const encoder = new TextEncoder();
  const encoded = values.map((value) => encoder.encode(value ?? ''));
  const valueOffsets = new Int32Array(values.length + 1);
  encoded.forEach((bytes, i) => (valueOffsets[i + 1] = valueOffsets[i] + bytes.length));
  const data = new Uint8Array(valueOffsets[values.length]);
  encoded.forEach((bytes, i) => data.set(bytes, valueOffsets[i]));
  return makeVector(
    makeData({
      type: new Utf8(),
      length: values.length,
      ...validityOf(values.length, (row) => values[row] === null),
      valueOffsets,
      data
    })
  );
}

/** Numbers as an Arrow Float64 vector; NaN, the readers' mark for no value, becomes null. */
export function float64Vector(values: Float64Array): Vector {
  return makeVector(
    makeData({
      type: new Float64(),
      length: values.length,
      ...validityOf(values.length, (row) => Number.isNaN(values[row])),
      data: values
    })
  );
}

/** The long dataset as an Arrow table: one column per dimension, then time, value, flag. */
export function longDatasetToArrow(dataset: LongDataset): Table {
  const encoded = encodedColumns(dataset);
  const columns: Record<string, Vector> = {};
  dataset.dimensions.forEach((dimension, i) => {
    columns[dimension.id] = dictionaryColumn(encoded.codes[i]);
  });
  columns.time = dictionaryColumn(encoded.time);
  columns.value = float64Vector(dataset.value);
  columns.flag = dictionaryColumn(encoded.flag);
  return new Table(columns);
}

/** Arrow IPC stream bytes of the long dataset, the form DuckDB inserts from. */
export function longDatasetToIpc(dataset: LongDataset): Uint8Array {
  return tableToIPC(longDatasetToArrow(dataset), 'stream');
}
