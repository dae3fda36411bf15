/**
 * The evaluation arithmetic: status against a target, before/after means, and change
 * against a comparator group. Pure functions over annual values; the rules are written out
 * here and, in the same words, on the pages that show their results.
 */
import { isPeriod } from '$lib/model/period';
import type { ObservationRow } from '$lib/model/observation';
import type {
  Baseline,
  Direction,
  ReportedIndicator,
  StatisticIndicator,
  Target
} from './framework';

/** Annual values of one series: year → value. Years without a published value are absent. */
export type YearValues = Map<number, number>;

/** Groups series rows (series = geo code, annual periods) into year values per geo. */
export function valuesByGeo(rows: readonly ObservationRow[]): Map<string, YearValues> {
  const byGeo = new Map<string, YearValues>();
  for (const row of rows) {
    if (row.value === null || !isPeriod(row.period, 'annual')) continue;
    let values = byGeo.get(row.series);
    if (!values) byGeo.set(row.series, (values = new Map()));
    values.set(Number(row.period), row.value);
  }
  return byGeo;
}

export type StatusKind = 'on-track' | 'off-track' | 'insufficient';

/** Why a status is what it is, so the page can say it in the reader's language. */
export type StatusReason =
  | 'no-baseline'
  | 'no-later-value'
  | 'no-target'
  | 'no-achieved'
  | 'beyond-path'
  | 'behind-path'
  | 'reached'
  | 'not-reached';

export interface Status {
  kind: StatusKind;
  reason: StatusReason;
  baseline: { year: number; value: number } | null;
  latest: { year: number; value: number } | null;
  /** Where the straight path from baseline to target stands in the latest year. */
  expected: number | null;
}

/** The baseline's value: as entered, or the series' value in the baseline year. */
export function baselineValue(baseline: Baseline, values: YearValues): number | null {
  if (baseline.value !== 'from data') return baseline.value;
  return values.get(baseline.year) ?? null;
}

/**
 * The status of an indicator measured by a statistic.
 *
 * Rule: take the baseline value and the latest published value after the baseline year.
 * If either is missing, the status is "insufficient data". Otherwise draw a straight path
 * from the baseline (baseline year) to the target (target year); after the target year the
 * path stays at the target. The indicator is "on track" when its latest value is on the
 * path or beyond it in the desired direction, and "off track" otherwise. Without a target
 * the path is flat at the baseline: any move in the desired direction (or none) is on track.
 */
export function statisticStatus(
  direction: Direction,
  baseline: Baseline,
  target: Target | null,
  values: YearValues
): Status {
  const base = baselineValue(baseline, values);
  const baselinePoint = base === null ? null : { year: baseline.year, value: base };
  const laterYears = [...values.keys()].filter((y) => y > baseline.year).sort((a, b) => b - a);
  const latest =
    laterYears.length > 0
      ? { year: laterYears[0], value: values.get(laterYears[0]) as number }
      : null;
  if (baselinePoint === null)
    return { kind: 'insufficient', reason: 'no-baseline', baseline: null, latest, expected: null };
  if (latest === null)
    return {
      kind: 'insufficient',
      reason: 'no-later-value',
      baseline: baselinePoint,
      latest,
      expected: null
    };
  const expected = target ? pathValue(baselinePoint, target, latest.year) : baselinePoint.value;
  const onTrack = direction === 'down' ? latest.value <= expected : latest.value >= expected;
  return {
    kind: onTrack ? 'on-track' : 'off-track',
    reason: onTrack ? 'beyond-path' : 'behind-path',
    baseline: baselinePoint,
    latest,
    expected
  };
}

/** The straight path from baseline to target, read in `year` (flat after the target year). */
export function pathValue(
  baseline: { year: number; value: number },
  target: { year: number; value: number },
  year: number
): number {
  if (target.year <= baseline.year || year >= target.year) return target.value;
  const share = Math.max(0, (year - baseline.year) / (target.year - baseline.year));
  return baseline.value + (target.value - baseline.value) * share;
}

/**
 * The status of an output the programme reports. Rule: "insufficient data" unless both a
 * target and an achieved value are known; then "on track" when the achieved value reaches
 * the target in the desired direction (at least the target for "up", at most for "down").
 */
export function reportedStatus(indicator: ReportedIndicator): Status {
  const { target, achieved } = indicator;
  const latest = achieved ? { year: achieved.year, value: achieved.value } : null;
  if (!target)
    return { kind: 'insufficient', reason: 'no-target', baseline: null, latest, expected: null };
  if (!achieved)
    return {
      kind: 'insufficient',
      reason: 'no-achieved',
      baseline: null,
      latest,
      expected: target.value
    };
  const reached =
    indicator.direction === 'down'
      ? achieved.value <= target.value
      : achieved.value >= target.value;
  return {
    kind: reached ? 'on-track' : 'off-track',
    reason: reached ? 'reached' : 'not-reached',
    baseline: null,
    latest,
    expected: target.value
  };
}

export type BeforeAfter =
  | { kind: 'insufficient'; missing: number[] }
  | { kind: 'ok'; before: number; after: number; change: number; percent: number | null };

function mean(values: number[]): number {
  return values.reduce((sum, v) => sum + v, 0) / values.length;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * The mean of the years before the programme against the mean of the years after it.
 * Any year without a value makes the comparison "insufficient data": a mean over fewer
 * years would not be the same comparison. `percent` is null when the before mean is zero.
 */
export function beforeAfter(
  values: YearValues,
  beforeYears: readonly number[],
  afterYears: readonly number[]
): BeforeAfter {
  const missing = [...beforeYears, ...afterYears].filter((y) => !values.has(y));
  if (missing.length > 0) return { kind: 'insufficient', missing };
  const before = mean(beforeYears.map((y) => values.get(y) as number));
  const after = mean(afterYears.map((y) => values.get(y) as number));
  return {
    kind: 'ok',
    before,
    after,
    change: after - before,
    percent: before === 0 ? null : (after / before - 1) * 100
  };
}

/** The smallest comparator group worth a median; fewer countries say more about themselves. */
export const MIN_COMPARATOR_COUNTRIES = 3;

export type ComparatorChange =
  | { kind: 'insufficient'; reason: 'no-base-value' | 'no-later-value' | 'too-few-countries' }
  | {
      kind: 'ok';
      baseYear: number;
      year: number;
      /** The indicator's own series, indexed to baseYear = 100, in `year`. */
      index: number;
      /** The median of the comparator countries' indices in `year`. */
      comparatorIndex: number;
      /** index − comparatorIndex, in index points: the difference in differences. */
      difference: number;
      /** The comparator countries used (those with a value in both years). */
      countries: string[];
      /** Indexed series for a chart: own and comparator median, by year. */
      ownSeries: Map<number, number>;
      comparatorSeries: Map<number, number>;
    };

/**
 * Change against a comparator group, as a difference in differences of indexed series.
 *
 * Definition: index every series to its value in the base year (= 100). The comparison
 * year is the latest year after the base year in which the indicator's own series has a
 * value. The comparator countries are those of the group (the indicator's own country
 * left out) with a value above zero in both years; at least MIN_COMPARATOR_COUNTRIES are
 * needed. The comparator index is the median of their indices, so each country counts once
 * whatever its size, and one country whose series jumps (a change of recording: Latvia's
 * foreign suspects per 100 000 went from 0.59 in 2012 to 39 in 2014) cannot make the typical
 * change: a mean of indices would let it. The result is own index − comparator index: the
 * change in the indicator's own country minus the typical change elsewhere, in index points
 * ((own − 100) − (comparator − 100)).
 */
export function comparatorChange(
  own: YearValues,
  comparators: ReadonlyMap<string, YearValues>,
  baseYear: number
): ComparatorChange {
  const base = own.get(baseYear);
  if (base === undefined || base === 0) return { kind: 'insufficient', reason: 'no-base-value' };
  const year = Math.max(-Infinity, ...[...own.keys()].filter((y) => y > baseYear));
  if (!Number.isFinite(year)) return { kind: 'insufficient', reason: 'no-later-value' };
  const countries = [...comparators.entries()]
    .filter(([, values]) => (values.get(baseYear) ?? 0) > 0 && values.has(year))
    .map(([geo]) => geo)
    .sort();
  if (countries.length < MIN_COMPARATOR_COUNTRIES)
    return { kind: 'insufficient', reason: 'too-few-countries' };

  const ownSeries = new Map<number, number>();
  for (const [y, v] of own) if (y >= baseYear) ownSeries.set(y, (v / base) * 100);
  const comparatorSeries = new Map<number, number>();
  const years = new Set(
    countries.flatMap((geo) => [...(comparators.get(geo) as YearValues).keys()])
  );
  for (const y of [...years].filter((y) => y >= baseYear).sort((a, b) => a - b)) {
    const indices = countries.flatMap((geo) => {
      const values = comparators.get(geo) as YearValues;
      const v = values.get(y);
      return v === undefined ? [] : [(v / (values.get(baseYear) as number)) * 100];
    });
    if (indices.length >= MIN_COMPARATOR_COUNTRIES) comparatorSeries.set(y, median(indices));
  }
  const index = ownSeries.get(year) as number;
  const comparatorIndex = comparatorSeries.get(year) as number;
  return {
    kind: 'ok',
    baseYear,
    year,
    index,
    comparatorIndex,
    difference: index - comparatorIndex,
    countries,
    ownSeries,
    comparatorSeries
  };
}

/**
 * Whether the difference in differences favours the indicator's country, given the desired
 * direction: a smaller rise (or bigger fall) than elsewhere is better when "down" is wanted.
 */
export function comparatorFavours(direction: Direction, difference: number): boolean | null {
  if (difference === 0) return null;
  return direction === 'down' ? difference < 0 : difference > 0;
}

export interface StatisticAssessment {
  own: YearValues;
  status: Status;
  beforeAfter: BeforeAfter;
  comparator: ComparatorChange;
}

/**
 * Everything the pages say about a statistic indicator, from the values of its own
 * country and of its comparator countries (keyed by geo). The comparator's base year is
 * the baseline year.
 */
export function assessStatistic(
  indicator: StatisticIndicator,
  byGeo: ReadonlyMap<string, YearValues>,
  comparatorCountries: readonly string[],
  evaluation: { beforeYears: readonly number[]; afterYears: readonly number[] }
): StatisticAssessment {
  const own = byGeo.get(indicator.binding.geo) ?? new Map<number, number>();
  const comparators = new Map<string, YearValues>();
  for (const geo of comparatorCountries) {
    const values = byGeo.get(geo);
    if (values) comparators.set(geo, values);
  }
  return {
    own,
    status: statisticStatus(indicator.direction, indicator.baseline, indicator.target, own),
    beforeAfter: beforeAfter(own, evaluation.beforeYears, evaluation.afterYears),
    comparator: comparatorChange(own, comparators, indicator.baseline.year)
  };
}
