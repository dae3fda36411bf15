/**
 * The columns a mapped table is gathered into before it becomes the long shape: cells as
 * indices of distinct values in growable typed arrays, and the check that each combination of
 * dimensions and period occurs once.
 */

import { IngestError } from './types';

/** The place of a row in messages: a line of a text file, a row of a Parquet file. */
export type RowPlace = 'line' | 'row';

/** A growable Int32Array. */
export class IntColumn {
  data = new Int32Array(1024);
  length = 0;
  push(value: number): void {
    if (this.length === this.data.length) {
      const larger = new Int32Array(this.data.length * 2);
      larger.set(this.data);
      this.data = larger;
    }
    this.data[this.length++] = value;
  }
}

/** Each distinct string of a column once, and its index. */
export class Distinct {
  readonly index = new Map<string, number>();
  readonly values: string[] = [];
  id(value: string): number {
    let id = this.index.get(value);
    if (id === undefined) {
      id = this.values.length;
      this.index.set(value, id);
      this.values.push(value);
    }
    return id;
  }
}

/**
 * Every query downstream assumes one row per combination of dimensions and period. Each row's
 * combination becomes one number (mixed radix over the distinct values), the numbers are
 * sorted, and neighbours compared: a few hundred milliseconds for millions of rows, where a
 * map of string keys would take gigabytes.
 */
export function checkUnique(
  fileName: string,
  place: RowPlace,
  rowCount: number,
  dimRows: IntColumn[],
  timeRows: IntColumn,
  timeCount: number,
  lines: IntColumn,
  dimValues: Distinct[],
  times: Distinct
): void {
  const radices = [...dimValues.map((d) => d.values.length), timeCount];
  const columns = [...dimRows.map((c) => c.data), timeRows.data];
  const combinations = radices.reduce((product, n) => product * Math.max(n, 1), 1);
  const keyOf = (r: number) => {
    let key = 0;
    for (let c = 0; c < columns.length; c++) key = key * radices[c] + columns[c][r];
    return key;
  };
  let duplicate = -1;
  if (combinations <= Number.MAX_SAFE_INTEGER) {
    const keys = new Float64Array(rowCount);
    for (let r = 0; r < rowCount; r++) keys[r] = keyOf(r);
    keys.sort();
    for (let i = 1; i < rowCount && duplicate < 0; i++)
      if (keys[i] === keys[i - 1]) duplicate = keys[i];
    if (duplicate < 0) return;
  }
  // Find the two rows (or, past 2^53 combinations, any two rows) with one key.
  const seen = new Map<string, number>();
  for (let r = 0; r < rowCount; r++) {
    const key =
      combinations <= Number.MAX_SAFE_INTEGER
        ? keyOf(r) === duplicate
          ? 'dup'
          : null
        : columns.map((c) => c[r]).join(',');
    if (key === null) continue;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      const names = dimRows.map((c, d) => dimValues[d].values[c.data[r]]);
      throw new IngestError(
        fileName,
        `the observation for ${[...names, times.values[timeRows.data[r]]].join(', ')} occurs twice (also at ${place} ${lines.data[earlier]})`,
        `${place} ${lines.data[r]}`,
        'each combination of dimensions and period once; map every column that tells rows apart as a dimension'
      );
    }
    seen.set(key, r);
  }
}
