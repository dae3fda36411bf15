import type { ChartText } from '$lib/model/chart-text';
import { describeFlagLocalised } from '$lib/i18n';
import type { ExportRow } from './rows';
import { flagLegend } from './svg-export';

/** A cell of a download: text, a number, or empty. */
export type TableCell = string | number | null;

/** What every data download holds: fixed column names, then one row per observation. */
export interface DataTable {
  header: string[];
  rows: TableCell[][];
}

/**
 * The table of what a chart draws: one row per observation (projected values after the
 * published ones, marked as such). Column names are fixed English identifiers for programs
 * that read the file; labels and flag meanings are in the interface language, like the chart.
 */
export function chartTable(rows: readonly ExportRow[]): DataTable {
  const dimensionIds = rows[0]?.dimensions.map((d) => d.id) ?? [];
  // A chart with a projection says, on every row, whether the value is published or
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
  const finite = (value: number | null | undefined) =>
    value === null || value === undefined || !Number.isFinite(value) ? null : value;
  return {
    header,
    rows: rows.map((row) => [
      row.dataset,
      ...dimensionIds.flatMap((id) => {
        const dimension = row.dimensions.find((d) => d.id === id);
        return [dimension?.code ?? '', dimension?.label ?? ''];
      }),
      row.period,
      finite(row.value),
      row.unit,
      row.flag ?? '',
      describeFlagLocalised(row.flag),
      ...(projected
        ? [
            row.projection ? 'projected' : 'published',
            finite(row.projection?.lower80),
            finite(row.projection?.upper80),
            finite(row.projection?.lower95),
            finite(row.projection?.upper95)
          ]
        : [])
    ])
  };
}

/** One line about the table: a fixed field name and its text. */
export interface AboutLine {
  field: 'title' | 'subtitle' | 'source' | 'note' | 'annotation' | 'flag' | 'link';
  text: string;
}

/**
 * What a download says about its data: the chart's title, subtitle, source (with the
 * licence), notes, annotations, the meaning of each flag that occurs, and the link back to the view.
 */
export function aboutLines(
  rows: readonly ExportRow[],
  text: ChartText,
  link?: string
): AboutLine[] {
  const lines: AboutLine[] = [
    { field: 'title', text: text.title },
    { field: 'subtitle', text: text.subtitle },
    { field: 'source', text: text.source },
    ...text.notes.map((note) => ({ field: 'note' as const, text: note })),
    ...(text.annotations ?? []).map((line) => ({ field: 'annotation' as const, text: line })),
    ...flagLegend(rows).map((f) => ({ field: 'flag' as const, text: `${f.letter}: ${f.meaning}` })),
    { field: 'link', text: link ?? '' }
  ];
  return lines.filter((line) => line.text.trim() !== '');
}
