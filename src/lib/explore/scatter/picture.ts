/**
 * What the scatter draws from the joined rows (query/scatter.ts): one point per unit with
 * both values in the period shown, each unit's path over the window, the units found in one
 * measure only, and the correlation of the points.
 */
import type { ScatterRow } from '$lib/query/scatter';
import { correlation, type Correlation } from './correlation';

export interface ScatterPoint {
  unit: string;
  period: string;
  x: number;
  xFlag: string | null;
  y: number;
  yFlag: string | null;
  /** The third measure, where there is one and it has a value. */
  size: number | null;
  sizeFlag: string | null;
}

export interface ScatterTrail {
  unit: string;
  /** The unit's points in period order, the period shown last. */
  points: ScatterPoint[];
}

export interface ScatterPicture {
  period: string;
  points: ScatterPoint[];
  trails: ScatterTrail[];
  /** Units with an x value in the period and no y value; and the other way round. */
  onlyX: string[];
  onlyY: string[];
  correlation: Correlation;
}

const hasBoth = (row: ScatterRow): row is ScatterRow & { x: number; y: number } =>
  row.x !== null && row.y !== null && Number.isFinite(row.x) && Number.isFinite(row.y);

function point(row: ScatterRow & { x: number; y: number }): ScatterPoint {
  return {
    unit: row.unit,
    period: row.period,
    x: row.x,
    xFlag: row.xFlag,
    y: row.y,
    yFlag: row.yFlag,
    size: row.size,
    sizeFlag: row.sizeFlag
  };
}

/** The picture of `period`; with `trails`, each point's path through the earlier rows. */
export function scatterPicture(
  rows: readonly ScatterRow[],
  period: string,
  trails: boolean
): ScatterPicture {
  const inPeriod = rows.filter((row) => row.period === period);
  const points = inPeriod.filter(hasBoth).map(point);
  const shown = new Set(points.map((p) => p.unit));
  const paths = trails
    ? [...shown].map((unit) => ({
        unit,
        points: rows
          .filter((row) => row.unit === unit && row.period <= period)
          .filter(hasBoth)
          .map(point)
      }))
    : [];
  return {
    period,
    points,
    trails: paths.filter((trail) => trail.points.length > 1),
    onlyX: inPeriod.filter((row) => row.x !== null && row.y === null).map((row) => row.unit),
    onlyY: inPeriod.filter((row) => row.y !== null && row.x === null).map((row) => row.unit),
    correlation: correlation(points)
  };
}
