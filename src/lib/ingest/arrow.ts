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
  vectorFromArray,
  type Vector
} from 'apache-arrow';
import type { LongDataset } from './types';

/**
 * A string column as an Arrow dictionary: each distinct string stored once, rows hold an
 * index. Dimension codes repeat on every row, so this keeps shipped files small and
 * DuckDB reads it directly.
 */
function dictionaryColumn(values: readonly (string | null)[]): Vector {
  const index = new Map<string, number>();
  const dictionary: string[] = [];
  const indices = new Int32Array(values.length);
  const validity = new Uint8Array(Math.ceil(values.length / 8));
  let nullCount = 0;
  for (let row = 0; row < values.length; row++) {
    const value = values[row];
    if (value === null || value === undefined) {
      nullCount++;
      continue;
    }
    let position = index.get(value);
    if (position === undefined) {
      position = dictionary.length;
      index.set(value, position);
      dictionary.push(value);
    }
    indices[row] = position;
    validity[row >> 3] |= 1 << (row & 7);
  }
  // The narrowest index type that holds the dictionary: most dimensions have few codes.
  const [indexType, narrowed] =
    dictionary.length <= 127
      ? [new Int8(), Int8Array.from(indices)]
      : dictionary.length <= 32767
        ? [new Int16(), Int16Array.from(indices)]
        : [new Int32(), indices];
  const type = new Dictionary(new Utf8(), indexType);
  const data = makeData({
    type,
    length: values.length,
    nullCount,
    nullBitmap: nullCount > 0 ? validity : null,
    data: narrowed,
    dictionary: vectorFromArray(dictionary, new Utf8())
  });
  return makeVector(data);
}

/** NaN in the reader's value array becomes a SQL NULL. */
function valueColumn(value: Float64Array): Vector {
  const validity = new Uint8Array(Math.ceil(value.length / 8));
  let nullCount = 0;
  for (let row = 0; row < value.length; row++) {
    if (Number.isNaN(value[row])) nullCount++;
    else validity[row >> 3] |= 1 << (row & 7);
  }
  return makeVector(
    makeData({
      type: new Float64(),
      length: value.length,
      nullCount,
      nullBitmap: nullCount > 0 ? validity : null,
      data: value
    })
  );
}

/** The long dataset as an Arrow table: one column per dimension, then time, value, flag. */
export function longDatasetToArrow(dataset: LongDataset): Table {
  const columns: Record<string, Vector> = {};
  dataset.dimensions.forEach((dimension, i) => {
    columns[dimension.id] = dictionaryColumn(dataset.codes[i]);
  });
  columns.time = dictionaryColumn(dataset.time);
  columns.value = valueColumn(dataset.value);
  columns.flag = dictionaryColumn(dataset.flag);
  return new Table(columns);
}

/** Arrow IPC stream bytes of the long dataset, the form DuckDB inserts from. */
export function longDatasetToIpc(dataset: LongDataset): Uint8Array {
  return tableToIPC(longDatasetToArrow(dataset), 'stream');
}
