import { breakLabel } from '$lib/charts/break-text';
import { fanFrom } from '$lib/charts/line/fan';
import type { SeriesBreakMark } from '$lib/charts/types';
import { projectedRows, type ExportRow } from '$lib/export/rows';
import { dimensionName, m } from '$lib/i18n';
import { unitDimension } from '$lib/state/analysis-params';
import type { ExploreState } from './explore-state.svelte';
import { codeLabel } from './selection';
import { seriesOutlooks, type SeriesOutlook } from './series-outlook';
import { VIEW_DEFINITIONS } from './views';
import { exploreSynthetic, syntheticExportRows, type ExploreSynthetic } from './synthetic/analysis';

/**
 * What the explorer works out beyond the values of a view: the breaks of each annual series
 * (drawn on the line chart and named under it), the projection fan `proj=1` asks for, and the
 * synthetic control of `view=synthetic`, with the rows their downloads add. Kept apart from
 * ExploreState, which it reads, so that a view without them pays nothing.
 */
export class ExploreAnalysis {
  private readonly explore = $state.raw() as ExploreState;

  constructor(explore: ExploreState) {
    this.explore = explore;
  }

  readonly annual = $derived(this.explore.dataset.time.frequency === 'annual');
  /** A projection is drawn on an annual line chart (and listed in its table), when the link asks. */
  readonly projecting = $derived(
    this.annual &&
      VIEW_DEFINITIONS[this.explore.view.view].analysis &&
      this.explore.view.projection === true &&
      !this.explore.onePerSeries
  );

  readonly outlooks = $derived.by<SeriesOutlook[]>(() => {
    const { ready } = this.explore;
    if (!ready || !this.annual) return [];
    return seriesOutlooks({
      series: this.explore.series,
      dataset: this.explore.dataset.id,
      filters: ready.plan.request.filters,
      seriesBy: ready.plan.seriesBy,
      panelBy: ready.plan.panelBy,
      transform: this.explore.drawnView.transform,
      project: this.projecting
    });
  });

  private readonly several = $derived(this.outlooks.filter((o) => o.breaks.length > 0).length > 1);

  /** Breaks as the line chart marks them; with several series, each named with its series. */
  readonly breakMarks = $derived<SeriesBreakMark[]>(
    this.outlooks.flatMap((o) =>
      o.breaks.map((b) => ({
        x: b.year,
        kind: b.kind,
        label: `${b.year}: ${this.several ? `${o.label}, ` : ''}${breakLabel(b)}`
      }))
    )
  );

  /** The sentences under the chart naming each break, and each projection's basis. */
  readonly notes = $derived<string[]>(
    this.outlooks.flatMap((o) => [
      ...o.breaks.map((b) =>
        b.kind === 'known'
          ? m.analysis_break_known({ series: o.label, year: b.year, label: breakLabel(b) })
          : b.kind === 'flag'
            ? m.analysis_break_flag({ series: o.label, year: b.year })
            : m.analysis_break_possible({ series: o.label, year: b.year })
      ),
      ...(o.projectedFrom !== null
        ? [m.analysis_projection_from_break({ series: o.label, from: o.projectedFrom })]
        : []),
      ...(o.projection?.kind === 'not-enough-data'
        ? [
            m.analysis_projection_not_enough({
              series: o.label,
              have: o.projection.have,
              need: o.projection.need
            })
          ]
        : [])
    ])
  );

  readonly fans = $derived(
    this.outlooks.flatMap((o) =>
      o.projection?.kind === 'projected' && o.last
        ? [
            {
              key: o.key,
              points: fanFrom(o.last, o.projection.values),
              label: m.analysis_projection_label()
            }
          ]
        : []
    )
  );

  readonly projected = $derived(
    this.outlooks.flatMap((o) =>
      o.projection?.kind === 'projected' && o.projection.values.length > 0
        ? [{ key: o.key, label: o.label, values: o.projection.values }]
        : []
    )
  );

  private readonly unitName = $derived.by(() => {
    const { dataset } = this.explore;
    const id = unitDimension(dataset);
    const dimension = dataset.dimensions.find((d) => d.id === id);
    return {
      code: (code: string) => codeLabel(dataset, dimension, code),
      dimension: dimension ? dimensionName(dataset, dimension) : ''
    };
  });
  readonly name = $derived(this.unitName.code);

  readonly synthetic = $derived.by<ExploreSynthetic | null>(() => {
    const { ready, view, dataset } = this.explore;
    if (!ready || view.view !== 'synthetic' || ready.state.view !== 'synthetic') return null;
    const treated = view.synthetic?.treated;
    return exploreSynthetic({
      state: { ...view, selections: ready.state.selections },
      dataset,
      series: this.explore.series,
      from: ready.plan.from,
      to: ready.plan.to,
      name: this.unitName.code,
      dimensionName: this.unitName.dimension,
      breaks: this.outlooks.find((o) => o.key === treated)?.breaks ?? []
    });
  });

  /**
   * The download's rows: a projection's rows follow each series' published ones, marked as
   * projected; a synthetic control's are the treated series and its synthetic twin.
   */
  readonly exportRows = $derived.by<ExportRow[]>(() => {
    const rows = this.explore.exportRows;
    const synthetic = this.synthetic;
    const seriesBy = this.explore.ready?.plan.seriesBy ?? '';
    if (synthetic?.kind === 'ok' && synthetic.analysis.control.kind === 'ok') {
      const { treated } = synthetic.analysis.spec;
      const twin = m.programme_synthetic_twin({ geo: this.name(treated) });
      return syntheticExportRows(synthetic.analysis.control, rows, seriesBy, twin);
    }
    if (this.projected.length === 0) return rows;
    const codeOf = (row: ExportRow) => row.dimensions.find((d) => d.id === seriesBy)?.code;
    return this.explore.series.flatMap((s) => {
      const own = rows.filter((row) => codeOf(row) === s.key);
      const projection = this.projected.find((p) => p.key === s.key);
      const last = own.at(-1);
      return projection && last ? [...own, ...projectedRows(last, projection.values)] : own;
    });
  });
}
