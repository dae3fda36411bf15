/**
 * Reader for the CSV that Eurostat's older data explorer (appsso) exported:
 * `"TIME","GEO",<dimensions…>,"UNIT","Value","Flag and Footnotes"`, every field quoted, labels
 * instead of codes, values written with thousands separators (`"540,080"`) and `":"` where
 * missing. Some of these exports are Latin-1; decodeText reads them as such.
 */

import { csvParseRows } from 'd3-dsv';
import { createCodedRowBuilder } from './coded-rows';
import { codesForLabels, scanRows, type CodedValue } from './dimension-columns';
import { decodeText } from './text';
import { IngestError, type LongDataset } from './types';

const TIME = 'TIME';
const VALUE = 'Value';
const FLAG = 'Flag and Footnotes';

const EXPECTED_HEADER =
  'a data-explorer header such as "TIME","GEO","UNIT","Value","Flag and Footnotes"';
const EXPECTED_VALUE = 'a number such as 540,080 or 12.5, or : when missing';
// Either grouped by commas in threes, or not grouped at all.
const NUMBER = /^-?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/;

/**
 * The table a data-explorer file is named after: the explorer saved `<table>_<n>_Data.csv`
 * and people added suffixes (`migr_eirfs_Data_allcitizenships.csv` → `migr_eirfs`); null
 * when the name does not follow that pattern.
 */
export function tableCodeFromExportName(fileName: string): string | null {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const match = /^([a-z][a-z0-9]*(?:_[a-z][a-z0-9]*)*)(?:_\d+)?_Data(?:_|\.|$)/i.exec(base);
  return match ? match[1].toLowerCase() : null;
}

/** Reads a data-explorer CSV export into the long shape; `:` without a flag is dropped. */
export function readEurostatCsvExport(bytes: Uint8Array, fileName: string): LongDataset {
  const rows = csvParseRows(decodeText(bytes, fileName));
  const header = (rows[0] ?? []).map((name) => name.trim());
  const column = (name: string) => header.findIndex((h) => h.toLowerCase() === name.toLowerCase());
  const timeColumn = column(TIME);
  const valueColumn = column(VALUE);
  const flagColumn = column(FLAG);
  for (const [name, index] of [
    [TIME, timeColumn],
    ['GEO', column('GEO')],
    [VALUE, valueColumn],
    [FLAG, flagColumn]
  ] as const)
    if (index === -1)
      throw new IngestError(
        fileName,
        `not a Eurostat data-explorer export: the header has no "${name}" column (it has ${header.join(', ') || 'nothing'})`,
        'line 1',
        EXPECTED_HEADER
      );
  const dimensionColumns = header
    .map((name, index) => ({ name, index }))
    .filter(({ index }) => index !== timeColumn && index !== valueColumn && index !== flagColumn);

  const { dataRows, distinct } = scanRows(rows, dimensionColumns, fileName);

  const coders: Map<string, CodedValue>[] = dimensionColumns.map(({ name }, d) =>
    codesForLabels(distinct[d], name.toUpperCase() === 'GEO', fileName, name)
  );
  const cells = createCodedRowBuilder(fileName, rows, dimensionColumns, coders);
  for (const r of dataRows) {
    const time = cells.period(r, timeColumn, TIME);
    const flag = cells.flag(r, flagColumn, FLAG);
    const rawValue = rows[r][valueColumn].trim();
    if (rawValue === ':' && flag === '') continue;
    if (rawValue !== ':' && !NUMBER.test(rawValue))
      throw new IngestError(
        fileName,
        `“${rawValue}” is not a number`,
        cells.where(r, VALUE),
        EXPECTED_VALUE
      );
    cells.add(r, time, rawValue === ':' ? NaN : Number(rawValue.replaceAll(',', '')), flag);
  }

  return cells.build({
    tableCode: tableCodeFromExportName(fileName),
    title: null,
    lastUpdate: null,
    format: 'eurostat-csv-export',
    fileName
  });
}
