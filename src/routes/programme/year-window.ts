import type { ChartSeries } from '$lib/charts/types';
import { formatNumber, m } from '$lib/i18n';

/** The years a board's period window lets a programme chart draw, both ends included. */
export interface YearWindow {
  from: number;
  to: number;
}

export function withinYears(year: number, years: YearWindow | null): boolean {
  return years === null || (year >= years.from && year <= years.to);
}

/** The series with only the points of the window's years. */
export function seriesWithinYears(
  series: readonly ChartSeries[],
  years: YearWindow | null
): ChartSeries[] {
  if (years === null) return [...series];
  return series.map((s) => ({ ...s, points: s.points.filter((p) => withinYears(p.x, years)) }));
}

/**
 * What a board's period leaves out of a chart's reference marks (a baseline, a target), said
 * in its notes so a reader still learns where they stand; null when every mark is drawn.
 */
export function marksOutsideNote(
  marks: readonly { x: number; value: number; label: string }[],
  years: YearWindow | null
): string | null {
  const outside = marks.filter((mark) => !withinYears(mark.x, years));
  if (outside.length === 0) return null;
  return m.boards_filters_marks_outside({
    marks: outside.map((mark) => `${mark.label} ${mark.x}: ${formatNumber(mark.value)}`).join('; ')
  });
}
