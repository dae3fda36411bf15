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
  // Drawn, summarised and downloaded by its own component (scatter/ScatterView.svelte).
  scatter: { periods: 'last', summary: null, drawing: theChart },
  sources: { periods: 'all', summary: null, drawing: null },
  synthetic: { periods: 'all', summary: null, drawing: theChart }
};

/**
 * The view as drawn: a comparison of two periods has one value per series, which every view
 * but the map and the table draws as ranked bars.
 */
export function viewDefinition(view: View, onePerSeries: boolean): ViewDefinition {
  if (onePerSeries && !['map', 'table', 'scatter', 'sources', 'synthetic'].includes(view))
    return RANKED;
  return VIEW_DEFINITIONS[view];
}
