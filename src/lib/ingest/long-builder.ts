/**
 * Collects observations row by row into the columnar LongDataset, for the readers whose files
 * come one observation per line (SDMX-CSV, the data-explorer export, World Bank).
 */

import { IngestError, type Dimension, type LongDataset } from './types';

export interface LongBuilder {
  /**
   * Adds one observation. `codes` and `labels` are aligned with the dimensions; `where` says
   * where in the file the row is, for the errors when two labels of a column get one code or
   * an observation comes twice.
   */
  add(
    codes: readonly string[],
    labels: readonly string[],
    time: string,
    value: number,
    flag: string | null,
    where: string
  ): void;
  /** The dataset so far, with the file's metadata. */
  build(
    meta: Omit<LongDataset, 'dimensions' | 'rowCount' | 'codes' | 'time' | 'value' | 'flag'>
  ): LongDataset;
}

/** A builder for a file named `fileName` whose dimensions are `dimensions` (id and label). */
export function createLongBuilder(
  fileName: string,
  dimensions: readonly { id: string; label: string }[]
): LongBuilder {
  const dims: Dimension[] = dimensions.map(({ id, label }) => ({ id, label, codes: new Map() }));
  const codeColumns: string[][] = dims.map(() => []);
  const time: string[] = [];
  const flag: (string | null)[] = [];
  let value = new Float64Array(1024);
  let rowCount = 0;
  // Every query downstream assumes one row per combination of codes and period.
  const seen = new Map<string, string>();

  return {
    add(codes, labels, period, observation, observationFlag, where) {
      for (let d = 0; d < dims.length; d++) {
        const known = dims[d].codes.get(codes[d]);
        if (known === undefined) dims[d].codes.set(codes[d], labels[d]);
        // Two wordings that fold to one code would merge two series without a word.
        else if (known !== labels[d])
          throw new IngestError(
            fileName,
            `in column ${dims[d].id}, “${labels[d]}” and “${known}” both stand for the code “${codes[d]}”, so their rows cannot be told apart`,
            where,
            'one spelling per value in a column'
          );
      }
      const key = `${codes.join('\u0000')}\u0000${period}`;
      const earlier = seen.get(key);
      if (earlier !== undefined)
        throw new IngestError(
          fileName,
          `the observation for ${codes.join(', ')}, ${period} occurs twice (also at ${earlier})`,
          where,
          'each combination of dimensions and period once'
        );
      seen.set(key, where);
      for (let d = 0; d < dims.length; d++) codeColumns[d].push(codes[d]);
      time.push(period);
      flag.push(observationFlag);
      if (rowCount === value.length) {
        const larger = new Float64Array(value.length * 2);
        larger.set(value);
        value = larger;
      }
      value[rowCount++] = observation;
    },
    build(meta) {
      return {
        ...meta,
        dimensions: dims,
        rowCount,
        codes: codeColumns,
        time,
        value: value.slice(0, rowCount),
        flag
      };
    }
  };
}
