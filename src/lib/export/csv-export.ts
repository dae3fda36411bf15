import type { ChartText } from '$lib/model/chart-text';
import type { ExportRow } from './rows';
import { aboutLines, chartTable, type DataTable, type TableCell } from './data-table';

/**
 * A spreadsheet reads a cell that starts with one of these as a formula (a tab or carriage
 * return can hide one after it), so a label like `=HYPERLINK(…)` from an imported file could
 * run when the download is opened.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A text cell made inert: a leading apostrophe makes every common spreadsheet show the text
 * as typed. Only text goes through here; numbers are written by cell() and stay numbers.
 */
export function neutraliseText(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/**
 * RFC 4180 quoting, when the cell holds a comma, a quote or a line break; and a `#`, so that
 * a reader skipping the `#` lines as comments does not take one inside a label for another.
 */
function quote(cell: string): string {
  return /[",\r\n#]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

/**
 * A number as a machine reads it: full precision, a dot for decimals, no grouping, so that
 * -12.5 stays the number -12.5 rather than becoming text. A missing value is an empty cell.
 */
function cell(value: TableCell): string {
  if (value === null) return '';
  return typeof value === 'number' ? String(value) : quote(neutraliseText(value));
}

/**
 * The CSV of what a chart draws (docs/downloads.md): first a plain table, a header and one
 * line per observation, so any program reads it as it is; then a blank line and the lines
 * about it, each `#,field,text` (title, subtitle, source, note, flag, link). pandas skips
 * those with `comment='#'` (DuckDB and R likewise), and a spreadsheet shows them below the
 * table, apart from it. Starts with a byte-order mark so spreadsheets read Romanian
 * diacritics as UTF-8; lines end in CRLF as RFC 4180 asks. A view laid out as a table of its
 * own (the cross-tab) passes that table, so the file is the table as shown.
 */
export function chartCsv(
  rows: readonly ExportRow[],
  text: ChartText,
  link?: string,
  table: DataTable = chartTable(rows)
): string {
  const lines = [table.header, ...table.rows].map((cells) => cells.map(cell).join(','));
  lines.push('');
  for (const line of aboutLines(rows, text, link))
    lines.push(['#', cell(line.field), cell(line.text)].join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
