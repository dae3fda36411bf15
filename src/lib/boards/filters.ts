import type { BoardFilters } from '$lib/state/board-link';

/**
 * A chart's link with the board's filters set on it: the countries on a dataset that has a
 * `geo` dimension, the period window on any explorer view. Programme and SQL console charts,
 * and a chart that opted out, keep their link as it is; the explorer's own reading of the
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

/** Whether a chart's link is an explorer view, the only kind the board's filters reach. */
export function isExplorerLink(link: URLSearchParams): boolean {
  return !link.has('programme') && !link.has('q') && !link.has('board');
}

/** Why the board's filters, or one of them, do not reach a chart. */
export type FiltersMissed = 'opted-out' | 'programme' | 'sql' | 'no-geo';

/**
 * Why filters the board has set do not reach a chart, said under it so no reader takes an
 * unfiltered chart for a filtered one; null when every filter set reaches it (or none is set).
 * `dimensions` are an explorer view's, once its dataset is known.
 */
export function filtersMissed(
  link: URLSearchParams,
  filters: BoardFilters,
  optOut: boolean,
  dimensions: readonly string[] | null
): FiltersMissed | null {
  if (filters.geo.length === 0 && !filters.time) return null;
  if (optOut) return 'opted-out';
  if (link.has('programme')) return 'programme';
  if (link.has('q')) return 'sql';
  if (filters.geo.length > 0 && dimensions && !dimensions.includes('geo')) return 'no-geo';
  return null;
}
