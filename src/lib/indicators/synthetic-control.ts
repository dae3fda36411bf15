/**
 * Synthetic control (Abadie, Diamond and Hainmueller 2010): a counterfactual for one treated
 * unit, made of a weighted average of donor units whose path before the intervention is as
 * close as possible to the treated unit's. The weights are non-negative and sum to one; the gap
 * after the intervention is the estimate. Matching uses the outcome's path only (no
 * covariates). docs/methods.md says what the numbers mean and what they cannot show.
 *
 * Pure functions over a long panel; errors come back as values with a message.
 */
import { simplexLeastSquares } from './simplex-qp';

/** One value of one unit (a country, a region …) in one period (a year, or a period index). */
export interface PanelObservation {
  unit: string;
  period: number;
  value: number | null;
}

/**
 * What is matched before the intervention.
 * - 'index': each unit's series divided by its own pre-period mean (= 100). Removes a constant
 *   factor between units, such as a country recording three times as many thefts for the same
 *   crime because of its definitions or its readiness to report. The default, because
 *   police-recorded crime is not comparable between countries in level.
 * - 'demeaned': each unit's series minus its pre-period mean (Ferman and Pinto 2021), which
 *   removes a constant difference instead of a constant factor.
 * - 'level': the values as published (the original method).
 * Whatever is matched, the synthetic series and the gaps are given in the treated unit's units.
 */
export type Matching = 'index' | 'demeaned' | 'level';

export interface SyntheticControlSpec {
  treated: string;
  /** The donor pool. Empty or left out: every other unit of the panel. */
  donors?: readonly string[];
  /** The first period under the intervention; the fit uses the periods before it. */
  firstTreatedPeriod: number;
  /** The earliest period the fit uses; every earlier period of the treated unit when left out. */
  firstPeriod?: number;
  /** 'index' when left out. */
  matching?: Matching;
}

/** The fewest pre-intervention periods a fit is made from. */
export const MIN_PRE_PERIODS = 2;

export interface Weight {
  unit: string;
  weight: number;
}

export interface PeriodRow {
  period: number;
  treated: number;
  /** Null after the start when a donor with weight has no value in this period. */
  synthetic: number | null;
  /** treated − synthetic. */
  gap: number | null;
}

/** A donor left out of the pool, and why. */
export type LeftOut =
  | { unit: string; reason: 'no-data' }
  | { unit: string; reason: 'gaps'; periods: number[] }
  | { unit: string; reason: 'mean-not-positive' };

/** One synthetic control: a treated unit against the weighted donors. */
export interface Fit {
  kind: 'ok';
  treated: string;
  /** Every donor of the pool, heaviest first (ties by name). */
  weights: Weight[];
  /** False when other weights fit the pre-period equally well: these are one such set. */
  weightsUnique: boolean;
  /** One row per period in which the treated unit has a value, in order. */
  rows: PeriodRow[];
  /** Root mean squared gap over the pre-intervention periods. */
  preRmspe: number;
  /** Root mean squared gap over the periods from the start with a gap; null if none. */
  postRmspe: number | null;
  /**
   * postRmspe / preRmspe. Infinity when the pre-period fit is exact (to rounding) and a gap
   * opens after; null when there is no post gap or both are zero.
   */
  ratio: number | null;
  /** The mean gap over the periods from the start with a gap: the estimated effect. */
  meanPostGap: number | null;
}

export interface SyntheticControl extends Fit {
  firstTreatedPeriod: number;
  matching: Matching;
  /** The periods the weights are fitted on. */
  prePeriods: number[];
  /** The treated unit's periods from the start on. */
  postPeriods: number[];
  /** The pool used: donors with a value in every pre-period. */
  donors: string[];
  leftOut: LeftOut[];
  /** Names the donors left out and why, in a sentence; null when none was. */
  leftOutNote: string | null;
}

export type SyntheticControlErrorReason =
  | 'no-treated-data'
  | 'too-few-pre-periods'
  | 'no-post-periods'
  | 'treated-not-indexable'
  | 'no-donors'
  | 'solver';

export interface SyntheticControlError {
  kind: 'error';
  reason: SyntheticControlErrorReason;
  message: string;
  leftOut: LeftOut[];
}

export type SyntheticControlResult = SyntheticControl | SyntheticControlError;

type Series = Map<number, number>;

/** A fit whose pre-period RMSPE is below this share of the treated values' size is exact. */
const EXACT_FIT = 1e-9;

/** The panel as unit → period → value, without missing values. */
export function seriesByUnit(panel: readonly PanelObservation[]): Map<string, Series> {
  const byUnit = new Map<string, Series>();
  for (const { unit, period, value } of panel) {
    if (value === null || !Number.isFinite(value)) continue;
    let series = byUnit.get(unit);
    if (!series) byUnit.set(unit, (series = new Map()));
    series.set(period, value);
  }
  return byUnit;
}

/**
 * The synthetic control of `spec.treated`. Pre-periods: the periods before the start (from
 * `firstPeriod`, if given) in which the treated unit has a value. Donors: those of the pool,
 * the treated unit aside, with a value in every pre-period (and, matching an index, a positive
 * pre-period mean); the others are listed in `leftOut`.
 */
export function syntheticControl(
  panel: readonly PanelObservation[],
  spec: SyntheticControlSpec
): SyntheticControlResult {
  const byUnit = seriesByUnit(panel);
  const { treated, firstTreatedPeriod: start } = spec;
  const matching = spec.matching ?? 'index';
  const own = byUnit.get(treated) ?? new Map<number, number>();
  const periods = [...own.keys()]
    .filter((p) => spec.firstPeriod === undefined || p >= spec.firstPeriod)
    .sort((a, b) => a - b);
  const prePeriods = periods.filter((p) => p < start);
  const postPeriods = periods.filter((p) => p >= start);
  const pool = (
    spec.donors && spec.donors.length > 0 ? [...new Set(spec.donors)] : [...byUnit.keys()].sort()
  ).filter((unit) => unit !== treated);

  const fail = (reason: SyntheticControlErrorReason, message: string, leftOut: LeftOut[] = []) =>
    ({ kind: 'error', reason, message, leftOut }) satisfies SyntheticControlError;

  if (prePeriods.length === 0)
    return fail('no-treated-data', `${treated} has no value before ${start}.`);
  if (prePeriods.length < MIN_PRE_PERIODS)
    return fail(
      'too-few-pre-periods',
      `${treated} has a value in only ${prePeriods.length} period before ${start} ` +
        `(${prePeriods.join(', ')}); a synthetic control needs at least ${MIN_PRE_PERIODS} to fit its weights.`
    );
  if (postPeriods.length === 0)
    return fail(
      'no-post-periods',
      `${treated} has no value from ${start} on: there is nothing after the start to compare.`
    );
  if (matching === 'index' && preMean(own, prePeriods) <= 0)
    return fail(
      'treated-not-indexable',
      `${treated}'s values before ${start} average ${preMean(own, prePeriods)}, so they cannot ` +
        `be indexed to their mean; match levels or deviations from the mean instead.`
    );

  const leftOut: LeftOut[] = [];
  const donors: string[] = [];
  for (const unit of pool) {
    const series = byUnit.get(unit);
    const missing = prePeriods.filter((p) => !series?.has(p));
    if (!series) leftOut.push({ unit, reason: 'no-data' });
    else if (missing.length > 0) leftOut.push({ unit, reason: 'gaps', periods: missing });
    else if (matching === 'index' && preMean(series, prePeriods) <= 0)
      leftOut.push({ unit, reason: 'mean-not-positive' });
    else donors.push(unit);
  }
  if (donors.length === 0)
    return fail(
      'no-donors',
      `No donor has a value in every period from ${prePeriods[0]} to ${prePeriods.at(-1)}` +
        (matching === 'index' ? ' and a positive mean over them' : '') +
        `. ${leftOutNote(leftOut, start) ?? 'The donor pool is empty.'}`,
      leftOut
    );

  const fit = fitUnit(byUnit, treated, donors, prePeriods, postPeriods, matching);
  if (fit.kind === 'error') return { ...fit, leftOut };
  return {
    ...fit,
    firstTreatedPeriod: start,
    matching,
    prePeriods,
    postPeriods,
    donors,
    leftOut,
    leftOutNote: leftOutNote(leftOut, start)
  };
}

/** A sentence naming the donors left out, grouped by reason; null when none was. */
function leftOutNote(leftOut: readonly LeftOut[], start: number): string | null {
  if (leftOut.length === 0) return null;
  const parts: string[] = [];
  const gaps = leftOut.flatMap((l) => (l.reason === 'gaps' ? [l] : []));
  if (gaps.length > 0)
    parts.push(
      `for gaps before ${start}: ` +
        gaps.map((l) => `${l.unit} (no value in ${l.periods.join(', ')})`).join(', ')
    );
  const noData = leftOut.filter((l) => l.reason === 'no-data').map((l) => l.unit);
  if (noData.length > 0) parts.push(`for having no data: ${noData.join(', ')}`);
  const zero = leftOut.filter((l) => l.reason === 'mean-not-positive').map((l) => l.unit);
  if (zero.length > 0)
    parts.push(
      `for a pre-period mean of zero or less, which cannot be indexed: ${zero.join(', ')}`
    );
  return `Left out of the donor pool ${parts.join('; ')}.`;
}

function preMean(series: Series, prePeriods: readonly number[]): number {
  return prePeriods.reduce((s, p) => s + (series.get(p) as number), 0) / prePeriods.length;
}

/**
 * Fits `treated` on `donors`, all of which have a value in every pre-period. Shared by the
 * main estimate, the placebos and the leave-one-out runs, so all are made the same way.
 */
export function fitUnit(
  byUnit: ReadonlyMap<string, Series>,
  treated: string,
  donors: readonly string[],
  prePeriods: readonly number[],
  postPeriods: readonly number[],
  matching: Matching
): Fit | SyntheticControlError {
  const own = byUnit.get(treated) as Series;
  const transform = (series: Series) => {
    const mean = preMean(series, prePeriods);
    return (value: number) =>
      matching === 'index' ? (value / mean) * 100 : matching === 'demeaned' ? value - mean : value;
  };
  const toOwn = transform(own);
  const donorSeries = donors.map((unit) => byUnit.get(unit) as Series);
  const donorTransforms = donorSeries.map(transform);
  const solved = simplexLeastSquares(
    donorSeries.map((series, j) =>
      prePeriods.map((p) => donorTransforms[j](series.get(p) as number))
    ),
    prePeriods.map((p) => toOwn(own.get(p) as number))
  );
  if (solved.kind === 'error')
    return {
      kind: 'error',
      reason: 'solver',
      message: `The weights for ${treated} could not be computed to optimality (${solved.reason}).`,
      leftOut: []
    };

  const ownMean = preMean(own, prePeriods);
  const fromMatched = (value: number) =>
    matching === 'index'
      ? (value / 100) * ownMean
      : matching === 'demeaned'
        ? value + ownMean
        : value;
  const rows = [...prePeriods, ...postPeriods.filter((p) => own.has(p))].map((period) => {
    let matched: number | null = 0;
    donorSeries.forEach((series, j) => {
      const weight = solved.weights[j];
      if (weight === 0 || matched === null) return;
      const value = series.get(period);
      matched = value === undefined ? null : matched + weight * donorTransforms[j](value);
    });
    const value = own.get(period) as number;
    const synthetic = matched === null ? null : fromMatched(matched);
    return {
      period,
      treated: value,
      synthetic,
      gap: synthetic === null ? null : value - synthetic
    };
  });

  const preGaps = rows.slice(0, prePeriods.length).map((r) => r.gap as number);
  const postGaps = rows.slice(prePeriods.length).flatMap((r) => (r.gap === null ? [] : [r.gap]));
  const preRmspe = rootMeanSquare(preGaps);
  const postRmspe = postGaps.length > 0 ? rootMeanSquare(postGaps) : null;
  const size = rootMeanSquare(prePeriods.map((p) => own.get(p) as number));
  const exact = preRmspe <= EXACT_FIT * size;
  const ratio =
    postRmspe === null || (exact && postRmspe <= EXACT_FIT * size)
      ? null
      : exact
        ? Infinity
        : postRmspe / preRmspe;
  return {
    kind: 'ok',
    treated,
    weights: donors
      .map((unit, j) => ({ unit, weight: solved.weights[j] }))
      .sort((a, b) => b.weight - a.weight || a.unit.localeCompare(b.unit)),
    weightsUnique: solved.unique,
    rows,
    preRmspe,
    postRmspe,
    ratio,
    meanPostGap: postGaps.length > 0 ? postGaps.reduce((s, g) => s + g, 0) / postGaps.length : null
  };
}

function rootMeanSquare(values: readonly number[]): number {
  return Math.sqrt(values.reduce((s, v) => s + v * v, 0) / values.length);
}
