import type { SeriesRequest } from './series';

/** A programme indicator's series: one code per dimension, and the countries to read. */
export interface IndicatorSeriesSpec {
  dataset: string;
  filters: Record<string, string>;
  geos: readonly string[];
}

/**
 * The request for an indicator's own country and its comparators in one query: every
 * dimension but geo is pinned to one code, so each geo has one value per year, and the
 * series are keyed by geo.
 */
export function indicatorSeriesRequest(spec: IndicatorSeriesSpec): SeriesRequest {
  const filters: Record<string, string[]> = {};
  for (const [dim, code] of Object.entries(spec.filters)) filters[dim] = [code];
  filters.geo = [...new Set(spec.geos)];
  return { table: spec.dataset, filters, seriesBy: 'geo' };
}
