import type { BoardFilters } from '$lib/state/board-link';
import { readProgrammeChart, type ProgrammeChartLink } from '$lib/state/programme-chart';
import { periodAs } from '$lib/model/period';

/**
 * A chart's link with the board's filters set on it: the countries on a dataset that has a
 * `geo` dimension, the period window on any explorer view. The explorer's own reading of the
 * link then cuts a window to the data and says so, as it does for any link.
 */
export function filteredLink(
  link: URLSearchParams,
  filters: BoardFilters,
  dimensions: readonly string[]
): URLSearchParams {
  const params = new URLSearchParams(link);
  if (filters.geo.length > 0 && dimensions.includes('geo'))
    params.set('geo', filters.geo.join(','));
  if (filters.time) params.set('time', `${filters.time.from}..${filters.time.to}`);
  return params;
}

/** The kinds of chart a board holds, each reached by the filters in its own way. */
export type ChartKind = 'explorer' | 'programme' | 'sql';

export function chartKind(link: URLSearchParams): ChartKind {
  return link.has('programme') ? 'programme' : link.has('q') ? 'sql' : 'explorer';
}

/** Which of the board's filters a chart has a dimension for. */
export interface FilterReach {
  geo: boolean;
  time: boolean;
}

/**
 * A programme chart's dimensions: an indicator's trend and its comparison run over years, for
 * the indicator's own country (a comparison's other line is a group's median, not a country
 * the board could pick); the budget and the timeline have neither countries nor statistics' years.
 */
export function programmeReach(link: ProgrammeChartLink): FilterReach {
  if (
    link.kind === 'chart' &&
    (link.chart.chart === 'indicator' || link.chart.chart === 'comparator')
  )
    return { geo: false, time: true };
  return { geo: false, time: false };
}

/**
 * Whether any of the board's filters can reach a chart, so its item offers to ignore them: not
 * a programme budget or timeline. An explorer or SQL chart may, until its data says otherwise.
 */
export function filtersCanReach(link: URLSearchParams): boolean {
  const programme = readProgrammeChart(link);
  if (!programme) return true;
  const reach = programmeReach(programme);
  return reach.geo || reach.time;
}

/** The years of a board's period window, for charts drawn by year: those it overlaps. */
export function yearWindow(time: BoardFilters['time']): { from: number; to: number } | null {
  if (!time) return null;
  return {
    from: Number(periodAs(time.from, 'annual', 'first')),
    to: Number(periodAs(time.to, 'annual', 'last'))
  };
}

/** Why the board's filters, or one of them, do not reach a chart. */
export type FiltersMissed =
  | 'opted-out'
  /** An explorer view whose dataset has no countries. */
  | 'no-geo'
  /** A programme chart with neither countries nor years; one of an indicator's country alone. */
  | 'programme'
  | 'programme-geo'
  /** A SQL chart whose result has neither column, no `geo`, no `time`; or cannot be wrapped. */
  | 'sql'
  | 'sql-geo'
  | 'sql-time'
  | 'sql-statement';

/**
 * Why filters the board has set do not reach a chart, said under it so no reader takes an
 * unfiltered chart for a filtered one; null when every filter set reaches it, none is set, or
 * what the chart has is not known yet. `reach` is 'unwrappable' for a SQL statement that cannot
 * be read as a subquery (DuckDB's DESCRIBE refused it).
 */
export function filtersMissed(
  kind: ChartKind,
  filters: BoardFilters,
  optOut: boolean,
  reach: FilterReach | 'unwrappable' | null
): FiltersMissed | null {
  const countries = filters.geo.length > 0;
  if (!countries && !filters.time) return null;
  if (optOut) return 'opted-out';
  if (reach === 'unwrappable') return 'sql-statement';
  if (!reach) return null;
  const geoMissed = countries && !reach.geo;
  const timeMissed = filters.time !== null && !reach.time;
  if (!geoMissed && !timeMissed) return null;
  if (kind === 'explorer') return geoMissed ? 'no-geo' : null;
  if (!reach.geo && !reach.time) return kind;
  return geoMissed ? `${kind}-geo` : 'sql-time';
}
