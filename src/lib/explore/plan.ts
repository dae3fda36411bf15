import type { DatasetManifest } from '$lib/model/manifest';
import type { SeriesRequest } from '../query/series';
import { transformDefinition, type TransformSpec } from '../query/transforms';
import type { ViewState } from '../state/view-state';
import { datasetTitle } from '../i18n/dataset-words';
import { m } from '../i18n/paraglide/messages.js';
import { mapPlaces } from './nuts-regions';
import { queryFilters, seriesDimension } from './selection';

/** Everything needed to query one explorer view. */
export interface ExplorePlan {
  seriesBy: string;
  request: SeriesRequest;
  spec: TransformSpec;
  /** The window's first and last period (the dataset's when the view shows all periods). */
  from: string;
  to: string;
  /** Whether the population table must be loaded too (a rate computed from counts). */
  needsPopulation: boolean;
}

/**
 * What a view's query depends on: two states with the same key are answered by the same
 * query (a change of chart type or scale redraws the same numbers). The map asks for more
 * places than are selected (see mapPlaces), so it has a query of its own.
 */
export function queryKey(datasetId: string, state: ViewState): string {
  const places = state.view === 'map' ? ['map'] : [];
  return JSON.stringify([
    datasetId,
    state.selections,
    state.time,
    state.transform,
    state.base,
    ...places
  ]);
}

/** The dataset whose population on 1 January turns counts into rates. */
export const POPULATION_DATASET_ID = 'demo_gind';

/**
 * The query for a view state. `population` is the population dataset's manifest, needed only
 * for a computed rate. An error is a value with a message the user can read.
 */
export function planExplore(
  state: ViewState,
  dataset: DatasetManifest,
  population: DatasetManifest | null
): ExplorePlan | { error: string } {
  const seriesBy = seriesDimension(dataset, state.selections);
  if (seriesBy === null)
    return { error: m.explore_plan_no_dimensions({ dataset: datasetTitle(dataset) }) };
  const from = state.time?.from ?? dataset.time.first;
  const to = state.time?.to ?? dataset.time.last;
  const filters = queryFilters(dataset, state.selections, seriesBy);
  const geo = dataset.dimensions.find((d) => d.id === 'geo');
  if (state.view === 'map' && seriesBy === 'geo' && geo)
    filters.geo = mapPlaces(
      geo.codes.map((c) => c.code),
      filters.geo
    );
  const request: SeriesRequest = {
    table: dataset.id,
    filters,
    timeFrom: from,
    timeTo: to,
    seriesBy
  };
  const spec = transformDefinition(state.transform).spec({
    dataset,
    request,
    from,
    to,
    base: state.base,
    population
  });
  if ('error' in spec) return spec;
  const needsPopulation = spec.kind === 'rate' && spec.plan.kind === 'computed';
  return { seriesBy, request, spec, from, to, needsPopulation };
}

/**
 * The codes the plan's SQL reads, per dimension: the request's, and a published rate's own
 * unit where the rate replaces the unit chosen. A remote dataset fetches exactly these rows.
 */
export function filtersRead(plan: ExplorePlan): Record<string, readonly string[]> {
  const { spec, request } = plan;
  if (spec.kind === 'rate' && spec.plan.kind === 'published')
    return { ...request.filters, [spec.plan.unitDimension]: [spec.plan.unitCode] };
  return request.filters;
}
