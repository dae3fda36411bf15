import type { ChartSeries } from '../types';

/**
 * One value axis for every panel, so panels compare by height: from zero (or the smallest
 * value, if negative) to the largest. On a log scale only positive values count.
 */
export function sharedDomain(
  series: readonly ChartSeries[],
  scale: 'linear' | 'log'
): [number, number] {
  const values = series.flatMap((s) =>
    s.points.flatMap((p) =>
      p.value === null || (scale === 'log' && p.value <= 0) ? [] : [p.value]
    )
  );
  if (values.length === 0) return scale === 'log' ? [1, 10] : [0, 1];
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  if (scale === 'log') return lo === hi ? [lo / 10, hi * 10] : [lo, hi];
  const floor = Math.min(0, lo);
  return floor === hi ? [floor, floor + 1] : [floor, hi];
}

/** Panels per row: as many as fit at `minWidth` pixels each, at least one, at most `count`. */
export function gridColumns(width: number, count: number, minWidth = 260): number {
  return Math.max(1, Math.min(count, Math.floor(width / minWidth)));
}
