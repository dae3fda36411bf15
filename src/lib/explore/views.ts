import type { DrawingKind } from '$lib/export/composite-svg';
import type { View } from '$lib/state/view-state';
import type { Component } from 'svelte';
import BarsView from './view/BarsView.svelte';
import LineView from './view/LineView.svelte';
import MapView from './view/MapView.svelte';
import MultiplesView from './view/MultiplesView.svelte';
import PanelsView from './view/PanelsView.svelte';
import SlopeView from './view/SlopeView.svelte';
import SourcesView from './view/SourcesView.svelte';
import TableView from './view/TableView.svelte';
import type { ViewProps } from './view/view-props';

/**
 * What each view of the explorer is: the component that draws it, the periods its notes speak
 * of, the text summary under it and how its download is drawn. A new view is its component
 * (one file), an entry here, its id in VIEWS and its tab's label (docs/architecture.md).
 */
export interface ViewDefinition {
  /**
   * Draws the view inside the explorer's figure (ExploreView), given ViewProps; a view few
   * pages open is loaded when first drawn, so the home page and a first /explore do not
   * download it (`lazyView`).
   */
  component: Component<ViewProps> | LazyView;
  /**
   * What the component is shown for: the query's answer, under its title and once it has
   * rows (`answer`); the dataset itself, whatever the query answers (`dataset`); or its own
   * captioned block, with its own query, text and share menu (`own-block`).
   */
  shows: 'answer' | 'dataset' | 'own-block';
  /**
   * The periods the view draws, so its notes speak of them only: the window's last (a 2009
   * with nothing to compare with says nothing about a 2023 map), its two ends, or all.
   */
  periods: 'last' | 'ends' | 'all';
  /**
   * The breaks of its annual series and a projection (`proj=1`) go with it: marked on a line
   * chart, beside a table, and named under either. The explorer offers the projection for it.
   */
  analysis: boolean;
  /**
   * The view is a table, or shows one of its own (the map's): a board's folded data table
   * under the chart would repeat it.
   */
  hasTable: boolean;
  /** The list read out under the chart: ranked values, each series' two ends, or none. */
  summary: 'ranked' | 'ends' | 'series' | null;
  /**
   * The drawing a download makes of the <svg> elements the view's charts handed the figure;
   * none for a view without a picture.
   */
  drawing: DrawingKind | null;
}

/** A view's component, fetched the first time it is asked for and kept. */
export interface LazyView {
  load(): Promise<Component<ViewProps>>;
}

function lazyView(loader: () => Promise<{ default: Component<ViewProps> }>): LazyView {
  let loading: Promise<Component<ViewProps>> | null = null;
  return {
    load: () =>
      (loading ??= loader().then(
        (module) => module.default,
        (error) => {
          // A failed download (offline, a new build) may succeed when asked again.
          loading = null;
          throw error;
        }
      ))
  };
}

export const isLazyView = (component: ViewDefinition['component']): component is LazyView =>
  typeof component === 'object' && component !== null && 'load' in component;

/** The chart's one <svg>, as it is on screen. */

const RANKED: ViewDefinition = {
  component: BarsView,
  shows: 'answer',
  periods: 'last',
  analysis: false,
  hasTable: false,
  summary: 'ranked',
  drawing: 'chart'
};

export const VIEW_DEFINITIONS: Record<View, ViewDefinition> = {
  line: {
    component: LineView,
    shows: 'answer',
    periods: 'all',
    analysis: true,
    hasTable: false,
    summary: 'series',
    drawing: 'chart'
  },
  multiples: {
    component: MultiplesView,
    shows: 'answer',
    periods: 'all',
    analysis: false,
    hasTable: false,
    summary: 'series',
    drawing: 'multiples'
  },
  bars: RANKED,
  slope: {
    component: SlopeView,
    shows: 'answer',
    periods: 'ends',
    analysis: false,
    hasTable: false,
    summary: 'ends',
    drawing: 'chart'
  },
  map: {
    component: MapView,
    shows: 'answer',
    periods: 'last',
    analysis: false,
    hasTable: true,
    summary: null,
    drawing: 'map'
  },
  table: {
    component: TableView,
    shows: 'answer',
    periods: 'all',
    analysis: true,
    hasTable: true,
    summary: null,
    drawing: null
  },
  crosstab: {
    component: lazyView(() => import('./crosstab/CrosstabView.svelte')),
    shows: 'answer',
    periods: 'all',
    analysis: false,
    hasTable: true,
    summary: null,
    drawing: null
  },
  // Drawn, summarised and downloaded in its own block, from its own query.
  scatter: {
    component: lazyView(() => import('./scatter/ScatterView.svelte')),
    shows: 'own-block',
    periods: 'last',
    analysis: false,
    hasTable: false,
    summary: null,
    drawing: 'chart'
  },
  sources: {
    component: SourcesView,
    shows: 'dataset',
    periods: 'all',
    analysis: false,
    hasTable: false,
    summary: null,
    drawing: null
  },
  synthetic: {
    component: lazyView(() => import('./synthetic/SyntheticView.svelte')),
    shows: 'answer',
    periods: 'all',
    analysis: false,
    hasTable: false,
    summary: null,
    drawing: 'chart'
  }
};

/** Views with a layout of their own, which a comparison of two periods keeps (not ranked bars). */
export const OWN_LAYOUT_VIEWS: ReadonlySet<View> = new Set([
  'map',
  'table',
  'crosstab',
  'scatter',
  'sources',
  'synthetic'
]);

/**
 * What a view draws in a grid of panels when a second dimension varies: lines or ranked bars,
 * one panel per code of that dimension; null for a view that draws every pair its own way
 * (small multiples and slopes one per pair, the tables one row per pair, the map not at all).
 */
export function panelledAs(
  view: View,
  onePerSeries: boolean,
  panelled: boolean
): 'line' | 'bars' | null {
  if (!panelled) return null;
  if (onePerSeries && !OWN_LAYOUT_VIEWS.has(view)) return 'bars';
  return view === 'line' || view === 'bars' ? view : null;
}

/**
 * The view as drawn: a comparison of two periods has one value per series, which every view
 * but those with a layout of their own draws as ranked bars; in panels, one grid of them.
 */
export function viewDefinition(
  view: View,
  onePerSeries: boolean,
  panelled = false
): ViewDefinition {
  const definition = onePerSeries && !OWN_LAYOUT_VIEWS.has(view) ? RANKED : VIEW_DEFINITIONS[view];
  return panelledAs(view, onePerSeries, panelled)
    ? { ...definition, component: PanelsView, drawing: 'multiples' }
    : definition;
}
