import type { ChartSeries } from '../types';

/** One bar: a series' value in the period shown. */
export interface RankedBar {
  key: string;
  label: string;
  color: string;
  period: string;
  value: number | null;
  flag: string | null;
}

/**
 * The series' values in `period`, largest first; series without a value in that period come
 * last, in their own order, so a missing country is shown as missing rather than dropped.
 */
export function rankBars(series: readonly ChartSeries[], period: string): RankedBar[] {
  const bars = series.map((s) => {
    const point = s.points.find((p) => p.period === period);
    return {
      key: s.key,
      label: s.label,
      color: s.color,
      period,
      value: point?.value ?? null,
      flag: point?.flag ?? null
    };
  });
  const valued = bars.filter((b) => b.value !== null);
  valued.sort((a, b) => (b.value as number) - (a.value as number));
  return [...valued, ...bars.filter((b) => b.value === null)];
}

/** The value axis: from the smallest value or zero to the largest or zero. */
export function barDomain(bars: readonly RankedBar[]): [number, number] {
  const values = bars.flatMap((b) => (b.value === null ? [] : [b.value]));
  if (values.length === 0) return [0, 1];
  const lo = Math.min(0, ...values);
  const hi = Math.max(0, ...values);
  return lo === hi ? [lo, lo + 1] : [lo, hi];
}

/** Bars for Romania are highlighted wherever they rank. */
export const HIGHLIGHTED_KEY = 'RO';
