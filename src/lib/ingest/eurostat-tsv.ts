/**
 * Reader for Eurostat's TSV bulk files, old (`indic_de,geo\time`) and new
 * (`freq,iccs,unit,geo\TIME_PERIOD`) header alike: one row per series, one column per period,
 * cells like `470 `, `78115 b`, `: c` or `:`.
 *
 * Bulk files reach hundreds of megabytes, so the text is walked with indexOf and character
 * codes instead of being split into arrays of lines and cells.
 */

import { geoLabel } from '$lib/reference/geo';
import { isKnownFlag } from '$lib/reference/flags';
import { keepEncoding, positionArray, type EncodedColumns } from './encoded';
import { decodeText } from './text';
import { EXPECTED_PERIOD, normalisePeriod } from '$lib/model/period';
import { EXPECTED_FLAG, looksLikeMarkup, tableCodeFromFileName } from './eurostat-common';
import { parseNumber } from './fast-number';
import { IngestError, type LongDataset } from './types';

const TAB = 9;
const CR = 13;
const SPACE = 32;
const COLON = 58;

const EXPECTED_HEADER =
  'a first line like `freq,unit,geo\\TIME_PERIOD<TAB>2020<TAB>2021`: dimension names, a backslash, then one column per period';
const EXPECTED_VALUE = 'a number, or `:` when missing, optionally followed by a space and a flag';

interface Header {
  dimensionIds: string[];
  periods: string[];
}

function parseHeader(line: string, fileName: string): Header {
  if (looksLikeMarkup(line))
    throw new IngestError(
      fileName,
      'not a Eurostat TSV file: it is an HTML or XML document, perhaps an error page saved in place of the data',
      'line 1',
      EXPECTED_HEADER
    );
  const cells = line.split('\t').map((cell) => cell.trim());
  const corner = cells[0];
  const slash = corner.indexOf('\\');
  if (cells.length < 2 || slash <= 0)
    throw new IngestError(
      fileName,
      'not a Eurostat TSV file: the first line is not a Eurostat header',
      'line 1',
      EXPECTED_HEADER
    );
  const dimensionIds = corner
    .slice(0, slash)
    .split(',')
    .map((id) => id.trim().toLowerCase());
  if (dimensionIds.some((id) => id === ''))
    throw new IngestError(
      fileName,
      `not a Eurostat TSV file: the header “${corner}” has an empty dimension name`,
      'line 1',
      EXPECTED_HEADER
    );
  const periods = cells.slice(1).map((cell, i) => {
    const period = normalisePeriod(cell);
    if (period === null)
      throw new IngestError(
        fileName,
        `the column heading “${cell}” is not a time period`,
        `line 1, column ${i + 2}`,
        EXPECTED_PERIOD
      );
    return period;
  });
  return { dimensionIds, periods };
}

function raggedRow(
  fileName: string,
  text: string,
  lineNumber: number,
  lineStart: number,
  lineEnd: number,
  expected: number
): IngestError {
  let cells = 1;
  for (let i = lineStart; i < lineEnd; i++) if (text.charCodeAt(i) === TAB) cells++;
  return new IngestError(
    fileName,
    `ragged row: line ${lineNumber} has ${cells} cell${cells === 1 ? '' : 's'} but the header has ${expected}`,
    `line ${lineNumber}`,
    `${expected} tab-separated cells on every line`
  );
}

/** "line 7, column 3 (2009, series A,NR,AT)": where a cell is, in words a user can follow. */
function cellLocation(
  text: string,
  lineNumber: number,
  lineStart: number,
  keyEnd: number,
  column: number,
  period: string
): string {
  const key = text.slice(lineStart, keyEnd).trim();
  return `line ${lineNumber}, column ${column + 2} (${period}, series ${key})`;
}

/** Lines after the header, blank ones included: a bound on the number of series. */
function countLines(text: string, from: number): number {
  let lines = 0;
  let lineStart = from;
  while (lineStart < text.length) {
    lines++;
    const lineBreak = text.indexOf('\n', lineStart);
    lineStart = lineBreak === -1 ? text.length : lineBreak + 1;
  }
  return lines;
}

/** Each dimension's codes, numbered in the order the file first names them. */
class CodeLists {
  readonly lists: string[][];
  private readonly numbers: Map<string, number>[];

  constructor(dimensionCount: number) {
    this.lists = Array.from({ length: dimensionCount }, () => []);
    this.numbers = Array.from({ length: dimensionCount }, () => new Map());
  }

  numberOf(dimension: number, code: string): number {
    let n = this.numbers[dimension].get(code);
    if (n === undefined) {
      n = this.lists[dimension].push(code) - 1;
      this.numbers[dimension].set(code, n);
    }
    return n;
  }
}

/**
 * Reads the row key in text[start, end) into `lineCodes`, one code number per dimension.
 * Sorted files repeat most codes from one line to the next, so a code equal to the previous
 * line's is recognised in place without making a string. False when the key does not hold
 * one non-empty code per dimension.
 */
function readRowKey(
  text: string,
  start: number,
  end: number,
  lineCodes: Int32Array,
  codeLists: CodeLists
): boolean {
  let codeStart = start;
  for (let d = 0; d < lineCodes.length; d++) {
    const comma = text.indexOf(',', codeStart);
    const last = d === lineCodes.length - 1;
    if ((comma !== -1 && comma < end) === last) return false;
    let codeEnd = last ? end : comma;
    while (codeStart < codeEnd && text.charCodeAt(codeStart) === SPACE) codeStart++;
    while (codeEnd > codeStart && text.charCodeAt(codeEnd - 1) === SPACE) codeEnd--;
    if (codeStart === codeEnd) return false;
    const previous = lineCodes[d] === -1 ? '' : codeLists.lists[d][lineCodes[d]];
    if (previous.length !== codeEnd - codeStart || !text.startsWith(previous, codeStart))
      lineCodes[d] = codeLists.numberOf(d, text.slice(codeStart, codeEnd));
    codeStart = comma + 1;
  }
  return true;
}

/** Lays out one string per kept row, picking from a short list by number. */
function spread<T>(pick: ArrayLike<number>, from: T[], count: number): T[] {
  const column = new Array<T>(count);
  for (let i = 0; i < count; i++) column[i] = from[pick[i]];
  return column;
}

/** Reads a Eurostat TSV bulk file into the long shape; pure `:` cells are dropped. */
export function readEurostatTsv(bytes: Uint8Array, fileName: string): LongDataset {
  const text = decodeText(bytes, fileName);
  const firstBreak = text.indexOf('\n');
  const headerEnd = firstBreak === -1 ? text.length : firstBreak;
  const { dimensionIds, periods } = parseHeader(text.slice(0, headerEnd), fileName);
  const dimensionCount = dimensionIds.length;
  const periodCount = periods.length;

  const codeLists = new CodeLists(dimensionCount);
  const lineCodes = new Int32Array(dimensionCount).fill(-1);
  // Sized for every cell of every line, so nothing is copied as rows are added; pages that a
  // dropped `:` leaves unwritten are never backed by memory. A kept cell takes at least two
  // characters, which bounds the size when a wrong file has a wide header and short lines.
  const lineCount = countLines(text, headerEnd + 1);
  const capacity = Math.min(lineCount * periodCount, Math.ceil(text.length / 2));
  const rowPeriod = new Int32Array(capacity);
  const rowFlag = new Uint16Array(capacity);
  const rowValue = new Float64Array(capacity);
  let rowCount = 0;
  // Each series that kept a cell: its code numbers and its first row (its rows are contiguous).
  const seriesCodes = new Int32Array(lineCount * dimensionCount);
  const seriesFirstRow = new Int32Array(lineCount + 1);
  let seriesCount = 0;
  // Flags repeat endlessly: each spelling is checked once and then stored as a number.
  const flagSpellings: (string | null)[] = [null];
  const flagNumbers = new Map<string, number>();

  let lineNumber = 1;
  let lineStart = headerEnd + 1;
  while (lineStart < text.length) {
    lineNumber++;
    const lineBreak = text.indexOf('\n', lineStart);
    const nextLine = lineBreak === -1 ? text.length : lineBreak + 1;
    let lineEnd = lineBreak === -1 ? text.length : lineBreak;
    if (lineEnd > lineStart && text.charCodeAt(lineEnd - 1) === CR) lineEnd--;
    let firstVisible = lineStart;
    while (firstVisible < lineEnd && text.charCodeAt(firstVisible) <= SPACE) firstVisible++;
    if (firstVisible === lineEnd) {
      lineStart = nextLine;
      continue;
    }

    const firstTab = text.indexOf('\t', lineStart);
    const keyEnd = firstTab === -1 || firstTab > lineEnd ? lineEnd : firstTab;
    if (!readRowKey(text, lineStart, keyEnd, lineCodes, codeLists)) {
      const key = text.slice(lineStart, keyEnd).trim();
      const found = key.split(',').length;
      throw new IngestError(
        fileName,
        found === dimensionCount
          ? `the row starts with “${key}”, which has an empty code`
          : `the row starts with “${key}”, which has ${found} code${found === 1 ? '' : 's'} where the header names ${dimensionCount} dimensions (${dimensionIds.join(', ')})`,
        `line ${lineNumber}`,
        'one non-empty code per dimension, separated by commas'
      );
    }
    if (keyEnd === lineEnd)
      throw raggedRow(fileName, text, lineNumber, lineStart, lineEnd, periodCount + 1);

    let seriesKept = false;
    let cellStart = keyEnd + 1;
    for (let column = 0; column < periodCount; column++) {
      const tab = text.indexOf('\t', cellStart);
      const lastCell = tab === -1 || tab > lineEnd;
      if (lastCell !== (column === periodCount - 1))
        throw raggedRow(fileName, text, lineNumber, lineStart, lineEnd, periodCount + 1);
      const cellEnd = lastCell ? lineEnd : tab;
      let end = cellEnd;
      while (end > cellStart && text.charCodeAt(end - 1) === SPACE) end--;
      let start = cellStart;
      while (start < end && text.charCodeAt(start) === SPACE) start++;
      cellStart = cellEnd + 1;

      if (start === end)
        throw new IngestError(
          fileName,
          'the cell is empty',
          cellLocation(text, lineNumber, lineStart, keyEnd, column, periods[column]),
          EXPECTED_VALUE
        );
      let numberEnd = start;
      while (numberEnd < end && text.charCodeAt(numberEnd) !== SPACE) numberEnd++;
      let flagStart = numberEnd;
      while (flagStart < end && text.charCodeAt(flagStart) === SPACE) flagStart++;
      const missing = numberEnd - start === 1 && text.charCodeAt(start) === COLON;

      let cellFlag = 0;
      if (flagStart < end) {
        const written = text.slice(flagStart, end);
        cellFlag = flagNumbers.get(written) ?? 0;
        if (cellFlag === 0) {
          if (!isKnownFlag(written))
            throw new IngestError(
              fileName,
              `unknown flag “${written}”`,
              cellLocation(text, lineNumber, lineStart, keyEnd, column, periods[column]),
              EXPECTED_FLAG
            );
          cellFlag = flagSpellings.push(written) - 1;
          flagNumbers.set(written, cellFlag);
        }
      } else if (missing) {
        // A bare `:` says nothing the absence of a row would not say.
        continue;
      }

      let cellValue = NaN;
      if (!missing) {
        cellValue = parseNumber(text, start, numberEnd);
        if (Number.isNaN(cellValue))
          throw new IngestError(
            fileName,
            `“${text.slice(start, end)}” is not a number`,
            cellLocation(text, lineNumber, lineStart, keyEnd, column, periods[column]),
            EXPECTED_VALUE
          );
      }

      if (!seriesKept) {
        seriesKept = true;
        seriesCodes.set(lineCodes, seriesCount * dimensionCount);
        seriesFirstRow[seriesCount++] = rowCount;
      }
      rowPeriod[rowCount] = column;
      rowFlag[rowCount] = cellFlag;
      rowValue[rowCount++] = cellValue;
    }
    lineStart = nextLine;
  }

  seriesFirstRow[seriesCount] = rowCount;
  const dimensions = dimensionIds.map((id, d) => {
    const list = codeLists.lists[d];
    // A code whose every cell was a bare `:` never reaches a row, so it is not listed.
    const used = new Uint8Array(list.length);
    for (let s = 0; s < seriesCount; s++) used[seriesCodes[s * dimensionCount + d]] = 1;
    const label = id === 'geo' ? geoLabel : (code: string) => code;
    const codes = new Map<string, string>();
    list.forEach((code, n) => {
      if (used[n]) codes.set(code, label(code));
    });
    return { id, label: id, codes };
  });
  // The columns as dictionaries (code lists, periods, flag spellings) and per-row positions:
  // the form the Arrow writer and the description use, so an import never builds the string
  // columns. Those are laid out only when something asks for them.
  const encoded: EncodedColumns = {
    codes: dimensionIds.map((_, d) => {
      const indices = positionArray(codeLists.lists[d].length, rowCount);
      for (let s = 0; s < seriesCount; s++)
        indices.fill(seriesCodes[s * dimensionCount + d], seriesFirstRow[s], seriesFirstRow[s + 1]);
      return { dictionary: codeLists.lists[d], indices };
    }),
    time: { dictionary: periods, indices: rowPeriod.subarray(0, rowCount) },
    flag: { dictionary: flagSpellings, indices: rowFlag.subarray(0, rowCount) }
  };
  let codes: string[][] | null = null;
  let time: string[] | null = null;
  let flag: (string | null)[] | null = null;
  const dataset: LongDataset = {
    tableCode: tableCodeFromFileName(fileName),
    title: null,
    lastUpdate: null,
    format: 'eurostat-tsv',
    fileName,
    dimensions,
    rowCount,
    get codes() {
      return (codes ??= codeLists.lists.map((list, d) =>
        spread(encoded.codes[d].indices, list, rowCount)
      ));
    },
    get time() {
      return (time ??= spread(rowPeriod, periods, rowCount));
    },
    value: rowValue.slice(0, rowCount),
    get flag() {
      return (flag ??= spread(rowFlag, flagSpellings, rowCount));
    }
  };
  keepEncoding(dataset, encoded);
  return dataset;
}
