/**
 * A table of the user's own: CSV or TSV (or Parquet, through the same mapping) with a header
 * line and no agreed layout. The user says which columns hold the period, the value, the flag
 * and the dimensions (a ColumnMapping); in wide form every column headed by a period (2008,
 * 2009-01) holds values. Everything else about the file is sniffed: delimiter, quotes,
 * encoding (UTF-8, else Latin-1), codes or labels in each dimension.
 *
 * Built for files of hundreds of megabytes: the bytes are decoded a few megabytes at a time,
 * a line is split without a regular expression, and every cell of a dimension is stored as
 * the index of its distinct value, so a million rows cost a few typed arrays.
 *
 * Quoting follows RFC 4180, within limits: a quote opens a quoted cell only at the start of
 * the cell; a quoted cell may hold the delimiter, doubled quotes and line breaks (each kept as
 * \n, a CRLF one too); an odd number of quotes on a line, a stray one in an unquoted cell
 * included, makes the record go on at the next line, and messages name the line a record
 * starts on. A quote still open at the end of the file is an error.
 */

import { geoCodeFromName, geoLabel } from '$lib/reference/geo';
import { isKnownFlag } from '$lib/reference/flags';
import { EXPECTED_PERIOD, normalisePeriod } from '$lib/model/period';
import { EXPECTED_FLAG, tableCodeFromFileName } from './eurostat-common';
import { looksLikeCodes } from './dimension-columns';
import { slugCode } from './slug';
import type { SourceFormat } from '$lib/model/manifest';
import { IngestError, type LongDataset } from './types';

export type Delimiter = ',' | ';' | '\t' | '|';

/** What the first lines of a table show: enough to ask the user for a mapping. */
export interface PlainTable {
  fileName: string;
  format: SourceFormat;
  delimiter: Delimiter;
  header: string[];
  /** The first data rows as written, for the mapping form. */
  sample: string[][];
}

/** Which columns hold what; columns left out of every role are not imported. */
export interface ColumnMapping {
  /** `long`: one observation per row; `wide`: one column per period. */
  layout: 'long' | 'wide';
  /** Long form: the column of periods. */
  time: string | null;
  /** Long form: the column of values. */
  value: string | null;
  /** The column of flags (long form only), or null. */
  flag: string | null;
  /** Columns that name what a value is about (country, offence, unit…), in order. */
  dimensions: string[];
}

const DELIMITERS: readonly Delimiter[] = [',', ';', '\t', '|'];
const SAMPLE_ROWS = 5;
const CHUNK_BYTES = 8 * 1024 * 1024;
const NEWLINE = 10;
const QUOTE = 34;

const TIME_NAMES = /^(time|time_period|period|year|years|date|an|anul|perioada|perioadă)$/i;
const VALUE_NAMES = /^(value|values|obs_value|val|valoare|amount|count|number)$/i;
const FLAG_NAMES = /^(flag|flags|obs_flag|status|obs_status|flag and footnotes)$/i;

const EXPECTED_VALUE =
  'a number such as 1234 or 2.28 (optionally followed by a flag, as in 2.28 p), or an empty cell, : or .. when missing';

/** The delimiter that splits the header line into the most columns. */
export function sniffDelimiter(line: string): Delimiter {
  let best: Delimiter = ',';
  let most = 0;
  for (const delimiter of DELIMITERS) {
    const count = splitOutsideQuotes(line, delimiter).length;
    if (count > most) {
      best = delimiter;
      most = count;
    }
  }
  return best;
}

function splitOutsideQuotes(line: string, delimiter: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (quoted) {
      if (char === '"') {
        if (line[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else cell += char;
    } else if (char === '"' && cell.trim() === '') {
      quoted = true;
      cell = '';
    } else if (char === delimiter) {
      cells.push(cell);
      cell = '';
    } else cell += char;
  }
  cells.push(cell);
  return cells;
}

/**
 * One record into cells. Quoted cells may hold the delimiter, doubled quotes and line breaks
 * (the readers join the lines of such a record first, see `quotesOpen`); a quote still open at
 * the end is an error.
 */
export function splitLine(
  line: string,
  delimiter: Delimiter,
  fileName: string,
  lineNumber: number
): string[] {
  if (!line.includes('"')) return line.split(delimiter);
  let open = false;
  for (let i = 0; i < line.length; i++) if (line.charCodeAt(i) === QUOTE) open = !open;
  if (open)
    throw new IngestError(
      fileName,
      'a quoted cell is not closed before the end of the line',
      `line ${lineNumber}`,
      'every opening quote closed on the same line'
    );
  return splitOutsideQuotes(line, delimiter);
}

/**
 * Whether `text` leaves a quoted cell open: an odd number of quotes, doubled ones counting
 * twice. A record whose line ends so goes on at the next line (RFC 4180), its line break
 * part of the cell.
 */
function quotesOpen(text: string, open = false): boolean {
  for (let i = text.indexOf('"'); i !== -1; i = text.indexOf('"', i + 1)) open = !open;
  return open;
}

/**
 * Calls `visit` with the range of each line of the file (without its line break) in a piece
 * of decoded text, and the line's 1-based number. Decodes a few megabytes at a time, each
 * piece as UTF-8 where it is valid and as Latin-1 where it is not (ASCII reads the same in
 * both). Ranges rather than line strings, because on a 200 MB file a string per line is
 * millions of short-lived objects.
 */
export function forEachLineRange(
  bytes: Uint8Array,
  visit: (text: string, from: number, to: number, lineNumber: number) => void,
  onProgress?: (fraction: number) => void
): void {
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  const latin1 = new TextDecoder('latin1');
  let start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  let lineNumber = 0;
  while (start < bytes.length) {
    let end = Math.min(bytes.length, start + CHUNK_BYTES);
    if (end < bytes.length) {
      const lastNewline = bytes.lastIndexOf(NEWLINE, end - 1);
      end =
        lastNewline >= start ? lastNewline + 1 : bytes.indexOf(NEWLINE, end) + 1 || bytes.length;
    }
    const piece = bytes.subarray(start, end);
    let text: string;
    try {
      text = utf8.decode(piece);
    } catch {
      text = latin1.decode(piece);
    }
    let from = 0;
    while (from < text.length) {
      let to = text.indexOf('\n', from);
      if (to === -1) to = text.length;
      const stop = to > from && text.charCodeAt(to - 1) === 13 ? to - 1 : to;
      visit(text, from, stop, ++lineNumber);
      from = to + 1;
    }
    start = end;
    onProgress?.(start / bytes.length);
  }
}

/** Each line of the file as a string, for the few lines a sniff looks at. */
function forEachLine(bytes: Uint8Array, visit: (line: string, lineNumber: number) => void): void {
  forEachLineRange(bytes, (text, from, to, lineNumber) => visit(text.slice(from, to), lineNumber));
}

/** The header and first rows of a CSV or TSV file; throws when there is no header to map. */
export function sniffPlainCsv(bytes: Uint8Array, fileName: string): PlainTable {
  const head = bytes.subarray(0, Math.min(bytes.length, 256 * 1024));
  const lines: string[] = [];
  let record: string | null = null;
  try {
    forEachLine(head, (line) => {
      record = record === null ? line : `${record}\n${line}`;
      if (quotesOpen(record)) return;
      if (record.trim() !== '') lines.push(record);
      record = null;
      if (lines.length > SAMPLE_ROWS + 1) throw lines;
    });
  } catch (stop) {
    if (stop !== lines) throw stop;
  }
  if (lines.length === 0) throw new IngestError(fileName, 'the file is empty', null, 'a data file');
  const delimiter = sniffDelimiter(lines[0]);
  const header = splitLine(lines[0], delimiter, fileName, 1).map((name) => name.trim());
  if (header.length < 2)
    throw new IngestError(
      fileName,
      'the first line has a single column, so there is nothing to map',
      'line 1',
      'a header line with at least a period (or period columns) and a value column, separated by commas, semicolons or tabs'
    );
  // The last line of the probe may be cut off; only whole lines are shown.
  const sample = lines
    .slice(1, SAMPLE_ROWS + 1)
    .filter((_, i) => i + 2 < lines.length || head.length === bytes.length)
    .map((line) => splitOutsideQuotes(line, delimiter).map((cell) => cell.trim()));
  return { fileName, format: 'csv', delimiter, header, sample };
}

/** Headings that are periods (`2008`, `2009M01`), the value columns of a wide table. */
export function periodColumns(header: readonly string[], mapping: ColumnMapping): string[] {
  return header.filter(
    (name) => !mapping.dimensions.includes(name) && normalisePeriod(name) !== null
  );
}

/** A first guess at the mapping from the column names, for the user to confirm or change. */
export function suggestMapping(header: readonly string[]): ColumnMapping {
  const find = (pattern: RegExp) => header.find((name) => pattern.test(name.trim())) ?? null;
  const time = find(TIME_NAMES);
  const value = find(VALUE_NAMES);
  const flag = find(FLAG_NAMES);
  const periods = header.filter((name) => normalisePeriod(name) !== null);
  if (!(time && value) && periods.length >= 2)
    return {
      layout: 'wide',
      time: null,
      value: null,
      flag: null,
      dimensions: header.filter((name) => normalisePeriod(name) === null)
    };
  const roles = new Set([time, value, flag]);
  return {
    layout: 'long',
    time,
    value,
    flag,
    dimensions: header.filter((name) => !roles.has(name))
  };
}

/**
 * Checks a mapping against the header: every named column exists, long form has a period
 * and a value column, wide form has period columns, and no column has two roles.
 */
export function checkMapping(
  header: readonly string[],
  mapping: ColumnMapping,
  fileName: string
): void {
  const named = [mapping.time, mapping.value, mapping.flag, ...mapping.dimensions].filter(
    (name): name is string => name !== null
  );
  const unknown = named.filter((name) => !header.includes(name));
  if (unknown.length > 0)
    throw new IngestError(
      fileName,
      `unknown columns: ${unknown.map((name) => `“${name}”`).join(', ')} are not in the header`,
      'line 1',
      `columns among ${header.map((name) => `“${name}”`).join(', ')}`
    );
  const twice = named.find((name, i) => named.indexOf(name) !== i);
  if (twice)
    throw new IngestError(
      fileName,
      `the column “${twice}” is given two roles`,
      'column mapping',
      'each column in one role at most'
    );
  if (mapping.layout === 'long' && (mapping.time === null || mapping.value === null))
    throw new IngestError(
      fileName,
      'the mapping names no period column or no value column',
      'column mapping',
      'a column of periods and a column of values'
    );
  if (mapping.layout === 'wide' && periodColumns(header, mapping).length === 0)
    throw new IngestError(
      fileName,
      'no column heading is a period, so a wide table has no values',
      'line 1',
      `column headings that are periods: ${EXPECTED_PERIOD}`
    );
}

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

/** Fills `cells` with the cells of a line without quotes: `text` from `from` to `to`. */
function cutLine(
  text: string,
  from: number,
  to: number,
  delimiter: Delimiter,
  cells: string[]
): void {
  cells.length = 0;
  let start = from;
  for (;;) {
    const next = text.indexOf(delimiter, start);
    if (next === -1 || next >= to) {
      cells.push(text.slice(start, to));
      return;
    }
    cells.push(text.slice(start, next));
    start = next + 1;
  }
}

/** Reads a CSV or TSV table with the user's mapping into the long shape. */
export function readPlainCsv(
  bytes: Uint8Array,
  fileName: string,
  mapping: ColumnMapping,
  onProgress?: (fraction: number) => void
): LongDataset {
  const { delimiter, header } = sniffPlainCsv(bytes, fileName);
  const rows = createMappedRows(header, mapping, fileName, delimiter);
  const cells: string[] = [];
  let seenHeader = false;
  let quoteText = '';
  let nextQuote = -1;
  // A record whose quoted cell holds a line break, read so far, and the line it starts on.
  let record: string | null = null;
  let recordLine = 0;
  let recordOpen = false;
  forEachLineRange(
    bytes,
    (text, from, to, lineNumber) => {
      if (record !== null) {
        const more = text.slice(from, to);
        record += `\n${more}`;
        recordOpen = quotesOpen(more, recordOpen);
        if (recordOpen) return;
        rows.add(splitLine(record, delimiter, fileName, recordLine), recordLine);
        record = null;
        return;
      }
      if (from === to) return;
      if (!seenHeader) {
        seenHeader = text.slice(from, to).trim() !== '';
        return;
      }
      // Where the next quote is, found once per piece of text and again only past it.
      if (text !== quoteText || (nextQuote !== -1 && nextQuote < from)) {
        quoteText = text;
        nextQuote = text.indexOf('"', from);
      }
      if (nextQuote !== -1 && nextQuote < to) {
        const line = text.slice(from, to);
        if (quotesOpen(line)) {
          record = line;
          recordLine = lineNumber;
          recordOpen = true;
          return;
        }
        rows.add(splitLine(line, delimiter, fileName, lineNumber), lineNumber);
      } else {
        cutLine(text, from, to, delimiter, cells);
        rows.add(cells, lineNumber);
      }
    },
    onProgress
  );
  if (record !== null)
    throw new IngestError(
      fileName,
      'a quoted cell is not closed before the end of the file',
      `line ${recordLine}`,
      'every opening quote closed'
    );
  return rows.build({ format: 'csv', tableCode: tableCodeFromFileName(fileName), title: null });
}
