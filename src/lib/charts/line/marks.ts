import type { ChartPoint } from '../types';
import type { LineSegment } from './segments';

/**
 * Past this many drawn points in one series, the line carries the shape and a circle per
 * point adds only drawing time: on the 100-million-row bench (docs/scaling.md, "Through
 * /explore") 5 series of 500 months took 0.7–2.4 s to draw, 5 of 60 months about 75 ms.
 * 250 keeps every shipped series as it was (the longest, frontex_ibc's, has 196 months).
 */
export const MARKS_PER_SERIES = 250;

/** True when a series (as its segments) has too many points to draw a circle for each. */
export function isLongSeries(
  segments: readonly LineSegment[],
  limit: number = MARKS_PER_SERIES
): boolean {
  let points = 0;
  for (const segment of segments) points += segment.points.length;
  return points > limit;
}

/**
 * The points of a segment drawn as a circle. On a short series, all of them. On a long one,
 * only those a line cannot show: a flagged value (provisional, estimated, a break…) and a
 * point alone between gaps, which has no line at all. The hovered period's points are
 * marked by the chart's cursor; the value slider and the tooltip read every point as before.
 */
export function markedPoints(segment: LineSegment, long: boolean): ChartPoint[] {
  if (!long || segment.points.length === 1) return segment.points;
  return segment.points.filter((point) => (point.flag ?? '') !== '');
}
