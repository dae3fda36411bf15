import type { ChartText } from '$lib/model/chart-text';
import { describeFlagLocalised } from '$lib/i18n';
import type { ExportRow } from './rows';

/**
 * A spreadsheet reads a cell that starts with one of these as a formula (a tab or carriage
 * return can hide one after it), so a label like `=HYPERLINK(…)` from an imported file could
 * run when the download is opened.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A text cell made inert: a leading apostrophe makes every common spreadsheet show the text
 * as typed. Only text goes through here; numbers are written by numberCell and stay numbers.
 */
export function neutraliseText(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** RFC 4180 quoting: only when the cell holds a comma, a quote or a line break. */
function quote(cell: string): string {
  return /[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

const textCell = (text: string) => quote(neutraliseText(text));

/**
 * A number as a machine reads it: full precision, a dot for decimals, no grouping, so that
 * -12.5 stays the number -12.5 rather than becoming text. A missing value is an empty cell.
 */
function numberCell(value: number | null): string {
  return value === null || !Number.isFinite(value) ? '' : String(value);
}

/**
 * The CSV of what a chart draws: a header, one line per observation (projected values after
 * the published ones, marked as such), then a blank line and
 * the chart's title, source and notes, each in one cell. Column names are fixed English
 * identifiers for programs that read the file; flag meanings and texts are in the interface
 * language, like the chart they come from. Starts with a byte-order mark so
 * spreadsheets read Romanian diacritics as UTF-8; lines end in CRLF as RFC 4180 asks.
 */
export function chartCsv(rows: readonly ExportRow[], text: ChartText): string {
  const dimensionIds = rows[0]?.dimensions.map((d) => d.id) ?? [];
  // A chart with a projection says, on every line, whether the value is published or
  // projected, and gives the projected ones their intervals.
  const projected = rows.some((row) => row.projection);
  const header = [
    'dataset',
    ...dimensionIds.flatMap((id) => [`${id}_code`, `${id}_label`]),
    'time',
    'value',
    'unit',
    'flag',
    'flag_meaning',
    ...(projected ? ['value_kind', 'lower_80', 'upper_80', 'lower_95', 'upper_95'] : [])
  ];
  const lines = [header.map(textCell).join(',')];
  for (const row of rows) {
    const cells = [
      textCell(row.dataset),
      ...dimensionIds.flatMap((id) => {
        const dimension = row.dimensions.find((d) => d.id === id);
        return [textCell(dimension?.code ?? ''), textCell(dimension?.label ?? '')];
      }),
      textCell(row.period),
      numberCell(row.value),
      textCell(row.unit),
      textCell(row.flag ?? ''),
      textCell(describeFlagLocalised(row.flag)),
      ...(projected
        ? [
            row.projection ? 'projected' : 'published',
            numberCell(row.projection?.lower80 ?? null),
            numberCell(row.projection?.upper80 ?? null),
            numberCell(row.projection?.lower95 ?? null),
            numberCell(row.projection?.upper95 ?? null)
          ]
        : [])
    ];
    lines.push(cells.join(','));
  }
  lines.push('');
  for (const line of [text.title, text.subtitle, text.source, ...text.notes])
    if (line.trim() !== '') lines.push(textCell(line));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
