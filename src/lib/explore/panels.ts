import { assignColours } from '../charts/palette';
import { toChartSeries } from '../charts/series';
import type { ChartSeries } from '../charts/types';
import { m } from '../i18n/messages';
import type { ObservationRow } from '$lib/model/observation';
import { seriesKey, splitSeriesKey } from '../query/series';
import type { DatasetManifest } from '$lib/model/manifest';
import type { ViewState } from '$lib/state/view-state';
import type { ExplorePlan } from './plan';
import { syntheticUnitsNamed } from './synthetic/pool';

/** How a code of a dimension is named on screen: `labelIn(dimension)(code)`. */
type LabelIn = (dimensionId: string) => (code: string) => string;
type VaryingPlan = Pick<ExplorePlan, 'seriesBy' | 'panelBy' | 'request'>;

/** The series drawn in one panel: one code of the panel dimension. */
export interface SeriesPanel {
  key: string;
  label: string;
  /** Named by their own code only: the panel's heading says the rest. */
  series: ChartSeries[];
}

/**
 * The keys of the series asked for, in the user's order: one per code of the series
 * dimension, or, when a second dimension varies, one per pair, panel by panel.
 */
export function seriesKeys(
  filters: Record<string, readonly string[]>,
  seriesBy: string,
  panelBy: string | null
): string[] {
  const codes = filters[seriesBy] ?? [];
  if (panelBy === null) return [...codes];
  return (filters[panelBy] ?? []).flatMap((panel) => codes.map((code) => seriesKey(code, panel)));
}

/**
 * How a series is named: by its code's label, and with panels by both labels, panel first
 * (“Burglary — Romania”), so a list of every series reads panel by panel.
 */
export function seriesLabel(
  key: string,
  labelOf: (code: string) => string,
  panelLabelOf: (code: string) => string
): string {
  const { code, panel } = splitSeriesKey(key);
  return panel === null ? labelOf(code) : `${panelLabelOf(panel)} — ${labelOf(code)}`;
}

/**
 * Series coloured by their own code, so a country keeps its colour in every panel (and
 * Romania and Norway theirs everywhere).
 */
export function colourBySeriesCode(series: readonly ChartSeries[]): ChartSeries[] {
  const colours = assignColours(series.map((s) => splitSeriesKey(s.key).code));
  return series.map((s) => ({ ...s, color: colours.get(splitSeriesKey(s.key).code) ?? s.color }));
}

/** The series grouped into panels in the order of `panelCodes`; panels without data are left out. */
export function groupIntoPanels(
  series: readonly ChartSeries[],
  panelCodes: readonly string[],
  labelOf: (code: string) => string,
  panelLabelOf: (code: string) => string
): SeriesPanel[] {
  return panelCodes
    .map((panel) => ({
      key: panel,
      label: panelLabelOf(panel),
      series: series
        .filter((s) => splitSeriesKey(s.key).panel === panel)
        .map((s) => ({ ...s, label: labelOf(splitSeriesKey(s.key).code) }))
    }))
    .filter((panel) => panel.series.length > 0);
}

/** The chart series of a plan's rows: one per code, or per pair of codes with panels. */
export function planSeries(
  rows: readonly ObservationRow[],
  plan: VaryingPlan,
  labelIn: LabelIn
): ChartSeries[] {
  const { seriesBy, panelBy, request } = plan;
  const label = labelIn(seriesBy);
  const panelLabel = labelIn(panelBy ?? seriesBy);
  const series = toChartSeries(rows, seriesKeys(request.filters, seriesBy, panelBy), (key) =>
    seriesLabel(key, label, panelLabel)
  );
  return panelBy ? colourBySeriesCode(series) : series;
}

/** The plan's series in panels when a second dimension varies; null when none does. */
export function planPanels(
  series: readonly ChartSeries[],
  plan: VaryingPlan,
  labelIn: LabelIn
): SeriesPanel[] | null {
  if (!plan.panelBy) return null;
  const codes = plan.request.filters[plan.panelBy] ?? [];
  return groupIntoPanels(series, codes, labelIn(plan.seriesBy), labelIn(plan.panelBy));
}

/**
 * The chart's subtitle: the dimension that varies and its codes drawn (“Country: Romania,
 * Norway”), and with panels the panels' too, so both dimensions are named.
 */
export function varyingSubtitle(
  plan: VaryingPlan,
  series: readonly ChartSeries[],
  dimensionName: (dimensionId: string) => string,
  labelIn: LabelIn
): string {
  const drawn = (part: 'code' | 'panel') => [
    ...new Set(series.map((s) => splitSeriesKey(s.key)[part] ?? ''))
  ];
  const line = (dimensionId: string, codes: string[]) =>
    m.explore_subtitle({
      dimension: dimensionName(dimensionId),
      codes: codes.map(labelIn(dimensionId)).join(', ')
    });
  const seriesLine = line(plan.seriesBy, drawn('code'));
  if (!plan.panelBy) return seriesLine;
  return m.crosstab_subtitle_panels({
    series: seriesLine,
    panels: line(plan.panelBy, drawn('panel'))
  });
}

/**
 * The subtitle of a view: the series and panels drawn; a synthetic control's treated unit and
 * donors; on a map, the selection only, which it highlights among every place coloured.
 */
export function viewSubtitle(
  state: ViewState,
  dataset: DatasetManifest,
  plan: VaryingPlan,
  series: readonly ChartSeries[],
  dimensionName: (dimensionId: string) => string,
  labelIn: LabelIn
): string {
  const named = (codes: string[]) =>
    m.explore_subtitle({ dimension: dimensionName(plan.seriesBy), codes: codes.join(', ') });
  if (state.view === 'synthetic')
    return named(syntheticUnitsNamed(state, dataset, labelIn(plan.seriesBy)));
  if (state.view === 'map' && plan.seriesBy === 'geo' && !plan.panelBy)
    return named((state.selections.geo ?? []).map(labelIn('geo')));
  return varyingSubtitle(plan, series, dimensionName, labelIn);
}
