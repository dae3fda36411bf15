/**
 * What the evaluator asks of a statistic indicator beyond its status: which breaks its
 * series has, where it is heading (a projection within its latest consistent segment) and
 * how it moved against a synthetic control made of its comparator countries. One pure
 * function over the values the page has already read, so the dashboard, the indicator page
 * and the report say the same thing.
 */
import {
  breakFlagYears,
  breaksSpanned,
  consistentSegment,
  detectLevelShifts,
  knownBreaksFor,
  seriesBreaks,
  type Segment,
  type SeriesBreak
} from './breaks';
import type { YearValues } from './evaluate';
import type { Framework, StatisticIndicator } from './framework';
import { projectIndicator, type IndicatorProjection } from './projection';
import {
  syntheticControl,
  type PanelObservation,
  type SyntheticControlResult
} from './synthetic-control';
import {
  leaveOneOut,
  placeboInSpace,
  type LeaveOneOutRun,
  type PlaceboInference
} from './synthetic-control-inference';
import type { ObservationRow } from '../model/observation';

export interface SyntheticSpec {
  treated: string;
  donors: readonly string[];
  firstTreatedYear: number;
}

export interface SyntheticAnalysis {
  spec: SyntheticSpec;
  control: SyntheticControlResult;
  /** Null when the control itself could not be made. */
  placebo: PlaceboInference | null;
  leaveOneOut: LeaveOneOutRun[];
  /** Breaks of the treated series inside the fitted window or after the start. */
  spans: SeriesBreak[];
  /**
   * Each unit's mean over the fitted years. Gaps divided by it compare across countries
   * whose levels differ tenfold: a placebo's gap in its own units would dwarf or hide the
   * treated one's.
   */
  preMeans: Map<string, number>;
}

export interface IndicatorOutlook {
  /** Breaks of the indicator's own series: known, flagged `b`, or possible (a level shift). */
  breaks: SeriesBreak[];
  /** The years the projection stands on: after the last break, or the whole series. */
  segment: Segment | null;
  projection: IndicatorProjection;
  /** The first year the projection is fitted from, when it stands on the latest segment only. */
  projectedFrom: number | null;
  synthetic: SyntheticAnalysis;
  /** Breaks each comparison of the page crosses. */
  spans: {
    projection: SeriesBreak[];
    status: SeriesBreak[];
    beforeAfter: SeriesBreak[];
    comparator: SeriesBreak[];
  };
}

/**
 * The first year under the programme, for the synthetic control's default start: the year
 * after the programme's approval (RO21: approved 17 June 2013; its projects ran from 2014),
 * so that a year mostly before any project is not counted as treated.
 */
export function defaultFirstTreatedYear(framework: Pick<Framework, 'programme'>): number {
  return Number(framework.programme.approved.slice(0, 4)) + 1;
}

/** Year values as a list for the projection, earliest first. */
function annual(values: YearValues) {
  return [...values].sort(([a], [b]) => a - b).map(([year, value]) => ({ year, value }));
}

function panelOf(byGeo: ReadonlyMap<string, YearValues>): PanelObservation[] {
  return [...byGeo].flatMap(([unit, values]) =>
    [...values].map(([period, value]) => ({ unit, period, value }))
  );
}

export function syntheticAnalysis(
  byGeo: ReadonlyMap<string, YearValues>,
  spec: SyntheticSpec,
  breaks: readonly SeriesBreak[]
): SyntheticAnalysis {
  const panel = panelOf(byGeo);
  const control = syntheticControl(panel, {
    treated: spec.treated,
    donors: spec.donors,
    firstTreatedPeriod: spec.firstTreatedYear
  });
  if (control.kind === 'error')
    return { spec, control, placebo: null, leaveOneOut: [], spans: [], preMeans: new Map() };
  const preMeans = new Map<string, number>();
  for (const unit of [control.treated, ...control.donors]) {
    const values = byGeo.get(unit);
    const pre = control.prePeriods.flatMap((p) =>
      values?.has(p) ? [values.get(p) as number] : []
    );
    if (pre.length === control.prePeriods.length)
      preMeans.set(unit, pre.reduce((a, b) => a + b, 0) / pre.length);
  }
  const from = control.prePeriods[0];
  const to = control.rows[control.rows.length - 1].period;
  return {
    spec,
    control,
    placebo: placeboInSpace(panel, control),
    leaveOneOut: leaveOneOut(panel, control),
    spans: breaksSpanned({ from, to }, breaks),
    preMeans
  };
}

/**
 * Everything beyond the status that the pages say of one statistic indicator.
 * `rows` are its own country's rows as published (their `b` flags count as breaks);
 * `byGeo` holds its own and its comparator countries' values.
 */
export function indicatorOutlook(input: {
  indicator: StatisticIndicator;
  framework: Pick<Framework, 'breaks' | 'programme' | 'evaluation'>;
  rows: readonly ObservationRow[];
  byGeo: ReadonlyMap<string, YearValues>;
  comparatorGeos: readonly string[];
  presentYear: number;
  synthetic?: Partial<SyntheticSpec>;
  /** The year the comparator is indexed to; the baseline year when left out. */
  comparatorYear?: number;
}): IndicatorOutlook {
  const { indicator, framework, rows, byGeo, presentYear } = input;
  const own = byGeo.get(indicator.binding.geo) ?? new Map<number, number>();
  const known = knownBreaksFor(indicator.binding, framework);
  const flagged = breakFlagYears(rows).get(indicator.binding.geo) ?? [];
  const breaks = seriesBreaks(known, flagged, detectLevelShifts(own, { flagged, known }));

  const segment = consistentSegment(own, breaks);
  const project = (fromYear: number | null) =>
    projectIndicator(annual(own), {
      presentYear,
      target: indicator.target
        ? { year: indicator.target.year, value: indicator.target.value }
        : null,
      direction: indicator.direction,
      fromYear: fromYear ?? undefined
    });
  // Within the latest segment when it has enough years for the method; a segment too short
  // to project from leaves the whole series, and the page then says which break it spans.
  let projectedFrom = segment && segment.startsAt !== null ? segment.from : null;
  let projection = project(projectedFrom);
  if (projectedFrom !== null && projection.projection.kind === 'not-enough-data') {
    projectedFrom = null;
    projection = project(null);
  }

  const first = Math.min(...own.keys());
  const latest = Math.max(...own.keys());
  const baselineYear = indicator.baseline.year;
  const { beforeYears, afterYears } = framework.evaluation;
  const spec: SyntheticSpec = {
    treated: input.synthetic?.treated ?? indicator.binding.geo,
    donors: input.synthetic?.donors ?? input.comparatorGeos,
    firstTreatedYear: input.synthetic?.firstTreatedYear ?? defaultFirstTreatedYear(framework)
  };
  return {
    breaks,
    segment,
    projection,
    projectedFrom,
    // The breaks found are those of the indicator's own series: another treated unit has its own.
    synthetic: syntheticAnalysis(byGeo, spec, spec.treated === indicator.binding.geo ? breaks : []),
    spans: {
      projection: projectedFrom === null ? breaksSpanned({ from: first, to: latest }, breaks) : [],
      status: breaksSpanned({ from: baselineYear, to: latest }, breaks),
      beforeAfter: breaksSpanned(
        { from: beforeYears[0], to: afterYears[afterYears.length - 1] },
        breaks
      ),
      comparator: breaksSpanned({ from: input.comparatorYear ?? baselineYear, to: latest }, breaks)
    }
  };
}

/** A fit's gaps as a percentage of its unit's mean before the start; none where that mean is 0. */
export function relativeGaps(
  rows: readonly { period: number; gap: number | null }[],
  preMean: number | undefined
): { x: number; gap: number }[] {
  if (!preMean) return [];
  return rows.flatMap((r) =>
    r.gap === null ? [] : [{ x: r.period, gap: (r.gap / preMean) * 100 }]
  );
}
