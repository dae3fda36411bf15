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

/** Below this width the names of both ends (190 px a side) leave no room for the slopes. */
export const WIDE_MIN = 460;
/** A narrow slope's margins: the left end's value, the right end's name and value. */
export const NARROW_LEFT = 72;
export const NARROW_RIGHT = 160;
/** Characters of a narrow right label (its name and value), about 7 px each at 0.8 rem. */
export const NARROW_CHARS = 20;

/** `text` cut to `length` characters with an ellipsis, at least its first character kept. */
export function shortened(text: string, length: number): string {
  const keep = Math.max(1, length);
  return text.length <= keep ? text : `${text.slice(0, Math.max(1, keep - 1))}…`;
}
