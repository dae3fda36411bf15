import {
  drawingOf,
  mapDrawing,
  multiplesDrawing,
  type ChartDrawing
} from '$lib/export/composite-svg';
import type { View } from '$lib/state/view-state';

/**
 * What each view of the explorer is, beside the component that draws it (ExploreView): the
 * periods its notes speak of, the text summary under it and how its download is drawn. A
 * new view is an entry here, its component in ExploreView, and its id in VIEWS.
 */
export interface ViewDefinition {
  /**
   * The periods the view draws, so its notes speak of them only: the window's last (a 2009
   * with nothing to compare with says nothing about a 2023 map), its two ends, or all.
   */
  periods: 'last' | 'ends' | 'all';
  /** The list read out under the chart: ranked values, each series' two ends, or none. */
  summary: 'ranked' | 'ends' | 'series' | null;
  /**
   * The drawing a download makes of the <svg> elements the view's charts handed the figure;
   * none for a view without a picture.
   */
  drawing: ((charts: readonly SVGSVGElement[]) => ChartDrawing | null) | null;
}

/** The chart's one <svg>, as it is on screen. */
const theChart = (charts: readonly SVGSVGElement[]) => (charts[0] ? drawingOf(charts[0]) : null);

const RANKED: ViewDefinition = {
  periods: 'last',
  summary: 'ranked',
  drawing: theChart
};

export const VIEW_DEFINITIONS: Record<View, ViewDefinition> = {
  line: { periods: 'all', summary: 'series', drawing: theChart },
  multiples: { periods: 'all', summary: 'series', drawing: multiplesDrawing },
  bars: RANKED,
  slope: { periods: 'ends', summary: 'ends', drawing: theChart },
  map: { periods: 'last', summary: null, drawing: mapDrawing },
  table: { periods: 'all', summary: null, drawing: null },
  crosstab: { periods: 'all', summary: null, drawing: null },
  // Drawn, summarised and downloaded by its own component (scatter/ScatterView.svelte).
  scatter: { periods: 'last', summary: null, drawing: theChart },
  sources: { periods: 'all', summary: null, drawing: null },
  synthetic: { periods: 'all', summary: null, drawing: theChart }
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
 * but the map and the tables draws as ranked bars; in panels, drawn as one grid.
 */
export function viewDefinition(
  view: View,
  onePerSeries: boolean,
  panelled = false
): ViewDefinition {
  const definition = onePerSeries && !OWN_LAYOUT_VIEWS.has(view) ? RANKED : VIEW_DEFINITIONS[view];
  return panelledAs(view, onePerSeries, panelled)
    ? { ...definition, drawing: multiplesDrawing }
    : definition;
}
