/**
 * Which reader takes a file, decided from its bytes: users rename files, save a CSV as
 * `.xlsx` or download an error page under the data file's name, so the name is only the
 * last hint. Pure and cheap: it looks at the first bytes and, for a workbook, its sheet names.
 */

import { openWorkbook } from './xlsx';
import type { SourceFormat } from '$lib/model/manifest';
import { IngestError } from './types';

/** A reader's format, or `gzip`: unpack and look again. */
export type DetectedFormat = SourceFormat | 'gzip';

const PROBE_BYTES = 64 * 1024;
const FRONTEX_SHEET = 'Detections_of_IBC';

const EXPECTED_FORMATS =
  'a Eurostat TSV (.tsv or .tsv.gz), JSON-stat 2.0, SDMX-CSV, a Eurostat data-explorer CSV export, a World Bank file, a UNODC or Frontex workbook (.xlsx), a CSV or TSV table, or a Parquet file';

function startsWith(bytes: Uint8Array, signature: readonly number[], at = 0): boolean {
  return signature.every((b, i) => bytes[at + i] === b);
}

const GZIP = [0x1f, 0x8b];
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const PARQUET = [0x50, 0x41, 0x52, 0x31];
const PDF = [0x25, 0x50, 0x44, 0x46];
const UTF8_BOM = [0xef, 0xbb, 0xbf];

/** The first line of the text, shortened for a message. */
function firstLineForMessage(text: string): string {
  const line = text.split(/\r?\n/, 1)[0] ?? '';
  return line.length > 80 ? `${line.slice(0, 80)}…` : line;
}

/** Splits one header line on the delimiter, dropping the quotes around each name. */
function headerNames(line: string, delimiter: string): string[] {
  return line.split(delimiter).map((cell) =>
    cell
      .trim()
      .replace(/^"(.*)"$/, '$1')
      .trim()
      .toUpperCase()
  );
}

function detectWorkbook(bytes: Uint8Array, fileName: string): SourceFormat {
  let sheets: readonly string[];
  try {
    sheets = openWorkbook(bytes, fileName).sheetNames;
  } catch (error) {
    if (error instanceof IngestError) throw error;
    throw new IngestError(
      fileName,
      'the file is a ZIP archive but not a readable Excel workbook',
      'ZIP directory',
      EXPECTED_FORMATS
    );
  }
  return sheets.includes(FRONTEX_SHEET) ? 'frontex-xlsx' : 'unodc-xlsx';
}

function detectJson(text: string, fileName: string): SourceFormat {
  const start = text.trimStart();
  if (start.startsWith('[')) {
    // The World Bank API answers with [page metadata, records].
    if (/"page"\s*:/.test(start) || /"indicator"\s*:/.test(start)) return 'worldbank-json';
  } else {
    if (/"(class|dimension|version|size)"\s*:/.test(start)) return 'jsonstat';
    if (/"(page|indicator)"\s*:/.test(start)) return 'worldbank-json';
  }
  throw new IngestError(
    fileName,
    'unknown format: the file is JSON, but neither JSON-stat (no "class", "dimension" or "size") nor a World Bank API answer',
    'start of the file',
    EXPECTED_FORMATS
  );
}

function detectText(text: string, fileName: string): SourceFormat {
  const start = text.trimStart();
  if (start.startsWith('<'))
    throw new IngestError(
      fileName,
      'unknown format: the file is an HTML or XML page, perhaps an error page saved in place of the data',
      'line 1',
      EXPECTED_FORMATS
    );
  if (start.startsWith('{') || start.startsWith('[')) return detectJson(text, fileName);

  const firstLine = start.split(/\r?\n/, 1)[0];
  const tabs = firstLine.split('\t');
  if (tabs.length > 1 && tabs[0].includes('\\')) return 'eurostat-tsv';
  if (/^"?Data Source"?\s*,/.test(firstLine)) return 'worldbank-csv';

  const delimiter = ['\t', ';', ',', '|'].find((d) => firstLine.includes(d));
  if (delimiter) {
    const names = headerNames(firstLine, delimiter);
    const has = (name: string) => names.includes(name);
    if (delimiter === ',' && has('TIME_PERIOD') && (has('OBS_VALUE') || has('DATAFLOW')))
      return 'sdmx-csv';
    if (delimiter === ',' && has('TIME') && has('VALUE') && has('FLAG AND FOOTNOTES'))
      return 'eurostat-csv-export';
    if (names.length >= 2) return 'csv';
  }
  throw new IngestError(
    fileName,
    `unknown format: the file is text, but its first line “${firstLineForMessage(start)}” is not the header of any format this app reads`,
    'line 1',
    EXPECTED_FORMATS
  );
}

/**
 * The format of a file from its content: signatures for gzip, ZIP (a workbook) and Parquet,
 * then the first characters and header line of text. Throws an IngestError that says what
 * the file seemed to be when no reader fits.
 */
export function detectFormat(bytes: Uint8Array, fileName: string): DetectedFormat {
  if (bytes.length === 0) throw new IngestError(fileName, 'the file is empty', null, 'a data file');
  if (startsWith(bytes, GZIP)) return 'gzip';
  if (startsWith(bytes, PARQUET)) {
    if (bytes.length < 12 || !startsWith(bytes, PARQUET, bytes.length - 4))
      throw new IngestError(
        fileName,
        'the Parquet file is truncated: it does not end with the Parquet footer',
        'end of the file',
        'a complete Parquet file'
      );
    return 'parquet';
  }
  if (startsWith(bytes, ZIP)) return detectWorkbook(bytes, fileName);
  if (startsWith(bytes, PDF))
    throw new IngestError(
      fileName,
      'unknown format: the file is a PDF document, not data',
      'first bytes',
      EXPECTED_FORMATS
    );
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff]))
    throw new IngestError(
      fileName,
      'wrong encoding: the file is UTF-16 text, which is not supported; save it as UTF-8',
      'first bytes',
      'UTF-8 or Latin-1 text'
    );
  const probe = bytes.subarray(
    startsWith(bytes, UTF8_BOM) ? 3 : 0,
    Math.min(bytes.length, PROBE_BYTES)
  );
  if (probe.includes(0))
    throw new IngestError(
      fileName,
      'unknown format: the file is binary (it contains NUL bytes), not text',
      'first bytes',
      EXPECTED_FORMATS
    );
  // Not fatal: the probe may end inside a character, and Latin-1 files decode well enough
  // to see their header.
  const text = new TextDecoder('utf-8').decode(probe);
  return detectText(text, fileName);
}
