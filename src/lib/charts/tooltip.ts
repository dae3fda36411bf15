import { describeFlagLocalised, m } from '$lib/i18n';
import type { ChartPoint } from './types';
import type { ChartText } from '$lib/model/chart-text';

/**
 * The source as a hover names it: the publisher and table, “Source: Eurostat (crim_off_cat)”,
 * without the date and licence that follow in the full line (ChartText.source); the caption
 * under the chart and every download keep the whole line. A source without a table in
 * brackets (the SQL console's) is short already and kept whole.
 */
export function shortSource(source: string): string {
  const table = /^[^(]*\([^)]*\)/.exec(source);
  return table ? table[0] : source;
}

/**
 * What hovering one mark of a chart shows (its SVG <title>): the series and period with the
 * value and unit, then the flag's meaning and the source, each on a line of its own.
 */
export function pointTitle(
  label: string,
  point: Pick<ChartPoint, 'period' | 'value' | 'flag'>,
  text: Pick<ChartText, 'unit' | 'source'>,
  format: (value: number) => string
): string {
  const value = point.value === null ? m.chart_no_value() : `${format(point.value)} ${text.unit}`;
  return [
    `${label}, ${point.period}: ${value}`,
    point.flag ? `${point.flag}: ${describeFlagLocalised(point.flag)}` : '',
    shortSource(text.source)
  ]
    .filter(Boolean)
    .join('\n');
}

/** Where a chart's tooltip stands, in pixels from the chart's box (ChartTooltip). */
export interface TooltipPlace {
  side: 'left' | 'right' | 'below';
  inset: number;
  top: number;
  width: number;
}

/**
 * On the half of the plot away from the period read (`at`, in pixels from the plot's left), so
 * it never covers the values read; under the plot when the plot is too narrow to halve.
 */
export function tooltipPlacement(
  at: number | null,
  box: {
    width: number;
    height: number;
    innerWidth: number;
    margin: { top: number; left: number; right: number };
  }
): TooltipPlace {
  const half = box.innerWidth / 2 - 12;
  if (half < 150) return { side: 'below', inset: 0, top: box.height + 4, width: box.width };
  return at !== null && at < box.innerWidth / 2
    ? { side: 'right', inset: box.margin.right + 4, top: box.margin.top, width: half }
    : { side: 'left', inset: box.margin.left + 4, top: box.margin.top, width: half };
}
