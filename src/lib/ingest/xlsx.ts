/**
 * A small, defensive .xlsx reader: only what a data workbook needs (sheet names; cell text and
 * numbers), in Node and the browser alike.
 *
 * Why not a spreadsheet library: on data_glotip.xlsx (58,769 rows, 27 MB of sheet XML) in Node,
 * read-excel-file took 1.1–1.7 s and ExcelJS about 4 s, against about 0.6 s here; minified, this
 * module with fflate's inflater is 14 kB, read-excel-file 54 kB, ExcelJS 950 kB. The worksheet
 * XML Excel writes is regular enough to scan without a DOM.
 *
 * Hostile files: every part is inflated as a stream into a buffer of the size the zip directory
 * declares, and a part that declares more than the limit, or inflates to more than it declared,
 * is refused at once; so a zip bomb costs at most the limit in memory and stops early in time.
 * Checksums are verified, so a damaged or cut file is reported, never half-read. XML entities
 * other than the five predefined ones and character references are never expanded.
 */
import { IngestError } from './types';
import {
  decodeUtf8,
  decodeXmlText,
  EXPECTED_XLSX,
  officeDocumentPath,
  readZipDirectory,
  relationships,
  sheetEntries,
  TAG
} from './xlsx-package';

export type CellValue = string | number | null;

export interface SheetRow {
  /** The row number Excel shows (1-based). Rows without cells are absent. */
  number: number;
  /** Values by column, 0 = A; null where a cell is empty. Trailing empty cells may be absent. */
  cells: CellValue[];
}

export interface Workbook {
  readonly fileName: string;
  /** Sheet names in tab order, hidden sheets included. */
  readonly sheetNames: readonly string[];
  /** Every row of one sheet. Throws an IngestError naming the sheet when it is absent or damaged. */
  readSheet(name: string): SheetRow[];
}

export interface XlsxLimits {
  /** Largest uncompressed size of one part (a sheet, the shared strings), in bytes. */
  maxPartBytes: number;
  /** Most cells one sheet may span (counting the empty cells left of each row's last one). */
  maxCells: number;
}

/**
 * 256 MiB of sheet XML is about half a million rows of UNODC's layout, far beyond any file the
 * dashboard ships, and stays below the longest string a browser can hold.
 */
export const DEFAULT_XLSX_LIMITS: XlsxLimits = {
  maxPartBytes: 256 * 1024 * 1024,
  maxCells: 30_000_000
};

const MAX_ROW = 1_048_576;
const MAX_COLUMN = 16_384;

/** Opens a workbook; sheets are inflated and parsed only when asked for. */
export function openWorkbook(
  bytes: Uint8Array,
  fileName: string,
  limits: XlsxLimits = DEFAULT_XLSX_LIMITS
): Workbook {
  const zip = readZipDirectory(bytes, fileName);
  const partText = (path: string): string => decodeUtf8(zip.extract(path, limits), fileName, path);

  const workbookPath = officeDocumentPath(zip, partText, fileName);
  const workbookRels = relationships(zip, partText, workbookPath);
  const sheets = sheetEntries(partText(workbookPath), workbookRels, fileName, workbookPath);
  const sharedStringsPath = [...workbookRels.values()].find((r) =>
    r.type.endsWith('/sharedStrings')
  )?.target;

  let sharedStrings: string[] | null = null;
  const strings = (): string[] => {
    if (sharedStrings === null)
      sharedStrings =
        sharedStringsPath && zip.has(sharedStringsPath)
          ? parseSharedStrings(partText(sharedStringsPath))
          : [];
    return sharedStrings;
  };

  return {
    fileName,
    sheetNames: sheets.map((s) => s.name),
    readSheet(name: string): SheetRow[] {
      const sheet = sheets.find((s) => s.name === name);
      if (!sheet)
        throw new IngestError(
          fileName,
          `the workbook has no sheet named “${name}”`,
          `sheets: ${sheets.map((s) => `“${s.name}”`).join(', ') || 'none'}`,
          `a sheet named “${name}”`
        );
      if (!zip.has(sheet.path))
        throw new IngestError(
          fileName,
          `the sheet “${name}” is listed but its part ${sheet.path} is missing`,
          `sheet “${name}”`,
          EXPECTED_XLSX
        );
      return parseSheet(partText(sheet.path), strings(), {
        fileName,
        sheet: name,
        maxCells: limits.maxCells
      });
    }
  };
}

// ─── cell text ──────────────────────────────────────────────────────────────────────────────

/** The text after an opening tag, up to the next tag. */
function textAfter(xml: string, from: number): string {
  const next = xml.indexOf('<', from);
  return decodeXmlText(xml.slice(from, next < 0 ? xml.length : next));
}

function parseSharedStrings(xml: string): string[] {
  const strings: string[] = [];
  let item: string[] | null = null;
  let phonetic = false;
  const tag = new RegExp(TAG);
  for (let m = tag.exec(xml); m; m = tag.exec(xml)) {
    const closing = m[1];
    const name = m[2];
    const attrs = m[3];
    if (name === 'si') {
      if (closing) {
        if (item) strings.push(item.join(''));
        item = null;
      } else if (attrs.endsWith('/')) strings.push('');
      else item = [];
    } else if (name === 'rPh') {
      // Phonetic runs (East Asian reading hints) are not part of the displayed text.
      phonetic = !closing && !attrs.endsWith('/');
    } else if (name === 't' && !closing && !attrs.endsWith('/') && item && !phonetic) {
      item.push(textAfter(xml, tag.lastIndex));
    }
  }
  return strings;
}

// ─── worksheet ──────────────────────────────────────────────────────────────────────────────

/** Value of one attribute in a start tag; a fast path for the two read on every cell. */
function attributeValue(attrs: string, name: string): string | null {
  for (let i = attrs.indexOf(name); i >= 0; i = attrs.indexOf(name, i + 1)) {
    const before = attrs.charCodeAt(i - 1);
    if (i > 0 && before !== 32 && before !== 9 && before !== 10 && before !== 13) continue;
    let j = i + name.length;
    while (attrs[j] === ' ') j++;
    if (attrs[j] !== '=') continue;
    j++;
    while (attrs[j] === ' ') j++;
    const quote = attrs[j];
    if (quote !== '"' && quote !== "'") continue;
    const close = attrs.indexOf(quote, j + 1);
    return close < 0 ? null : attrs.slice(j + 1, close);
  }
  return null;
}

/** Column letters to a 0-based index; -1 when the reference is not a cell reference. */
function columnIndex(ref: string): number {
  let column = 0;
  let i = 0;
  for (; i < ref.length && i < 4; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) column = column * 26 + (c - 64);
    else break;
  }
  if (i === 0 || i > 3 || column > MAX_COLUMN) return -1;
  for (let k = i; k < ref.length; k++) {
    const c = ref.charCodeAt(k);
    if (c < 48 || c > 57) return -1;
  }
  return column - 1;
}

/** 0 → A, 27 → AB: for naming cells in messages. */
export function columnLetters(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

interface SheetContext {
  fileName: string;
  sheet: string;
  maxCells: number;
}

function parseSheet(xml: string, strings: string[], ctx: SheetContext): SheetRow[] {
  const rows: SheetRow[] = [];
  const at = (row: number, column: number) =>
    `sheet “${ctx.sheet}”, cell ${columnLetters(column)}${row}`;
  const fail = (problem: string, location: string, expected: string) =>
    new IngestError(ctx.fileName, problem, location, expected);

  const start = xml.search(/<(?:[\w.-]+:)?sheetData[\s>/]/);
  if (start < 0)
    throw fail('the sheet has no cell data', `sheet “${ctx.sheet}”`, 'a worksheet with rows');

  let cells: CellValue[] | null = null;
  let rowNumber = 0;
  let column = -1;
  let cellSlots = 0;
  // The cell being read: its type and the raw text of its value or inline string.
  let inCell = false;
  let type = '';
  let raw: string | null = null;
  let inline: string[] | null = null;
  let phonetic = false;

  const finishCell = () => {
    inCell = false;
    const value = cellValue(
      type,
      inline ? inline.join('') : raw,
      strings,
      () => at(rowNumber, column),
      ctx
    );
    if (value === null || !cells) return;
    while (cells.length < column) cells.push(null);
    cells[column] = value;
  };

  const tag = new RegExp(TAG);
  tag.lastIndex = start;
  for (let m = tag.exec(xml); m; m = tag.exec(xml)) {
    const closing = m[1];
    const name = m[2];
    const attrs = m[3];
    const empty = attrs.endsWith('/');
    if (name === 'c') {
      if (closing) {
        if (inCell) finishCell();
        continue;
      }
      const ref = attributeValue(attrs, 'r');
      column = ref === null ? column + 1 : columnIndex(ref);
      if (column < 0 || column >= MAX_COLUMN)
        throw fail(
          `the cell reference “${ref}” is not valid`,
          `sheet “${ctx.sheet}”, row ${rowNumber}`,
          'a reference like B7'
        );
      if (!cells)
        throw fail('a cell stands outside any row', at(rowNumber, column), 'cells inside rows');
      cellSlots += Math.max(0, column + 1 - cells.length);
      if (cellSlots > ctx.maxCells)
        throw fail(
          `the sheet has more than ${ctx.maxCells.toLocaleString('en')} cells, more than this reader accepts`,
          `sheet “${ctx.sheet}”, row ${rowNumber}`,
          'a smaller sheet'
        );
      type = attributeValue(attrs, 't') ?? 'n';
      raw = null;
      inline = null;
      inCell = !empty;
    } else if (name === 'v' || name === 't' || name === 'is' || name === 'rPh') {
      if (!inCell) continue;
      if (name === 'is') inline = closing ? inline : (inline ?? []);
      else if (name === 'rPh') phonetic = !closing && !empty;
      else if (!closing && !empty) {
        if (name === 'v') raw = textAfter(xml, tag.lastIndex);
        else if (inline && !phonetic) inline.push(textAfter(xml, tag.lastIndex));
      }
    } else if (name === 'row') {
      if (closing) {
        if (cells && cells.length > 0) rows.push({ number: rowNumber, cells });
        cells = null;
        continue;
      }
      const r = attributeValue(attrs, 'r');
      const next = r === null ? rowNumber + 1 : Number(r);
      if (!Number.isInteger(next) || next < 1 || next > MAX_ROW)
        throw fail(
          `the row number “${r}” is not valid`,
          `sheet “${ctx.sheet}”, after row ${rowNumber}`,
          `a row number from 1 to ${MAX_ROW}`
        );
      rowNumber = next;
      column = -1;
      cells = empty ? null : [];
    } else if (name === 'sheetData' && closing) {
      break;
    }
  }
  return rows;
}

function cellValue(
  type: string,
  raw: string | null,
  strings: string[],
  where: () => string,
  ctx: SheetContext
): CellValue {
  if (raw === null || raw === '') return null;
  switch (type) {
    case 's': {
      const index = Number(raw);
      if (!Number.isInteger(index) || index < 0 || index >= strings.length)
        throw new IngestError(
          ctx.fileName,
          `the cell points to shared string ${raw}, which does not exist`,
          where(),
          `an index below ${strings.length}`
        );
      return strings[index];
    }
    case 'n': {
      const n = Number(raw);
      if (!Number.isFinite(n))
        throw new IngestError(ctx.fileName, `the numeric cell holds “${raw}”`, where(), 'a number');
      return n;
    }
    case 'b':
      return raw === '1' ? 'TRUE' : 'FALSE';
    default:
      // `str` (formula text), `inlineStr`, `e` (#N/A…) and `d` (ISO date) are all text.
      return raw;
  }
}
