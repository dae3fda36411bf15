import type { DatasetManifest } from '$lib/model/manifest';
import type { SeriesRequest } from '../query/series';
import { transformDefinition, type TransformSpec } from '../query/transforms';
import type { ViewState } from '../state/view-state';
import { datasetTitle } from '../i18n/dataset-words';
import { m } from '../i18n/messages';
import { unitDimension } from '../state/analysis-params';
import { panelDimension, queryFilters, seriesDimension } from './selection';
import { querySelections } from './synthetic/pool';
import { mapPlaces } from './nuts-regions';

/** Everything needed to query one explorer view. */
export interface ExplorePlan {
  seriesBy: string;
  /** The second dimension that varies, whose codes are the panels; null when none does. */
  panelBy: string | null;
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
  // A synthetic control queries every unit when only the treated one is chosen.
  const units = state.view === 'synthetic' ? (state.synthetic?.treated ?? '') : null;
  const places = state.view === 'map' ? ['map'] : [];
  return JSON.stringify([
    datasetId,
    state.selections,
    state.time,
    state.transform,
    state.base,
    units,
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
  const selections = querySelections(state, dataset);
  const seriesBy =
    (state.view === 'synthetic' ? unitDimension(dataset) : null) ??
    seriesDimension(dataset, selections);
  if (seriesBy === null)
    return { error: m.explore_plan_no_dimensions({ dataset: datasetTitle(dataset) }) };
  // A synthetic control compares units of one series: it draws no panels.
  const panelBy = state.view === 'synthetic' ? null : panelDimension(dataset, selections, seriesBy);
  const from = state.time?.from ?? dataset.time.first;
  const to = state.time?.to ?? dataset.time.last;
  const filters = queryFilters(dataset, selections, seriesBy, panelBy);
  const geo = dataset.dimensions.find((d) => d.id === 'geo');
  if (state.view === 'map' && seriesBy === 'geo' && !panelBy && geo)
    filters.geo = mapPlaces(
      geo.codes.map((c) => c.code),
      filters.geo
    );
  const request: SeriesRequest = {
    table: dataset.id,
    filters,
    timeFrom: from,
    timeTo: to,
    seriesBy,
    ...(panelBy ? { panelBy } : {})
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
  return { seriesBy, panelBy, request, spec, from, to, needsPopulation };
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
