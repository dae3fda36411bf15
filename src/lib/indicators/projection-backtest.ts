/**
 * The rolling-origin backtest that picks the projection method: each series is cut at every
 * year that leaves enough values, projected 1 … 4 years ahead, and the projections are
 * scored against the values published since, as mean absolute scaled errors (Hyndman &
 * Koehler 2006) and as the share of published values inside the 80 % and 95 % intervals.
 */
import { PROJECTION_METHODS, type ProjectionMethodId } from './projection-methods';
import { projectSeries, publishedValues, type AnnualValue } from './projection';

/**
 * The scale of scaled errors: the mean absolute change between consecutive years of the
 * training values, i.e. the in-sample error of the naive one-year forecast. Pairs across a
 * gap are left out, as they are not one-year changes. Null when there is no pair, or when
 * every change is zero (no scale to divide by).
 */
export function naiveScale(training: readonly { year: number; value: number }[]): number | null {
  let sum = 0;
  let count = 0;
  for (let i = 1; i < training.length; i++)
    if (training[i].year - training[i - 1].year === 1) {
      sum += Math.abs(training[i].value - training[i - 1].value);
      count++;
    }
  return count > 0 && sum > 0 ? sum / count : null;
}

export interface BacktestSeries {
  id: string;
  values: readonly AnnualValue[];
  fromYear?: number;
}

export interface BacktestOptions {
  methods: readonly ProjectionMethodId[];
  /** Years ahead scored: 1 … maxHorizon. */
  maxHorizon: number;
}

/** One projection scored against the value later published. */
export interface BacktestForecast {
  origin: number;
  horizon: number;
  actual: number;
  forecast: number;
  scaledError: number;
  in80: boolean;
  in95: boolean;
}

export interface MethodScore {
  /** Mean absolute scaled error over every scored forecast; null when none was scored. */
  mase: number | null;
  /** The same by years ahead: index 0 is one year ahead. */
  maseByHorizon: (number | null)[];
  count: number;
  coverage80: number | null;
  coverage95: number | null;
}

export interface SeriesBacktest {
  id: string;
  /** The last training year of every cut scored. */
  origins: number[];
  methods: Partial<Record<ProjectionMethodId, MethodScore>>;
  forecasts: Partial<Record<ProjectionMethodId, BacktestForecast[]>>;
}

const mean = (values: readonly number[]) =>
  values.length === 0 ? null : values.reduce((s, v) => s + v, 0) / values.length;

function score(forecasts: readonly BacktestForecast[], maxHorizon: number): MethodScore {
  const share = (hits: boolean[]) => mean(hits.map((hit) => (hit ? 1 : 0)));
  return {
    mase: mean(forecasts.map((f) => Math.abs(f.scaledError))),
    maseByHorizon: Array.from({ length: maxHorizon }, (_, i) =>
      mean(forecasts.filter((f) => f.horizon === i + 1).map((f) => Math.abs(f.scaledError)))
    ),
    count: forecasts.length,
    coverage80: share(forecasts.map((f) => f.in80)),
    coverage95: share(forecasts.map((f) => f.in95))
  };
}

/**
 * Backtests one series. Every method is cut at the same origins: the years after which the
 * training values number at least the largest minimum of the methods compared, so no method
 * is scored on cuts another was spared. A cut with no published value in the next
 * `maxHorizon` years, or no naive scale, scores nothing.
 */
export function backtestSeries(series: BacktestSeries, options: BacktestOptions): SeriesBacktest {
  const published = publishedValues(series.values, series.fromYear);
  const need = Math.max(...options.methods.map((m) => PROJECTION_METHODS[m].minPoints));
  const origins: number[] = [];
  const forecasts: Partial<Record<ProjectionMethodId, BacktestForecast[]>> = {};
  for (const method of options.methods) forecasts[method] = [];

  for (let cut = need; cut < published.length; cut++) {
    const training = published.slice(0, cut);
    const origin = training[training.length - 1].year;
    const scale = naiveScale(training);
    const later = published.slice(cut).filter((p) => p.year - origin <= options.maxHorizon);
    if (scale === null || later.length === 0) continue;
    origins.push(origin);
    for (const method of options.methods) {
      const projection = projectSeries(training, {
        method,
        toYear: origin + options.maxHorizon
      });
      if (projection.kind !== 'projected')
        throw new Error(`${series.id}: ${method} could not project from ${origin}.`);
      for (const actual of later) {
        const p = projection.values[actual.year - origin - 1];
        (forecasts[method] as BacktestForecast[]).push({
          origin,
          horizon: actual.year - origin,
          actual: actual.value,
          forecast: p.value,
          scaledError: (actual.value - p.value) / scale,
          in80: actual.value >= p.lower80 && actual.value <= p.upper80,
          in95: actual.value >= p.lower95 && actual.value <= p.upper95
        });
      }
    }
  }
  const methods: Partial<Record<ProjectionMethodId, MethodScore>> = {};
  for (const method of options.methods)
    methods[method] = score(forecasts[method] as BacktestForecast[], options.maxHorizon);
  return { id: series.id, origins, methods, forecasts };
}

export interface BacktestSummary {
  series: SeriesBacktest[];
  overall: Partial<
    Record<
      ProjectionMethodId,
      MethodScore & {
        /** The mean of the series' MASEs: each series counts once, however long. */
        meanOfSeries: number | null;
        /** Series in which the method's MASE is the lowest of the methods compared. */
        wins: number;
      }
    >
  >;
}

/** Backtests every series and pools the scores; series with no scored cut are listed but left out. */
export function backtest(
  seriesList: readonly BacktestSeries[],
  options: BacktestOptions
): BacktestSummary {
  const series = seriesList.map((s) => backtestSeries(s, options));
  const scored = series.filter((s) => s.origins.length > 0);
  const overall: BacktestSummary['overall'] = {};
  for (const method of options.methods) {
    const pooled = scored.flatMap((s) => s.forecasts[method] as BacktestForecast[]);
    const wins = scored.filter((s) => {
      const own = s.methods[method]?.mase ?? Infinity;
      return options.methods.every((other) => own <= (s.methods[other]?.mase ?? Infinity));
    }).length;
    overall[method] = {
      ...score(pooled, options.maxHorizon),
      meanOfSeries: mean(scored.map((s) => s.methods[method]?.mase as number)),
      wins
    };
  }
  return { series, overall };
}
