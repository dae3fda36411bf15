/**
 * The per-row steps that the one-observation-per-line Eurostat CSV readers (SDMX-CSV, the
 * data-explorer export) share: reading the period and the flag of a row with an error that
 * names the cell, and adding the row to a LongBuilder with its dimension cells turned into
 * codes. What differs between the two files (how values are written, confidentiality) stays
 * in each reader.
 */

import { isKnownFlag } from '$lib/reference/flags';
import type { CodedValue, DimensionColumn } from './dimension-columns';
import { EXPECTED_PERIOD, normalisePeriod } from '$lib/model/period';
import { EXPECTED_FLAG } from './eurostat-common';
import { createLongBuilder, type LongBuilder } from './long-builder';
import { IngestError } from './types';

export interface CodedRowBuilder {
  /** Where a cell is, as the errors say it: `line 12, column OBS_VALUE`. */
  where(row: number, column: string): string;
  /** The period in cell (`row`, `column`) in the long shape (`2008`, `2009-01`). */
  period(row: number, column: number, name: string): string;
  /** The flag letters in cell (`row`, `column`), '' when there are none or no such column. */
  flag(row: number, column: number, name: string): string;
  /** Adds row `row` with its dimension cells coded; an empty flag is stored as none. */
  add(row: number, time: string, value: number, flag: string): void;
  build: LongBuilder['build'];
}

/**
 * A builder over the parsed `rows` of `fileName` (row indices are into `rows`, line numbers
 * one more), each dimension column coded by the coder at the same position in `coders`.
 */
export function createCodedRowBuilder(
  fileName: string,
  rows: readonly (readonly string[])[],
  dimensionColumns: readonly DimensionColumn[],
  coders: readonly Map<string, CodedValue>[]
): CodedRowBuilder {
  const builder = createLongBuilder(
    fileName,
    dimensionColumns.map(({ name }) => ({ id: name.toLowerCase(), label: name }))
  );
  const codes: string[] = new Array(dimensionColumns.length);
  const labels: string[] = new Array(dimensionColumns.length);
  const where = (row: number, column: string) => `line ${row + 1}, column ${column}`;

  return {
    where,
    period(row, column, name) {
      const time = normalisePeriod(rows[row][column]);
      if (time === null)
        throw new IngestError(
          fileName,
          `“${rows[row][column]}” is not a time period`,
          where(row, name),
          EXPECTED_PERIOD
        );
      return time;
    },
    flag(row, column, name) {
      const flag = column === -1 ? '' : rows[row][column].trim();
      if (flag !== '' && !isKnownFlag(flag))
        throw new IngestError(fileName, `unknown flag “${flag}”`, where(row, name), EXPECTED_FLAG);
      return flag;
    },
    add(row, time, value, flag) {
      dimensionColumns.forEach(({ index }, d) => {
        // Every distinct cell of the column was coded when the coder was built.
        const coded = coders[d].get(rows[row][index].trim())!;
        codes[d] = coded.code;
        labels[d] = coded.label;
      });
      builder.add(codes, labels, time, value, flag === '' ? null : flag, `line ${row + 1}`);
    },
    build: (meta) => builder.build(meta)
  };
}
