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
import {
  checkMapping,
  INDICATOR_DIMENSION,
  periodColumns,
  type ColumnMapping,
  type Delimiter
} from './column-mapping';
import { checkUnique, Distinct, IntColumn, type RowPlace } from './row-columns';
import { IngestError, type LongDataset } from './types';

const EXPECTED_VALUE =
  'a number such as 1234 or 2.28 (optionally followed by a flag, as in 2.28 p), or an empty cell, : or .. when missing';

/**
 * The column id a dimension gets in the long table: its name as a lower-case slug, or the id
 * of its role (`geo` for the places) that no other column then takes.
 */
function dimensionIds(
  names: readonly string[],
  roles: ReadonlyMap<string, string>,
  reserved: readonly string[]
): string[] {
  const taken = new Set(['time', 'value', 'flag', ...roles.values(), ...reserved]);
  return names.map((name, i) => {
    const role = roles.get(name);
    if (role) return role;
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
function codeValues(
  values: readonly string[],
  isGeo: boolean,
  labels: ReadonlyMap<string, string> | null
): { code: string; label: string }[] {
  if (looksLikeCodes(values))
    return values.map((code) => ({
      code,
      label: labels?.get(code) ?? (isGeo ? geoLabel(code) : code)
    }));
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
  const valueNames = mapping.value ? [mapping.value, ...(mapping.moreValues ?? [])] : [];
  // Several value columns: one more dimension, whose code on each row is the column's.
  const indicators = valueNames.length > 1 ? new Distinct() : null;
  if (indicators) for (const name of valueNames) indicators.id(name);
  const ids = [
    ...dimensionIds(
      mapping.dimensions,
      new Map(mapping.geo ? [[mapping.geo, 'geo']] : []),
      indicators ? [INDICATOR_DIMENSION] : []
    ),
    ...(indicators ? [INDICATOR_DIMENSION] : [])
  ];
  const labelColumns = mapping.dimensions.map((name) => column(mapping.labels?.[name] ?? null));
  const labelsOf = mapping.dimensions.map(() => new Map<string, string>());
  const valueColumns = valueNames.map(column);
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

  const dimValues = [...dimColumns.map(() => new Distinct()), ...(indicators ? [indicators] : [])];
  const dimRows = dimValues.map(() => new IntColumn());
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

  const dimensionId = (d: number, cells: readonly string[], line: number): number => {
    const cell = cells[dimColumns[d]];
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
      // A code's label is the first its label column gives; a blank one names nothing.
      const label = labelColumns[d] >= 0 ? cells[labelColumns[d]].trim() : '';
      if (label !== '' && !labelsOf[d].has(trimmed)) labelsOf[d].set(trimmed, label);
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

  const push = (
    cells: readonly string[],
    time: number,
    flag: number,
    line: number,
    indicator = 0
  ) => {
    if (Number.isNaN(parsed.value) && flag < 0) return;
    for (let d = 0; d < dimColumns.length; d++) dimRows[d].push(dimensionId(d, cells, line));
    if (indicators) dimRows[dimColumns.length].push(indicator);
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
      if (indicators) {
        for (let v = 0; v < valueColumns.length; v++) {
          readValue(cells[valueColumns[v]], valueNames[v], line);
          push(cells, time, parsed.flag === null ? -1 : flags.id(parsed.flag), line, v);
        }
        return;
      }
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
      const names = [...mapping.dimensions, ...(indicators ? ['Indicator'] : [])];
      const dimensions = names.map((name, d) => {
        const coded = codeValues(dimValues[d].values, ids[d] === 'geo', labelsOf[d] ?? null);
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
