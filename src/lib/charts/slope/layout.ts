import type { ChartPoint, ChartSeries } from '../types';

/** One slope: a series' values at the two compared periods. */
export interface SlopeRow {
  key: string;
  label: string;
  color: string;
  from: ChartPoint | null;
  to: ChartPoint | null;
  /** % change from `from` to `to`; null when either is missing or `from` is not positive. */
  percentChange: number | null;
}

/** Values of every series at `from` and `to` (null where the series has none). */
export function slopeRows(series: readonly ChartSeries[], from: string, to: string): SlopeRow[] {
  return series.map((s) => {
    const at = (period: string) =>
      s.points.find((p) => p.period === period && p.value !== null) ?? null;
    const a = at(from);
    const z = at(to);
    const percentChange =
      a && z && (a.value as number) > 0
        ? ((z.value as number) / (a.value as number) - 1) * 100
        : null;
    return { key: s.key, label: s.label, color: s.color, from: a, to: z, percentChange };
  });
}

/** The shared value axis of both ends: zero to the largest value (or the smallest, if negative). */
export function slopeDomain(rows: readonly SlopeRow[]): [number, number] {
  const values = rows.flatMap((r) =>
    [r.from, r.to].flatMap((p) => (p && p.value !== null ? [p.value] : []))
  );
  if (values.length === 0) return [0, 1];
  const lo = Math.min(0, ...values);
  const hi = Math.max(0, ...values);
  return lo === hi ? [lo, lo + 1] : [lo, hi];
}

/**
 * Whether a break in series (flag `b`) falls after `from` and up to `to`: the two values
 * are then not fully comparable. A `b` on `from` itself starts the compared stretch.
 */
export function breakBetween(points: readonly ChartPoint[], from: string, to: string): boolean {
  return points.some((p) => p.period > from && p.period <= to && (p.flag?.includes('b') ?? false));
}
