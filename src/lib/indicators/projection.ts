/**
 * Projections of an annual series past its last published year, with 80 % and 95 %
 * prediction intervals, and the chance that a target is met. Pure functions over
 * `{ year, value }` lists, so the indicator pages, the explorer and the exports can share
 * them. The methods are in projection-methods.ts; the choice among them, and why, in
 * docs/methods.md.
 */
import { studentTCdf, studentTQuantile } from './projection-distributions';
import {
  PROJECTION_METHODS,
  type Predictive,
  type ProjectionMethodId,
  type ScaledPoint
} from './projection-methods';

export type { Predictive, ProjectionMethodId } from './projection-methods';

/** One year of an annual series; null where nothing is published. */
export interface AnnualValue {
  year: number;
  value: number | null;
}

/**
 * The method projections use unless told otherwise: the one with the lowest mean scaled
 * error in the rolling-origin backtest of the shipped series (scripts/backtest-projections.ts,
 * figures in docs/methods.md).
 */
export const DEFAULT_PROJECTION_METHOD: ProjectionMethodId = 'naive';

export interface ProjectionOptions {
  method?: ProjectionMethodId;
  /** Fit only from this year on: the first year of a consistent segment after a break. */
  fromYear?: number;
  /** Project up to and including this year. */
  toYear: number;
}

export interface ProjectedValue {
  year: number;
  /** The middle of the fan: the median of the predictive distribution. */
  value: number;
  lower80: number;
  upper80: number;
  lower95: number;
  upper95: number;
  projected: true;
}

/**
 * How values are modelled. 'log' when every value is above zero: growth is proportional and
 * the fan never crosses zero. Otherwise 'linear', and when no value is below zero the fan is
 * cut at zero (`floorAtZero`), which is the distribution of a count that cannot go negative.
 */
export interface ProjectionScale {
  kind: 'log' | 'linear';
  floorAtZero: boolean;
}

export type Projection =
  | {
      kind: 'projected';
      method: ProjectionMethodId;
      scale: ProjectionScale;
      /** The published values the method was fitted to. */
      fitted: { from: number; to: number; count: number };
      values: ProjectedValue[];
      /** Per projected year, in the order of `values`, on the modelling scale. */
      predictive: Predictive[];
    }
  | { kind: 'not-enough-data'; method: ProjectionMethodId; have: number; need: number };

/**
 * The published values a projection is fitted to: years from `fromYear` on with a finite
 * value, in year order. A year with null, or missing from the list, is a gap; no value is
 * filled in for it (each method's handling of gaps is in projection-methods.ts).
 */
export function publishedValues(
  series: readonly AnnualValue[],
  fromYear?: number
): { year: number; value: number }[] {
  const byYear = new Map<number, number>();
  for (const { year, value } of series)
    if (value !== null && Number.isFinite(value) && (fromYear === undefined || year >= fromYear))
      byYear.set(year, value);
  return [...byYear].sort(([a], [b]) => a - b).map(([year, value]) => ({ year, value }));
}

export function projectionScale(values: readonly number[]): ProjectionScale {
  if (values.every((v) => v > 0)) return { kind: 'log', floorAtZero: false };
  return { kind: 'linear', floorAtZero: values.every((v) => v >= 0) };
}

function toModel(scale: ProjectionScale, value: number): number {
  return scale.kind === 'log' ? Math.log(value) : value;
}

function fromModel(scale: ProjectionScale, z: number): number {
  if (scale.kind === 'log') return Math.exp(z);
  return scale.floorAtZero ? Math.max(0, z) : z;
}

function quantile(p: Predictive, probability: number): number {
  return p.center + p.sd * studentTQuantile(probability, p.df);
}

/**
 * Projects the series from the year after its last published value to `toYear`. Returns
 * 'not-enough-data' (with how many values there are and how many the method needs) rather
 * than throwing; an empty `values` list when `toYear` is not after the last published year.
 */
export function projectSeries(
  series: readonly AnnualValue[],
  { method = DEFAULT_PROJECTION_METHOD, fromYear, toYear }: ProjectionOptions
): Projection {
  const spec = PROJECTION_METHODS[method];
  const published = publishedValues(series, fromYear);
  if (published.length < spec.minPoints)
    return { kind: 'not-enough-data', method, have: published.length, need: spec.minPoints };
  const scale = projectionScale(published.map((p) => p.value));
  const points: ScaledPoint[] = published.map((p) => ({
    year: p.year,
    z: toModel(scale, p.value)
  }));
  const last = published[published.length - 1].year;
  const predictive = spec.forecast(points, Math.max(0, toYear - last));
  const value = (z: number) => fromModel(scale, z);
  return {
    kind: 'projected',
    method,
    scale,
    fitted: { from: published[0].year, to: last, count: published.length },
    predictive,
    values: predictive.map((p, i) => ({
      year: last + i + 1,
      value: value(p.center),
      lower80: value(quantile(p, 0.1)),
      upper80: value(quantile(p, 0.9)),
      lower95: value(quantile(p, 0.025)),
      upper95: value(quantile(p, 0.975)),
      projected: true
    }))
  };
}

/** The direction the programme wants an indicator to move in (as in framework.ts). */
export type DesiredDirection = 'up' | 'down';

/**
 * The probability, under the projection, that the value in `year` is on the desired side of
 * `target` (at or below it for 'down', at or above it for 'up'). Null when the projection
 * does not reach that year.
 */
export function targetProbability(
  projection: Extract<Projection, { kind: 'projected' }>,
  target: { year: number; value: number },
  direction: DesiredDirection
): number | null {
  const index = projection.values.findIndex((v) => v.year === target.year);
  if (index < 0) return null;
  const p = projection.predictive[index];
  const { scale } = projection;
  // No value can fall below zero on the log scale or on a scale cut at zero, and none can
  // reach zero on the log scale: such targets are certain either way.
  const unreachable =
    target.value < 0
      ? scale.kind === 'log' || scale.floorAtZero
      : target.value === 0 && scale.kind === 'log';
  let below: number;
  if (unreachable) below = 0;
  else {
    const z = toModel(scale, target.value);
    below = p.sd > 0 ? studentTCdf((z - p.center) / p.sd, p.df) : z >= p.center ? 1 : 0;
  }
  return direction === 'down' ? below : 1 - below;
}

export type TargetVerdict = 'likely' | 'about-as-likely-as-not' | 'unlikely';

/**
 * The words for a probability, on the scale the IPCC uses for calibrated likelihood
 * (Mastrandrea et al. 2010): likely from 2/3, unlikely up to 1/3, and in between about as
 * likely as not. Finer words would claim more than intervals fitted to a dozen points hold.
 */
export const LIKELY_FROM = 2 / 3;
export const UNLIKELY_UP_TO = 1 / 3;

export function targetVerdict(probability: number): TargetVerdict {
  if (probability >= LIKELY_FROM) return 'likely';
  if (probability <= UNLIKELY_UP_TO) return 'unlikely';
  return 'about-as-likely-as-not';
}

export type TargetOutlook =
  | { kind: 'projected'; year: number; probability: number; verdict: TargetVerdict }
  /** The target year is published (or lies before the last published year): the status judges it. */
  | { kind: 'target-year-published'; year: number }
  | { kind: 'not-enough-data'; have: number; need: number };

export interface IndicatorProjection {
  projection: Projection;
  /** Null when no target is set. */
  outlook: TargetOutlook | null;
}

/**
 * What an indicator page shows: the projection to the present year, or on to the target
 * year when that is later, and the chance of meeting the target. `presentYear` is passed in
 * rather than read from the clock so results are reproducible.
 */
export function projectIndicator(
  series: readonly AnnualValue[],
  options: {
    presentYear: number;
    target: { year: number; value: number } | null;
    direction: DesiredDirection;
    method?: ProjectionMethodId;
    fromYear?: number;
  }
): IndicatorProjection {
  const { presentYear, target, direction, method, fromYear } = options;
  const toYear = Math.max(presentYear, target?.year ?? presentYear);
  const projection = projectSeries(series, { method, fromYear, toYear });
  if (target === null) return { projection, outlook: null };
  if (projection.kind === 'not-enough-data')
    return {
      projection,
      outlook: { kind: 'not-enough-data', have: projection.have, need: projection.need }
    };
  const probability = targetProbability(projection, target, direction);
  if (probability === null)
    return { projection, outlook: { kind: 'target-year-published', year: target.year } };
  return {
    projection,
    outlook: {
      kind: 'projected',
      year: target.year,
      probability,
      verdict: targetVerdict(probability)
    }
  };
}
