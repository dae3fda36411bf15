/**
 * Mapped rows of a user's table (CSV, TSV or Parquet) gathered into the long shape. Every cell
 * of a dimension is stored as the index of its distinct value, so a million rows cost a few
 * typed arrays; one combination of dimensions and period per row is checked at the end.
 */

import { geoCodeFromName, geoLabel } from '$lib/reference/geo';
import { isKnownFlag } from '$lib/reference/flags';
import { EXPECTED_PERIOD, normalisePeriod } from '$lib/model/period';
import { EXPECTED_FLAG } from './eurostat-common';
import { looksLikeCodes } from './dimension-columns';
import { slugCode } from './slug';
import type { SourceFormat } from '$lib/model/manifest';
import { checkMapping, periodColumns, type ColumnMapping, type Delimiter } from './column-mapping';
import { IngestError, type LongDataset } from './types';

const EXPECTED_VALUE =
  'a number such as 1234 or 2.28 (optionally followed by a flag, as in 2.28 p), or an empty cell, : or .. when missing';

/** A growable Int32Array. */
class IntColumn {
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
class Distinct {
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

/** The column id a dimension gets in the long table: its name as a lower-case slug. */
function dimensionIds(names: readonly string[]): string[] {
  const taken = new Set(['time', 'value', 'flag']);
  return names.map((name, i) => {
    const base = slugCode(name) || `column_${i + 1}`;
    let id = base;
    for (let n = 2; taken.has(id); n++) id = `${base}_${n}`;
    taken.add(id);
    return id;
  });
}

/**
 * Codes for one dimension's distinct values: codes as written (a geo code gets its English
 * name), or, for a column of labels, the Eurostat code of a country name where every name is
 * known, else a slug of the label (made unique), the label kept for display.
 */
function codeValues(values: readonly string[], isGeo: boolean): { code: string; label: string }[] {
  if (looksLikeCodes(values))
    return values.map((code) => ({ code, label: isGeo ? geoLabel(code) : code }));
  const geoCodes = isGeo ? values.map(geoCodeFromName) : [];
  if (isGeo && geoCodes.every((code) => code !== null))
    return values.map((label, i) => ({ code: geoCodes[i] as string, label }));
  const used = new Set<string>();
  return values.map((label) => {
    const base = slugCode(label) || 'blank';
    let code = base;
    for (let n = 2; used.has(code); n++) code = `${base}_${n}`;
    used.add(code);
    return { code, label };
  });
}

const MISSING = new Set(['', ':', '..', '-', 'NA', 'N/A', 'NaN', 'null']);
const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;
const THOUSANDS = /^[-+]?\d{1,3}(,\d{3})+(\.\d+)?$/;
const DECIMAL_COMMA = /^[-+]?\d+,\d+$/;

/** A parsed value cell: NaN when missing; the flag written after the number, if any. */
interface ParsedValue {
  value: number;
  flag: string | null;
}

/** Parses into `out` (one object reused for every cell); false when the cell is no number. */
function parseValue(raw: string, delimiter: Delimiter | null, out: ParsedValue): boolean {
  out.flag = null;
  // Most cells are a plain number: one conversion and one pattern test.
  const first = raw.charCodeAt(0);
  if ((first >= 48 && first <= 57) || first === 45) {
    const value = Number(raw);
    if (!Number.isNaN(value) && NUMBER.test(raw)) {
      out.value = value;
      return true;
    }
  }
  let text = raw.trim();
  const space = text.lastIndexOf(' ');
  if (space > 0 && isKnownFlag(text.slice(space + 1))) {
    out.flag = text.slice(space + 1);
    text = text.slice(0, space).trim();
  }
  if (MISSING.has(text)) out.value = NaN;
  else if (NUMBER.test(text)) out.value = Number(text);
  else if (THOUSANDS.test(text)) out.value = Number(text.replaceAll(',', ''));
  else if (delimiter !== ',' && DECIMAL_COMMA.test(text))
    out.value = Number(text.replace(',', '.'));
  else return false;
  return true;
}

/** Collects mapped rows of a table into the long shape. */
export interface MappedRows {
  /** Adds one row of cells (aligned with the header); `line` says where it is for errors. */
  add(cells: readonly string[], line: number): void;
  build(meta: {
    format: SourceFormat;
    tableCode: string | null;
    title: string | null;
  }): LongDataset;
}

/** The place of a row in messages: a line of a text file, a row of a Parquet file. */
export type RowPlace = 'line' | 'row';

export function createMappedRows(
  header: readonly string[],
  mapping: ColumnMapping,
  fileName: string,
  delimiter: Delimiter | null,
  place: RowPlace = 'line'
): MappedRows {
  checkMapping(header, mapping, fileName);
  const column = (name: string | null) => (name === null ? -1 : header.indexOf(name));
  const dimColumns = mapping.dimensions.map(column);
  const ids = dimensionIds(mapping.dimensions);
  const wide = mapping.layout === 'wide';
  const periods = wide
    ? periodColumns(header, mapping).map((name) => ({
        column: header.indexOf(name),
        name,
        period: normalisePeriod(name) as string
      }))
    : [];
  const timeColumn = column(mapping.time);
  const valueColumn = column(mapping.value);
  const flagColumn = wide ? -1 : column(mapping.flag);

  const dimValues = dimColumns.map(() => new Distinct());
  const dimRows = dimColumns.map(() => new IntColumn());
  const times = new Distinct();
  const timeRows = new IntColumn();
  const flags = new Distinct();
  const flagRows = new IntColumn();
  const lines = new IntColumn();
  let values = new Float64Array(1024);
  let rowCount = 0;

  const fail = (line: number, columnName: string, problem: string, expected: string): never => {
    throw new IngestError(fileName, problem, `${place} ${line}, column ${columnName}`, expected);
  };

  // Cells as written → index of the trimmed, checked value: one map look-up per cell.
  const dimCells = dimColumns.map(() => new Map<string, number>());
  const timeCells = new Map<string, number>();
  const flagCells = new Map<string, number>();
  const parsed: ParsedValue = { value: NaN, flag: null };

  const dimensionId = (d: number, cell: string, line: number): number => {
    let id = dimCells[d].get(cell);
    if (id === undefined) {
      const trimmed = cell.trim();
      if (trimmed === '')
        fail(
          line,
          mapping.dimensions[d],
          `the ${mapping.dimensions[d]} cell is empty`,
          'a code or a label'
        );
      id = dimValues[d].id(trimmed);
      dimCells[d].set(cell, id);
    }
    return id;
  };

  const timeId = (cell: string, line: number): number => {
    let id = timeCells.get(cell);
    if (id === undefined) {
      const period = normalisePeriod(cell);
      if (period === null)
        return fail(line, mapping.time!, `“${cell.trim()}” is not a time period`, EXPECTED_PERIOD);
      id = times.id(period);
      timeCells.set(cell, id);
    }
    return id;
  };

  const flagId = (cell: string, line: number): number => {
    let id = flagCells.get(cell);
    if (id === undefined) {
      const flag = cell.trim();
      if (flag !== '' && !isKnownFlag(flag))
        fail(line, mapping.flag!, `unknown flag “${flag}”`, EXPECTED_FLAG);
      id = flag === '' ? -1 : flags.id(flag);
      flagCells.set(cell, id);
    }
    return id;
  };

  const push = (cells: readonly string[], time: number, flag: number, line: number) => {
    if (Number.isNaN(parsed.value) && flag < 0) return;
    for (let d = 0; d < dimColumns.length; d++)
      dimRows[d].push(dimensionId(d, cells[dimColumns[d]], line));
    timeRows.push(time);
    flagRows.push(flag);
    lines.push(line);
    if (rowCount === values.length) {
      const larger = new Float64Array(values.length * 2);
      larger.set(values);
      values = larger;
    }
    values[rowCount++] = parsed.value;
  };

  const readValue = (cell: string, columnName: string, line: number) => {
    if (!parseValue(cell, delimiter, parsed))
      fail(line, columnName, `“${cell.trim()}” is not a number`, EXPECTED_VALUE);
  };

  return {
    add(cells, line) {
      if (cells.length === 1 && cells[0].trim() === '') return;
      if (cells.length !== header.length)
        throw new IngestError(
          fileName,
          `the ${place} has ${cells.length} cells but the header has ${header.length}`,
          `${place} ${line}`,
          `${header.length} cells on every ${place}`
        );
      if (wide) {
        for (const { column: c, name, period } of periods) {
          readValue(cells[c], name, line);
          push(cells, times.id(period), parsed.flag === null ? -1 : flags.id(parsed.flag), line);
        }
        return;
      }
      const time = timeId(cells[timeColumn], line);
      readValue(cells[valueColumn], mapping.value!, line);
      let flag = parsed.flag === null ? -1 : flags.id(parsed.flag);
      if (flagColumn >= 0) {
        const column = flagId(cells[flagColumn], line);
        if (column >= 0 && flag >= 0)
          fail(line, mapping.value!, 'the value has a flag and the flag column too', 'one flag');
        if (column >= 0) flag = column;
      }
      push(cells, time, flag, line);
    },
    build(meta) {
      checkUnique(
        fileName,
        place,
        rowCount,
        dimRows,
        timeRows,
        times.values.length,
        lines,
        dimValues,
        times
      );
      const dimensions = mapping.dimensions.map((name, d) => {
        const coded = codeValues(dimValues[d].values, ids[d] === 'geo');
        return { id: ids[d], label: name, coded };
      });
      return {
        tableCode: meta.tableCode,
        title: meta.title,
        lastUpdate: null,
        format: meta.format,
        fileName,
        dimensions: dimensions.map(({ id, label, coded }) => ({
          id,
          label,
          codes: new Map(coded.map((c) => [c.code, c.label]))
        })),
        rowCount,
        codes: dimensions.map(({ coded }, d) => {
          const rows = dimRows[d].data;
          const out: string[] = new Array(rowCount);
          for (let r = 0; r < rowCount; r++) out[r] = coded[rows[r]].code;
          return out;
        }),
        time: Array.from(timeRows.data.subarray(0, rowCount), (id) => times.values[id]),
        value: values.slice(0, rowCount),
        flag: Array.from(flagRows.data.subarray(0, rowCount), (id) =>
          id < 0 ? null : flags.values[id]
        )
      };
    }
  };
}

/**
 * Every query downstream assumes one row per combination of dimensions and period. Each row's
 * combination becomes one number (mixed radix over the distinct values), the numbers are
 * sorted, and neighbours compared: a few hundred milliseconds for millions of rows, where a
 * map of string keys would take gigabytes.
 */
function checkUnique(
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
