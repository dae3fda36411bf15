import type { ChartPoint, ChartSeries } from './types';

/** What a chart's text summary says of one series: its first and last value and the change. */
export interface SeriesSummary {
  key: string;
  label: string;
  first: ChartPoint & { value: number };
  last: ChartPoint & { value: number };
  /** Change from first to last in %, null when the first value is not positive or they coincide. */
  percentChange: number | null;
  /** last − first, null when they coincide: the change of a series of percentages, in points. */
  difference: number | null;
}

const hasValue = (p: ChartPoint): p is ChartPoint & { value: number } => p.value !== null;

/** First and last value of each series that has any; series without values are left out. */
export function summarizeSeries(series: readonly ChartSeries[]): SeriesSummary[] {
  return series.flatMap((s) => {
    const valued = s.points.filter(hasValue).sort((a, b) => a.x - b.x);
    if (valued.length === 0) return [];
    const first = valued[0];
    const last = valued[valued.length - 1];
    const percentChange =
      first !== last && first.value > 0 ? (last.value / first.value - 1) * 100 : null;
    const difference = first !== last ? last.value - first.value : null;
    return [{ key: s.key, label: s.label, first, last, percentChange, difference }];
  });
}

/** Distinct flag letters among drawn values, sorted: what the flag legend lists. */
export function flagLettersOf(points: readonly ChartPoint[]): string[] {
  return [
    ...new Set(points.flatMap((p) => (p.value !== null && p.flag ? [...p.flag] : [])))
  ].sort();
}
