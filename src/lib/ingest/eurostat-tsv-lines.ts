/**
 * The Eurostat TSV reader's two halves of the work: the header line, and the walk over the
 * lines after it, which turns them into numbered codes and typed arrays (a TsvPart). A part
 * holds only numbers, code lists and flag spellings, so a worker can hand it over by transfer;
 * eurostat-tsv.ts makes the dataset from one part, or from parts read side by side.
 *
 * Bulk files reach hundreds of megabytes, so the text is walked with indexOf and character
 * codes instead of being split into arrays of lines and cells.
 */

import { isKnownFlag } from '$lib/reference/flags';
import { EXPECTED_PERIOD, normalisePeriod } from '$lib/model/period';
import { EXPECTED_FLAG, looksLikeMarkup } from './eurostat-common';
import { parseNumber } from './fast-number';
import { IngestError } from './types';

const TAB = 9;
const CR = 13;
const SPACE = 32;
const COLON = 58;

const EXPECTED_HEADER =
  'a first line like `freq,unit,geo\\TIME_PERIOD<TAB>2020<TAB>2021`: dimension names, a backslash, then one column per period';
const EXPECTED_VALUE = 'a number, or `:` when missing, optionally followed by a space and a flag';

export interface TsvHeader {
  dimensionIds: string[];
  periods: string[];
}

export function parseHeader(line: string, fileName: string): TsvHeader {
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

/**
 * The rows of some lines of a TSV file, by number: each dimension's codes and the flag
 * spellings in the order these lines first name them, and per kept row its period's column,
 * its flag's number and its value. Series (lines that kept a cell) are contiguous runs of rows.
 */
export interface TsvPart {
  codeLists: string[][];
  /** Entry 0 is null: a row without a flag. */
  flagSpellings: (string | null)[];
  seriesCount: number;
  /** Per series, one code number per dimension. */
  seriesCodes: Int32Array;
  /** Per series, its first row; one more entry holds the row count. */
  seriesFirstRow: Int32Array;
  rowCount: number;
  rowPeriod: Int32Array;
  rowFlag: Uint16Array;
  rowValue: Float64Array;
}

/**
 * Reads the lines of text[from…] into a TsvPart. Line numbers in errors count from
 * `lineNumber`, the number of the line before `from` (the header's, 1, for a whole file).
 */
export function readTsvLines(
  text: string,
  from: number,
  lineNumber: number,
  { dimensionIds, periods }: TsvHeader,
  fileName: string
): TsvPart {
  const dimensionCount = dimensionIds.length;
  const periodCount = periods.length;
  const codeLists = new CodeLists(dimensionCount);
  const lineCodes = new Int32Array(dimensionCount).fill(-1);
  // Sized for every cell of every line, so nothing is copied as rows are added; pages that a
  // dropped `:` leaves unwritten are never backed by memory. A kept cell takes at least two
  // characters, which bounds the size when a wrong file has a wide header and short lines.
  const lineCount = countLines(text, from);
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

  let lineStart = from;
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
  return {
    codeLists: codeLists.lists,
    flagSpellings,
    seriesCount,
    seriesCodes: seriesCodes.subarray(0, seriesCount * dimensionCount),
    seriesFirstRow: seriesFirstRow.subarray(0, seriesCount + 1),
    rowCount,
    rowPeriod: rowPeriod.subarray(0, rowCount),
    rowFlag: rowFlag.subarray(0, rowCount),
    rowValue: rowValue.subarray(0, rowCount)
  };
}
