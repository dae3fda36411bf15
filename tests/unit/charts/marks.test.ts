import { describe, expect, it } from 'vitest';
import { MARKS_PER_SERIES, isLongSeries, markedPoints } from '../../../src/lib/charts/line/marks';
import { segmentSeries } from '../../../src/lib/charts/line/segments';
import type { ChartPoint } from '../../../src/lib/charts/types';
import manifest from '../../../datasets/manifest.json';

/** A monthly series of `months` points from 2000-01 on; `at` overrides some months' fields. */
function monthly(months: number, at: Record<number, Partial<ChartPoint>> = {}): ChartPoint[] {
  return Array.from({ length: months }, (_, i) => ({
    period: `${2000 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`,
    x: 2000 + i / 12,
    value: i,
    flag: null,
    ...at[i]
  }));
}
const STEP = 1 / 12;
const circles = (points: ChartPoint[]) => {
  const segments = segmentSeries(points, STEP);
  const long = isLongSeries(segments);
  return segments.flatMap((s) => markedPoints(s, long)).map((p) => p.period);
};

describe('marks on a line', () => {
  it('draw a circle for every point of a series up to the limit', () => {
    const points = monthly(MARKS_PER_SERIES, { 3: { value: null } });
    expect(circles(points)).toEqual(points.filter((p) => p.value !== null).map((p) => p.period));
  });

  it('draw no circle on a long series without flags or lone points', () => {
    expect(circles(monthly(MARKS_PER_SERIES + 1))).toEqual([]);
  });

  it('keep the flagged values and the points alone between gaps of a long series', () => {
    const points = monthly(500, {
      10: { flag: 'p' },
      20: { flag: 'e' },
      30: { flag: 'b' },
      41: { value: null, flag: ':' },
      42: { value: 7 },
      43: { value: null, flag: ':' },
      499: { flag: 'u' }
    });
    expect(circles(points)).toEqual([
      points[10].period,
      points[20].period,
      points[30].period,
      points[42].period,
      points[499].period
    ]);
  });

  it('count only the drawn points: missing values do not make a series long', () => {
    const points = monthly(MARKS_PER_SERIES + 50, {});
    for (let i = 0; i < 60; i++) points[i] = { ...points[i], value: null, flag: ':' };
    expect(circles(points)).toHaveLength(MARKS_PER_SERIES - 10);
  });

  it('leave every shipped dataset’s series below the limit, so their charts keep all marks', () => {
    const longest = Math.max(...manifest.datasets.map((d) => d.time.periods.length));
    expect(longest).toBeGreaterThan(100);
    expect(longest).toBeLessThanOrEqual(MARKS_PER_SERIES);
  });
});
