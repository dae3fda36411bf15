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
  /** The drawing a download makes of the figure; none for a view without a picture. */
  drawing: ((figure: HTMLElement | null) => ChartDrawing | null) | null;
}

/** The chart's own <svg>, found in the figure by its test id. */
const svgIn = (testId: string) => (figure: HTMLElement | null) => {
  const svg = figure?.querySelector<SVGSVGElement>(`svg[data-testid="${testId}"]`);
  return svg ? drawingOf(svg) : null;
};

const RANKED: ViewDefinition = {
  periods: 'last',
  summary: 'ranked',
  drawing: svgIn('ranked-bars')
};

export const VIEW_DEFINITIONS: Record<View, ViewDefinition> = {
  line: { periods: 'all', summary: 'series', drawing: svgIn('line-chart') },
  multiples: { periods: 'all', summary: 'series', drawing: multiplesDrawing },
  bars: RANKED,
  slope: { periods: 'ends', summary: 'ends', drawing: svgIn('slope-chart') },
  map: { periods: 'last', summary: null, drawing: mapDrawing },
  table: { periods: 'all', summary: null, drawing: null },
  sources: { periods: 'all', summary: null, drawing: null },
  synthetic: { periods: 'all', summary: null, drawing: svgIn('line-chart') }
};

/**
 * The view as drawn: a comparison of two periods has one value per series, which every view
 * but the map and the table draws as ranked bars.
 */
export function viewDefinition(view: View, onePerSeries: boolean): ViewDefinition {
  if (onePerSeries && view !== 'map' && view !== 'table' && view !== 'sources') return RANKED;
  return VIEW_DEFINITIONS[view];
}
