import type { ChartPoint } from '../types';

export interface LineSegment {
  points: ChartPoint[];
  /** True when this segment starts at a break in series (flag `b`). */
  startsAtBreak: boolean;
}

/**
 * Splits a series into the pieces a line may join: never across a missing value, a missing
 * period, or a break in series. A lone point is a segment of one, drawn as a dot.
 */
export function segmentSeries(points: readonly ChartPoint[], step: number): LineSegment[] {
  const segments: LineSegment[] = [];
  let current: LineSegment | null = null;
  let previous: ChartPoint | null = null;
  for (const point of points) {
    if (point.value === null) {
      current = null;
      previous = null;
      continue;
    }
    const isBreak = point.flag?.includes('b') ?? false;
    const adjacent = previous !== null && Math.abs(point.x - previous.x - step) < step / 100;
    if (current === null || !adjacent || isBreak) {
      current = { points: [], startsAtBreak: isBreak && previous !== null && adjacent };
      segments.push(current);
    }
    current.points.push(point);
    previous = point;
  }
  return segments;
}

/** Provisional and estimated values are drawn hollow. */
export function isHollow(flag: string | null): boolean {
  return flag !== null && (flag.includes('p') || flag.includes('e'));
}
