import { breaks as shippedBreaks } from '$datasets/programme/ro21.json';
import type { ChartSeries } from '$lib/charts/types';
import {
  consistentSegment,
  detectLevelShifts,
  knownBreaksFor,
  seriesBreaks,
  type SeriesBreak
} from '$lib/indicators/breaks';
import type { KnownBreak } from '$lib/indicators/framework';
import { projectSeries, type Projection } from '$lib/indicators/projection';
import { splitSeriesKey } from '$lib/query/series';
import type { Transform } from '$lib/state/view-state';

/**
 * The known breaks in recording or law written in the programme's results framework
 * (datasets/programme/ro21.json, each with its source); the unit tests check that file.
 */
export const KNOWN_BREAKS = shippedBreaks as unknown as KnownBreak[];

/**
 * Transforms whose values keep the series' year-to-year ratios (or nearly: a rate divides
 * by a population that moves slowly), so a level shift in them is one in the published
 * series. A change or a moving average has other shapes; only known breaks are marked there.
 */
const SHIFT_SCANNED: ReadonlySet<Transform> = new Set(['none', 'rate', 'index']);

/** What the explorer says of one annual series beyond its values: its breaks and projection. */
export interface SeriesOutlook {
  key: string;
  label: string;
  breaks: SeriesBreak[];
  /** Null unless a projection was asked for. */
  projection: Projection | null;
  /** The first year the projection stands on, when that is after a break; else null. */
  projectedFrom: number | null;
  last: { year: number; value: number } | null;
}

export interface OutlookInput {
  series: readonly ChartSeries[];
  dataset: string;
  /**
   * Each dimension's first code as queried; the series dimension's code (and the panel
   * dimension's, when a second one varies) is in each series' key.
   */
  filters: Record<string, readonly string[]>;
  seriesBy: string;
  panelBy?: string | null;
  transform: Transform;
  project: boolean;
  /** The year projections reach; this year by default. */
  presentYear?: number;
  /** The framework's breaks; the shipped ones by default. */
  known?: readonly KnownBreak[];
}

/**
 * Each annual series' breaks (known from the framework, flagged `b`, or a possible break the
 * level-shift scan finds) and, when asked, its projection to the present year, fitted from
 * the latest consistent segment when it is long enough for the method, as the programme's
 * indicators are.
 */
export function seriesOutlooks(input: OutlookInput): SeriesOutlook[] {
  const { series, filters, seriesBy } = input;
  const known = input.known ?? KNOWN_BREAKS;
  return series.map((s) => {
    const { code, panel } = splitSeriesKey(s.key);
    const first = (id: string) =>
      id === seriesBy ? code : id === input.panelBy ? (panel ?? '') : (filters[id]?.[0] ?? '');
    const binding = {
      dataset: input.dataset,
      geo: first('geo'),
      filters: Object.fromEntries(
        Object.keys(filters)
          .filter((id) => id !== 'geo')
          .map((id) => [id, first(id)])
      )
    };
    const values = new Map<number, number>();
    for (const p of s.points) if (p.value !== null) values.set(p.x, p.value);
    const flagged = s.points.filter((p) => p.flag?.includes('b')).map((p) => p.x);
    const knownHere = knownBreaksFor(binding, { breaks: [...known] });
    const scan = SHIFT_SCANNED.has(input.transform)
      ? detectLevelShifts(values, { flagged, known: knownHere })
      : ({ kind: 'too-short', changes: 0 } as const);
    const breaks = seriesBreaks(knownHere, flagged, scan);
    const years = [...values.keys()].sort((a, b) => a - b);
    const lastYear = years.at(-1);
    const last = lastYear === undefined ? null : { year: lastYear, value: values.get(lastYear)! };
    if (!input.project || last === null)
      return { key: s.key, label: s.label, breaks, projection: null, projectedFrom: null, last };
    const annual = years.map((year) => ({ year, value: values.get(year) as number }));
    const segment = consistentSegment(values, breaks);
    const project = (fromYear?: number) =>
      projectSeries(annual, { fromYear, toYear: input.presentYear ?? new Date().getFullYear() });
    let projectedFrom = segment && segment.startsAt !== null ? segment.from : null;
    let projection = project(projectedFrom ?? undefined);
    if (projectedFrom !== null && projection.kind === 'not-enough-data') {
      projectedFrom = null;
      projection = project();
    }
    return { key: s.key, label: s.label, breaks, projection, projectedFrom, last };
  });
}
