/**
 * The dimension columns of the one-observation-per-line CSV files (SDMX-CSV, the data-explorer
 * export): checking the rows, and turning each column's values into codes, whether the file
 * writes codes (`RO`, `ICCS0101`) or labels (`Romania`, `Intentional homicide`). Each distinct
 * value is coded once, so a million-row file costs a few hundred look-ups, not a million.
 */

import { geoCodeFromName, geoLabel } from '$lib/reference/geo';
import { slugCode } from './slug';
import { IngestError } from './types';

export interface CodedValue {
  code: string;
  label: string;
}

/** A dimension column: its header text and its position in the row. */
export interface DimensionColumn {
  name: string;
  index: number;
}

export interface ScannedRows {
  /** Indices (into the parsed rows) of the data rows, blank lines left out. */
  dataRows: number[];
  /** Per dimension column: each distinct value and the first line it is on. */
  distinct: Map<string, number>[];
}

/**
 * Checks that every data row (all rows after the header at index 0) has as many fields as the
 * header and no empty dimension cell. Lines are counted as row index + 1; a quoted cell
 * spanning lines, which Eurostat never writes, would shift the count.
 */
export function scanRows(
  rows: string[][],
  columns: readonly DimensionColumn[],
  fileName: string
): ScannedRows {
  const width = rows[0].length;
  const dataRows: number[] = [];
  const distinct = columns.map(() => new Map<string, number>());
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r];
    if (row.length === 1 && row[0].trim() === '') continue;
    const line = r + 1;
    if (row.length !== width)
      throw new IngestError(
        fileName,
        `the line has ${row.length} fields but the header has ${width}`,
        `line ${line}`,
        `${width} comma-separated fields on every line`
      );
    columns.forEach(({ name, index }, d) => {
      const cell = row[index].trim();
      if (cell === '')
        throw new IngestError(
          fileName,
          `the ${name} cell is empty`,
          `line ${line}, column ${name}`,
          'a code or a label'
        );
      if (!distinct[d].has(cell)) distinct[d].set(cell, line);
    });
    dataRows.push(r);
  }
  return { dataRows, distinct };
}

/**
 * What a code looks like: upper-case letters, digits, `_` and `-` (`EU27_2020`, `UKC-L`,
 * `P_HTHAB`, `Y15-19`). Any lower-case letter or space means a label.
 */
const CODE = /^[A-Z0-9][A-Z0-9_-]{0,19}$/;

/** True when every value of the column is written as a code. */
export function looksLikeCodes(values: Iterable<string>): boolean {
  for (const value of values) if (!CODE.test(value)) return false;
  return true;
}

/** Codes kept as they are; a geo code gets its English label, any other code stands for itself. */
export function codesAsWritten(values: Iterable<string>, isGeo: boolean): Map<string, CodedValue> {
  return new Map([...values].map((code) => [code, { code, label: isGeo ? geoLabel(code) : code }]));
}

/**
 * Codes for labels: a geo name becomes its Eurostat code, any other label its slug; the label
 * is kept as the file writes it. `firstLine` maps each distinct value to the first line it is on.
 * All geo names that are not known are listed in one error, so a user fixes them in one go.
 */
export function codesForLabels(
  firstLine: Map<string, number>,
  isGeo: boolean,
  fileName: string,
  column: string
): Map<string, CodedValue> {
  const coded = new Map<string, CodedValue>();
  const unknown: string[] = [];
  for (const [label, line] of firstLine) {
    const code = isGeo ? geoCodeFromName(label) : slugCode(label);
    if (code === null) unknown.push(`“${label}” (line ${line})`);
    else coded.set(label, { code, label });
  }
  if (unknown.length > 0)
    throw new IngestError(
      fileName,
      `the ${column} column has ${unknown.length === 1 ? 'a name' : 'names'} that match no Eurostat country or aggregate: ${unknown.join(', ')}`,
      `column ${column}`,
      'an English country or aggregate name as Eurostat writes it (e.g. “Romania”, “European Union - 27 countries (from 2020)”), or a geo code (e.g. RO)'
    );
  return coded;
}
