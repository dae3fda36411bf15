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
  /** Its top edge, or its bottom edge when `anchor` is 'bottom'. */
  top: number;
  anchor: 'top' | 'bottom';
  width: number;
}

/**
 * On the half of the plot away from the period read (`at`, in pixels from the plot's left), so
 * it never covers the values read, and at the top or the bottom of that half, whichever is
 * further from the values drawn there (`drawn`: points in plot pixels); under the plot when
 * the plot is too narrow to halve.
 */
export function tooltipPlacement(
  at: number | null,
  drawn: readonly { x: number; y: number }[],
  box: {
    width: number;
    height: number;
    innerWidth: number;
    innerHeight: number;
    margin: { top: number; left: number; right: number };
  }
): TooltipPlace {
  const half = box.innerWidth / 2 - 12;
  if (half < 150)
    return { side: 'below', inset: 0, top: box.height + 4, anchor: 'top', width: box.width };
  const onRight = at !== null && at < box.innerWidth / 2;
  const there = drawn.filter((p) => p.x >= box.innerWidth / 2 === onRight).map((p) => p.y);
  const roomAbove = there.length > 0 ? Math.min(...there) : box.innerHeight;
  const roomBelow = there.length > 0 ? box.innerHeight - Math.max(...there) : 0;
  const anchor = roomBelow > roomAbove ? 'bottom' : 'top';
  const top = anchor === 'top' ? box.margin.top : box.margin.top + box.innerHeight - 4;
  return onRight
    ? { side: 'right', inset: box.margin.right + 4, top, anchor, width: half }
    : { side: 'left', inset: box.margin.left + 4, top, anchor, width: half };
}
