/**
 * Reader for the workbooks of UNODC's data portal (GLOTIP, the Crime Trends Survey files):
 * a banner ("UNODC", then the release date as dd/mm/yyyy), a header row with Iso3_code,
 * Country, Region, Subregion, Indicator, Dimension, Category, Sex, Age, Year, Unit of
 * measurement, VALUE or txtVALUE and Source, then one observation per row.
 */
import { isPeriod } from '$lib/model/period';
import { geoCodeFromIso3 } from '$lib/reference/geo';
import { slugCode } from './slug';
import { conflictCaveat, foldedCaveat, LabelCodes, LongRows } from './labelled-long';
import { IngestError, type Dimension, type LongDataset } from './types';
import { columnLetters, openWorkbook, type CellValue, type SheetRow } from './xlsx';

/** Label columns that become dimensions, after geo; the id is the long table's column name. */
const LABEL_COLUMNS = [
  { id: 'indicator', header: 'indicator' },
  { id: 'dimension', header: 'dimension' },
  { id: 'category', header: 'category' },
  { id: 'sex', header: 'sex' },
  { id: 'age', header: 'age' },
  { id: 'unit', header: 'unit of measurement' }
] as const;

const REQUIRED = ['iso3_code', 'country', 'year', ...LABEL_COLUMNS.map((c) => c.header)];
const VALUE_HEADERS = ['value', 'txtvalue'];
/** The banner is two rows; a few more are searched in case UNODC adds a line. */
const HEADER_SEARCH_ROWS = 20;
const EXPECTED_LAYOUT =
  'a UNODC data-portal workbook: a header row with Iso3_code, Country, Indicator, Dimension, Category, Sex, Age, Year, Unit of measurement and VALUE or txtVALUE';
const EXPECTED_VALUE = 'a number (1234, 1,234 or 12.5), “<5”, or an empty cell';

/** UNODC's marker for a count of 1 to 4 withheld to protect the persons counted. */
const SUPPRESSED = '<5';
const SUPPRESSED_FLAG = 'l';
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;
/**
 * GLOTIP's txtVALUE is text, and 813 of its cells hold a comma: every one of them is digits
 * grouped in threes (1,757; 2,386) in a column whose unit is "Counts", and none has a
 * single comma followed by one or two digits. So the comma is a thousands separator; a value
 * that does not group in threes is refused rather than guessed.
 */
const GROUPED_NUMBER = /^\d{1,3}(,\d{3})+(\.\d+)?$/;

interface Located {
  sheet: string;
  rows: SheetRow[];
  headerAt: number;
  columns: Map<string, number>;
}

const normaliseHeader = (cell: CellValue) =>
  typeof cell === 'string' ? cell.trim().toLowerCase() : '';

/** The first sheet with a header row holding Iso3_code, and where each column is. */
function locateTable(bytes: Uint8Array, fileName: string): Located {
  const workbook = openWorkbook(bytes, fileName);
  for (const sheet of workbook.sheetNames) {
    const rows = workbook.readSheet(sheet);
    const limit = Math.min(rows.length, HEADER_SEARCH_ROWS);
    for (let i = 0; i < limit; i++) {
      const headers = rows[i].cells.map(normaliseHeader);
      if (!headers.includes('iso3_code')) continue;
      const columns = new Map<string, number>();
      headers.forEach((h, c) => {
        if (h !== '' && !columns.has(h)) columns.set(h, c);
      });
      const missing = REQUIRED.filter((h) => !columns.has(h));
      if (!VALUE_HEADERS.some((h) => columns.has(h))) missing.push('VALUE or txtVALUE');
      if (missing.length > 0)
        throw new IngestError(
          fileName,
          `the header row lacks the column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`,
          `sheet “${sheet}”, row ${rows[i].number}`,
          EXPECTED_LAYOUT
        );
      return { sheet, rows, headerAt: i, columns };
    }
  }
  throw new IngestError(
    fileName,
    'no sheet has a header row with an Iso3_code column',
    `sheets ${workbook.sheetNames.map((s) => `“${s}”`).join(', ')}, first ${HEADER_SEARCH_ROWS} rows`,
    EXPECTED_LAYOUT
  );
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * The release date from the banner. UNODC writes it day first (14/04/2025, 16/05/2024); a
 * date that is not a real day is kept as written rather than turned into a wrong one.
 */
function releaseDate(banner: SheetRow[]): string | null {
  for (const row of banner)
    for (const cell of row.cells) {
      if (typeof cell !== 'string') continue;
      const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(cell.trim());
      if (!m) continue;
      const [day, month] = [Number(m[1]), Number(m[2])];
      if (month < 1 || month > 12 || day < 1 || day > DAYS_IN_MONTH[month - 1]) return cell.trim();
      return `${m[3]}-${m[2].padStart(2, '0')}-${m[1].padStart(2, '0')}`;
    }
  return null;
}

/** The banner's publisher line ("UNODC"): its first text that is not the date. */
function publisher(banner: SheetRow[]): string | null {
  for (const row of banner)
    for (const cell of row.cells)
      if (typeof cell === 'string' && cell.trim() !== '' && !/^[\d/]+$/.test(cell.trim()))
        return cell.trim();
  return null;
}

const text = (cell: CellValue | undefined): string =>
  cell === null || cell === undefined ? '' : String(cell).trim();

/** A value as the file writes it, for messages. */
function describeValue({ value, flag }: { value: number; flag: string | null }): string {
  return flag === SUPPRESSED_FLAG ? SUPPRESSED : String(value);
}

/** Reads a UNODC data-portal workbook into the long shape; rows without a value are dropped. */
export function readUnodcXlsx(bytes: Uint8Array, fileName: string): LongDataset {
  const { sheet, rows, headerAt, columns } = locateTable(bytes, fileName);
  const header = rows[headerAt].cells;
  const col = (name: string) => columns.get(name)!;
  const valueColumn = columns.get('value') ?? col('txtvalue');
  const geoColumn = col('iso3_code');
  const countryColumn = col('country');
  const yearColumn = col('year');
  const sourceColumn = columns.get('source');

  const geoCodes = new Map<string, string>();
  const labelCodes = LABEL_COLUMNS.map(() => new LabelCodes());
  const labelColumns = LABEL_COLUMNS.map((c) => col(c.header));
  const table = new LongRows(1 + LABEL_COLUMNS.length);
  const sources = new Set<string>();
  const codes: string[] = new Array(1 + LABEL_COLUMNS.length);

  for (let r = headerAt + 1; r < rows.length; r++) {
    const { number, cells } = rows[r];
    const where = (column: number) => `sheet “${sheet}”, cell ${columnLetters(column)}${number}`;

    const raw = cells[valueColumn];
    let value: number;
    let flag: string | null = null;
    if (typeof raw === 'number') value = raw;
    else {
      const written = text(raw);
      if (written === '') continue;
      if (written === SUPPRESSED) {
        value = NaN;
        flag = SUPPRESSED_FLAG;
      } else if (PLAIN_NUMBER.test(written)) value = Number(written);
      else if (GROUPED_NUMBER.test(written)) value = Number(written.replaceAll(',', ''));
      else
        throw new IngestError(
          fileName,
          `the value “${written}” is not a number`,
          where(valueColumn),
          EXPECTED_VALUE
        );
    }

    const year = cells[yearColumn];
    const period = typeof year === 'number' ? String(year) : text(year);
    if (!isPeriod(period, 'annual'))
      throw new IngestError(
        fileName,
        `the year “${period}” is not a year`,
        where(yearColumn),
        'a four-digit year'
      );

    // Geo: the Eurostat code where the ISO3 code has one, else the ISO3 code itself, so no
    // country is lost; a row with no ISO3 code at all (Sark) is keyed by its country name.
    const iso3 = text(cells[geoColumn]).toUpperCase();
    const country = text(cells[countryColumn]);
    if (iso3 === '' && country === '')
      throw new IngestError(
        fileName,
        'the row names no country',
        where(geoColumn),
        'an ISO3 code or a country name'
      );
    const geo = iso3 === '' ? slugCode(country) : (geoCodeFromIso3(iso3) ?? iso3);
    if (!geoCodes.has(geo)) geoCodes.set(geo, country || iso3);
    codes[0] = geo;
    for (let d = 0; d < labelColumns.length; d++)
      codes[d + 1] = labelCodes[d].codeFor(text(cells[labelColumns[d]]));

    if (sourceColumn !== undefined) sources.add(text(cells[sourceColumn]));
    table.add(codes, period, value, flag);
  }

  const dimensions: Dimension[] = [
    { id: 'geo', label: text(header[countryColumn]), codes: geoCodes },
    ...LABEL_COLUMNS.map((c, d) => ({
      id: c.id,
      label: text(header[labelColumns[d]]),
      codes: labelCodes[d].codes
    }))
  ];

  const banner = rows.slice(0, headerAt);
  // "UNODC" alone names no dataset; GLOTIP's rows all say GLOTIP, while the CTS files name a
  // source per row (CTS, CTS/MoI, NGO…), which is provenance, not a title.
  const name = publisher(banner);
  const title = name && sources.size === 1 ? `${name} ${[...sources][0]}` : null;
  const caveats = [
    conflictCaveat(table.conflicts, dimensions, describeValue),
    ...labelCodes.map((codesOf, d) => foldedCaveat(dimensions[d + 1], codesOf))
  ].filter((caveat) => caveat !== null);

  return table.build(
    dimensions,
    { tableCode: null, title, lastUpdate: releaseDate(banner), format: 'unodc-xlsx', fileName },
    caveats
  );
}
