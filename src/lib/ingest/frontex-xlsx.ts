/**
 * Reader for Frontex's "Monthly detections of illegal border-crossing" workbook (the Migratory
 * Map download). The sheet Detections_of_IBC is wide: Route, "Border type or inland" (Sea or
 * Land), Nationality, then one column per month named like JAN2009. The Notes sheet states the
 * data date ("Source: FRAN data as of 03JUN25").
 */
import { conflictCaveat, foldedCaveat, LabelCodes, LongRows } from './labelled-long';
import { IngestError, type Dimension, type LongDataset } from './types';
import { columnLetters, openWorkbook, type CellValue, type SheetRow } from './xlsx';

const DATA_SHEET = 'Detections_of_IBC';
const NOTES_SHEET = 'Notes';

/** The label columns, in the order they become dimensions; `citizen` as Eurostat calls it. */
const LABEL_COLUMNS = [
  { id: 'route', header: 'route' },
  { id: 'border_type', header: 'border type or inland' },
  { id: 'citizen', header: 'nationality' }
] as const;

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const MONTH_HEADER = /^([A-Za-z]{3})\s*(\d{4})$/;
const HEADER_SEARCH_ROWS = 10;
const EXPECTED_LAYOUT = `a Frontex IBC workbook whose sheet ${DATA_SHEET} has the columns Route, Border type or inland, Nationality, then months such as JAN2009`;
const EXPECTED_VALUE = 'a number of detections, or an empty cell';

const text = (cell: CellValue | undefined): string =>
  cell === null || cell === undefined ? '' : String(cell).trim();

/** `JAN2009` → `2009-01`; null for any other header. */
function monthPeriod(header: string): string | null {
  const m = MONTH_HEADER.exec(header);
  if (!m) return null;
  const month = MONTHS.indexOf(m[1].toUpperCase());
  return month < 0 ? null : `${m[2]}-${String(month + 1).padStart(2, '0')}`;
}

interface Header {
  at: number;
  labels: number[];
  /** Column index → period, for the month columns. */
  months: Map<number, string>;
}

function findHeader(rows: SheetRow[], fileName: string): Header {
  const limit = Math.min(rows.length, HEADER_SEARCH_ROWS);
  for (let at = 0; at < limit; at++) {
    const headers = rows[at].cells.map((c) => text(c).toLowerCase());
    if (!headers.includes('route')) continue;
    const where = `sheet “${DATA_SHEET}”, row ${rows[at].number}`;
    const labels = LABEL_COLUMNS.map((c) => headers.indexOf(c.header));
    const missing = LABEL_COLUMNS.filter((_, d) => labels[d] < 0).map((c) => `“${c.header}”`);
    if (missing.length > 0)
      throw new IngestError(
        fileName,
        `the header row lacks ${missing.join(', ')}`,
        where,
        EXPECTED_LAYOUT
      );
    const months = new Map<number, string>();
    rows[at].cells.forEach((cell, column) => {
      const header = text(cell);
      if (header === '' || labels.includes(column)) return;
      const period = monthPeriod(header);
      // An unknown column could be a total or a note; summing it as a month would be wrong.
      if (period === null)
        throw new IngestError(
          fileName,
          `the column header “${header}” is not a month`,
          `sheet “${DATA_SHEET}”, cell ${columnLetters(column)}${rows[at].number}`,
          'a month such as JAN2009'
        );
      months.set(column, period);
    });
    if (months.size === 0)
      throw new IngestError(
        fileName,
        'the header row has no month columns',
        where,
        EXPECTED_LAYOUT
      );
    return { at, labels, months };
  }
  throw new IngestError(
    fileName,
    'no header row with a Route column',
    `sheet “${DATA_SHEET}”, first ${HEADER_SEARCH_ROWS} rows`,
    EXPECTED_LAYOUT
  );
}

/**
 * "FRAN data as of 03JUN25" → `2025-06-03`. Frontex writes day, month name and a two-digit
 * year; FRAN (the Frontex Risk Analysis Network) began reporting in the 2000s, so it is 20YY.
 */
function dataDate(rows: SheetRow[]): string | null {
  for (const row of rows)
    for (const cell of row.cells) {
      const m = /data as of\s+(\d{1,2})([A-Za-z]{3})(\d{2})\b/i.exec(text(cell));
      const month = m ? MONTHS.indexOf(m[2].toUpperCase()) : -1;
      if (m && month >= 0)
        return `20${m[3]}-${String(month + 1).padStart(2, '0')}-${m[1].padStart(2, '0')}`;
    }
  return null;
}

/** Reads the Frontex IBC workbook into the long shape: one row per route, border type, nationality and month. */
export function readFrontexIbc(bytes: Uint8Array, fileName: string): LongDataset {
  const workbook = openWorkbook(bytes, fileName);
  if (!workbook.sheetNames.includes(DATA_SHEET))
    throw new IngestError(
      fileName,
      `the workbook has no sheet named ${DATA_SHEET}`,
      `sheets ${workbook.sheetNames.map((s) => `“${s}”`).join(', ') || 'none'}`,
      EXPECTED_LAYOUT
    );
  const rows = workbook.readSheet(DATA_SHEET);
  const header = findHeader(rows, fileName);
  const labelCodes = LABEL_COLUMNS.map(() => new LabelCodes());
  const table = new LongRows(LABEL_COLUMNS.length);
  const codes: string[] = new Array(LABEL_COLUMNS.length);

  const months = [...header.months];
  for (let r = header.at + 1; r < rows.length; r++) {
    const { number, cells } = rows[r];
    if (months.every(([column]) => text(cells[column]) === '')) continue;
    const labels = header.labels.map((column) => text(cells[column]));
    const blank = labels.findIndex((label) => label === '');
    if (blank >= 0)
      throw new IngestError(
        fileName,
        `the row has detections but no ${LABEL_COLUMNS[blank].header}`,
        `sheet “${DATA_SHEET}”, cell ${columnLetters(header.labels[blank])}${number}`,
        'a route, a border type and a nationality on every row'
      );
    for (let d = 0; d < labels.length; d++) codes[d] = labelCodes[d].codeFor(labels[d]);

    for (const [column, period] of months) {
      const cell = cells[column];
      let value: number;
      if (typeof cell === 'number') value = cell;
      else {
        // Empty means not reported; a zero is a reported zero and is kept.
        const written = text(cell);
        if (written === '') continue;
        value = /^-?\d+(\.\d+)?$/.test(written) ? Number(written) : NaN;
        if (Number.isNaN(value))
          throw new IngestError(
            fileName,
            `the value “${written}” is not a number`,
            `sheet “${DATA_SHEET}”, cell ${columnLetters(column)}${number}`,
            EXPECTED_VALUE
          );
      }
      table.add(codes, period, value, null);
    }
  }

  const dimensions: Dimension[] = LABEL_COLUMNS.map((c, d) => ({
    id: c.id,
    label: text(rows[header.at].cells[header.labels[d]]),
    codes: labelCodes[d].codes
  }));
  const notes = workbook.sheetNames.includes(NOTES_SHEET) ? workbook.readSheet(NOTES_SHEET) : [];
  const caveats = [
    conflictCaveat(table.conflicts, dimensions, ({ value }) => String(value)),
    ...labelCodes.map((codesOf, d) => foldedCaveat(dimensions[d], codesOf))
  ].filter((caveat) => caveat !== null);
  return table.build(
    dimensions,
    { tableCode: null, title: null, lastUpdate: dataDate(notes), format: 'frontex-xlsx', fileName },
    caveats
  );
}
