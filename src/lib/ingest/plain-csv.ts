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

import { tableCodeFromFileName } from './eurostat-common';
import type { ColumnMapping, Delimiter, PlainTable } from './column-mapping';
import { createMappedRows } from './mapped-rows';
import { IngestError, type LongDataset } from './types';

const DELIMITERS: readonly Delimiter[] = [',', ';', '\t', '|'];
const SAMPLE_ROWS = 5;
const CHUNK_BYTES = 8 * 1024 * 1024;
const NEWLINE = 10;
const QUOTE = 34;

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
