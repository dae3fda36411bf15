import { tick } from 'svelte';
import { ensureRows, ensureTable, getDataset } from '$lib/catalog/registry';
import { sourceLine } from '$lib/catalog/source-line';
import { rankBars } from '$lib/charts/bars/layout';
import { slopeRows } from '$lib/charts/slope/layout';
import type { ChartSeries } from '$lib/charts/types';
import { QueryClient } from '$lib/db/query-client.svelte';
import { queries, type QueryManager } from '$lib/db/query-manager';
import type { SqlEngine } from '$lib/db/engine';
import { exportRowsFromSeries } from '$lib/export/rows';
import {
  datasetCaveats,
  datasetTitle,
  dimensionName,
  formatComputed,
  formatNumber,
  lowerInitial,
  m
} from '$lib/i18n';
import { changedText, NO_EDITS, withEdits, type ChartText } from '$lib/model/chart-text';
import type { DatasetManifest } from '$lib/model/manifest';
import { periodStep } from '$lib/model/period';
import { SHIPPED_SNAPSHOTS } from '$lib/query/shipped-snapshots';
import { findSnapshotTable } from '$lib/query/snapshot';
import { transformNoteText } from '$lib/query/transform-note-text';
import {
  computedDecimals,
  transformDefinition,
  transformResultFromTable,
  transformSql,
  type TransformedRow
} from '$lib/query/transforms';
import type { ViewState } from '$lib/state/view-state';
import { drawnSeries, seriesWithBreaks } from './drawn';
import {
  filtersRead,
  planExplore,
  POPULATION_DATASET_ID,
  queryKey,
  type ExplorePlan
} from './plan';
import { planPanels, planSeries, viewSubtitle } from './panels';
import { codeLabel, ignoredChoices, titleChoiceLabels } from './selection';
import { answerFromServerSlice, answerInPage, holdRows } from './in-page';
import { distinctNotes, periodRange, summaryParts } from './text';
import { panelledAs, VIEW_DEFINITIONS, viewDefinition } from './views';
import { warmUpOnce } from './warm-up';

/** The answer to one view's query, from DuckDB or from the build's snapshot of it. */
export interface ExploreResult {
  /** The choices this result answers. */
  state: ViewState;
  plan: ExplorePlan;
  rows: TransformedRow[];
  computedRate: boolean;
  absoluteChange: Record<string, number | null>;
  /**
   * The build's snapshot of this very query, until DuckDB has answered it live; or worked
   * out in the page from the rows it holds (explore/in-page.ts).
   */
  source: 'snapshot' | 'live' | 'page';
}

/** Where the explorer's data comes from: the catalogue in the app, a Node engine in tests. */
export interface ExploreSources {
  ensureRows: (
    dataset: DatasetManifest,
    filters: Record<string, readonly string[]>
  ) => Promise<SqlEngine>;
  ensureTable: (id: string) => Promise<SqlEngine>;
  getDataset: (id: string) => Promise<DatasetManifest | null>;
  snapshots: typeof SHIPPED_SNAPSHOTS;
}

const CATALOGUE: ExploreSources = {
  ensureRows,
  ensureTable,
  getDataset,
  snapshots: SHIPPED_SNAPSHOTS
};

/**
 * The explorer's state and logic, apart from its components (as Evidence keeps
 * BigValueModel.svelte.ts beside BigValue.svelte): the view it follows, the query's answer,
 * and everything worked out from them — the series, the chart's text and notes, the
 * summaries and the rows of a download. Runs in Node, so it is tested without a browser.
 */
export class ExploreState {
  view: ViewState = $state.raw() as ViewState;
  dataset: DatasetManifest = $state.raw() as DatasetManifest;
  /** A presenter's wording; it lasts as long as the chart it was written for. */
  edits = $state(NO_EDITS);
  /** Rows are held in the page for this view's dataset: changes are answered without a query. */
  rowsHeld = $state(false);
  readonly query: QueryClient<ExploreResult>;
  private loadedKey: string | null = null;
  private readonly embedded: boolean;
  private readonly rehearsal: boolean;
  private readonly sources: ExploreSources;
  private readonly manager: QueryManager;

  /** Shows `view` of `dataset` until follow() asks for its data. */
  constructor(
    view: ViewState,
    dataset: DatasetManifest,
    options: {
      embedded?: boolean;
      /** Drawn off screen to prepare the page's code (rehearsal.svelte.ts): rows held only. */
      rehearsal?: boolean;
      sources?: ExploreSources;
      manager?: QueryManager;
    } = {}
  ) {
    this.view = view;
    this.dataset = dataset;
    this.edits = view.text ?? NO_EDITS;
    this.embedded = options.embedded ?? false;
    this.rehearsal = options.rehearsal ?? false;
    this.sources = options.sources ?? CATALOGUE;
    this.manager = options.manager ?? queries;
    this.query = new QueryClient(this.manager);
  }

  /**
   * Follows the view `view` of `dataset`. Resolves true once the answer to a new query (its
   * chart, or why there is none) is shown; false when nothing new was asked or a newer view
   * came first.
   */
  async follow(view: ViewState, dataset: DatasetManifest): Promise<boolean> {
    const key = queryKey(dataset.id, view);
    // A link brings its own wording; any other change of chart drops the presenter's.
    if (key !== this.loadedKey || this.view.view !== view.view) this.edits = view.text ?? NO_EDITS;
    this.view = view;
    this.dataset = dataset;
    // Switching between views of the same query keeps the result: only what is queried counts.
    if (key === this.loadedKey) return false;
    this.loadedKey = key;
    // The chart on screen stays until the new one replaces it: no flash of “Loading…”, and
    // a redraw updates the chart instead of building it again. Not another dataset's chart.
    const shown = this.query.answer;
    if (shown.status !== 'ready' || shown.value.plan.request.table !== dataset.id)
      this.query.forget();
    // The common path: rows the page holds answer in this frame, and no query is sent.
    const inPage = answerInPage(this.manager, view, dataset);
    // A rehearsal draws what the page holds, marks nothing and asks the engine nothing.
    if (this.rehearsal) {
      if (inPage) this.query.show(inPage);
      return false;
    }
    if (inPage) {
      this.query.show(inPage);
      this.rowsHeld = true;
      performance.mark('cooperare:first-query');
      await tick();
      performance.mark('cooperare:chart-drawn');
      return true;
    }
    const answer = await this.query.request({
      key: `explore:${key}`,
      run: (meanwhile) => this.run(view, dataset, meanwhile)
    });
    if (answer === null) return false;
    if (answer.status === 'ready') {
      await tick();
      performance.mark('cooperare:chart-drawn');
    }
    return true;
  }

  private async run(
    state: ViewState,
    manifest: DatasetManifest,
    meanwhile: (result: ExploreResult) => boolean
  ): Promise<ExploreResult> {
    const { sources } = this;
    const population =
      state.transform === 'rate' ? await sources.getDataset(POPULATION_DATASET_ID) : null;
    const plan = planExplore(state, manifest, population);
    if ('error' in plan) throw new Error(plan.error);
    const query = transformSql(plan.request, plan.spec);
    if ('error' in query) throw new Error(query.error);
    const computedRate = plan.needsPopulation;
    // A default view answered at build time (datasets/snapshots/) is drawn at once, while
    // DuckDB boots; the live result replaces it with the same values. The chart on screen is
    // then already the live one's numbers, so it is neither dimmed nor announced as busy.
    const shipped = findSnapshotTable(sources.snapshots, query.sql);
    if (shipped) {
      const drawn = meanwhile({
        state,
        plan,
        computedRate,
        ...transformResultFromTable(shipped.table),
        source: 'snapshot'
      });
      if (drawn) tick().then(() => performance.mark('cooperare:snapshot-drawn'));
    }
    const rowsOf = (filters: Record<string, readonly string[]>) =>
      sources.ensureRows(manifest, filters);
    const fromSlice = this.embedded
      ? null
      : await answerFromServerSlice(this.manager, state, manifest, plan, rowsOf);
    if (fromSlice) {
      performance.mark('cooperare:first-query');
      return fromSlice;
    }
    // A remote dataset fetches the rows of this selection only; others load whole.
    const engine = await sources.ensureRows(manifest, filtersRead(plan));
    if (plan.needsPopulation) await sources.ensureTable(POPULATION_DATASET_ID);
    const table = await engine.query(query.sql);
    performance.mark('cooperare:first-query');
    // An embedded chart never changes, so it holds no rows and warms nothing up. Rows held
    // whole answer every transform but a rate in the page: no warm-up is worth its queries.
    // The warm-up pays duckdb-wasm's first compile of a plan; a server's DuckDB has none.
    if (!this.embedded) {
      const held = holdRows(this.manager, manifest, plan, rowsOf, () => (this.rowsHeld = true));
      if (held !== 'whole' && manifest.origin !== 'server') warmUpOnce(engine, plan);
    }
    return { state, plan, computedRate, ...transformResultFromTable(table), source: 'live' };
  }

  get ready(): ExploreResult | null {
    return this.query.answer.status === 'ready' ? this.query.answer.value : null;
  }
  get error(): string | null {
    return this.query.answer.status === 'error' ? this.query.answer.message : null;
  }

  readonly datasetHeading = $derived(datasetTitle(this.dataset));
  readonly caveats = $derived(datasetCaveats(this.dataset));
  readonly step = $derived(periodStep(this.dataset.time.frequency));

  private dimension(dimensionId: string) {
    return this.dataset.dimensions.find((d) => d.id === dimensionId);
  }
  private labelIn(dimensionId: string) {
    return (code: string) => codeLabel(this.dataset, this.dimension(dimensionId), code);
  }

  /**
   * What the chart's text describes: the query choices of the result on screen (the view may
   * already ask for the next one), drawn the way the view says now.
   */
  readonly drawnView = $derived<ViewState>(
    this.ready
      ? {
          ...this.view,
          selections: this.ready.state.selections,
          time: this.ready.state.time,
          transform: this.ready.state.transform,
          base: this.ready.state.base
        }
      : this.view
  );

  readonly series = $derived<ChartSeries[]>(
    this.ready ? planSeries(this.ready.rows, this.ready.plan, (id) => this.labelIn(id)) : []
  );
  /** With a second dimension varying, the series in one panel per code of it; else null. */
  readonly panels = $derived(
    this.ready ? planPanels(this.series, this.ready.plan, (id) => this.labelIn(id)) : null
  );

  /** A change or growth rate: one value per series. */
  readonly onePerSeries = $derived(
    transformDefinition(this.drawnView.transform).comparesTwoPeriods
  );
  /** The view as drawn, which for one value per series is mostly ranked bars. */
  readonly drawnAs = $derived(
    viewDefinition(this.view.view, this.onePerSeries, this.panels !== null)
  );
  /** Lines or bars in panels, when a second dimension varies and the view draws them so. */
  readonly panelledAs = $derived(
    panelledAs(this.view.view, this.onePerSeries, this.panels !== null)
  );
  /** The name of a dimension of the dataset, as on screen. */
  dimensionLabel(dimensionId: string): string {
    const dimension = this.dimension(dimensionId);
    return dimension ? dimensionName(this.dataset, dimension) : dimensionId;
  }

  /** The unit of the values shown, after the transform. */
  private unitText(plan: ExplorePlan, computedRate: boolean): string {
    const unitDimension = this.dimension('unit');
    const published = unitDimension
      ? codeLabel(this.dataset, unitDimension, plan.request.filters.unit?.[0] ?? '')
      : '';
    return transformDefinition(this.drawnView.transform).unit({
      published,
      from: plan.from,
      to: plan.to,
      base: this.drawnView.base,
      computedRate
    });
  }

  readonly text = $derived.by<ChartText | null>(() => {
    const { ready, dataset } = this;
    if (!ready) return null;
    const { plan } = ready;
    const unit = this.unitText(plan, ready.computedRate);
    const fixed = titleChoiceLabels(dataset, plan.request.filters, plan.seriesBy, plan.panelBy);
    // Notes speak of what is drawn; bars and the map show the window's last period only.
    const periods = this.onePerSeries ? 'all' : VIEW_DEFINITIONS[this.view.view].periods;
    const years = periods === 'last' ? plan.to : periodRange(plan.from, plan.to);
    const drawnPeriods =
      periods === 'last' ? [plan.to] : periods === 'ends' ? [plan.from, plan.to] : null;
    const noteRows = drawnPeriods
      ? ready.rows.filter((r) => drawnPeriods.includes(r.period))
      : ready.rows;
    const transformNotes = distinctNotes(
      noteRows.map((r) => (r.note ? transformNoteText(r.note) : null)),
      6
    );
    const notes = [
      ...this.caveats,
      ...ignoredChoices(dataset, this.drawnView.selections, plan.seriesBy, plan.panelBy).map((d) =>
        m.explore_note_first_code_only({
          dimension: dimensionName(dataset, d),
          code: this.labelIn(d.id)(this.drawnView.selections[d.id][0])
        })
      ),
      ...(ready.computedRate
        ? [m.explore_note_rate_computed({ table: POPULATION_DATASET_ID })]
        : []),
      ...(noteRows.some((r) => r.breakInWindow) ? [m.explore_note_break_in_window()] : []),
      ...transformNotes.shown,
      ...(transformNotes.more > 0 ? [m.explore_note_more({ count: transformNotes.more })] : [])
    ];
    return {
      title: [this.datasetHeading, [...fixed, lowerInitial(unit)].filter(Boolean).join(', '), years]
        .filter(Boolean)
        .join(' — '),
      subtitle: viewSubtitle(
        ready.state,
        dataset,
        plan,
        this.series,
        (id) => this.dimensionLabel(id),
        (id) => this.labelIn(id)
      ),
      source: sourceLine(dataset),
      notes,
      unit
    };
  });

  /** The text as shown: the chart's own, with the presenter's edits. */
  readonly shown = $derived(this.text ? withEdits(this.text, this.edits) : null);
  /** The link and the embed show the chart as worded here. */
  readonly sharedView = $derived<ViewState>({ ...this.view, text: changedText(this.edits) });

  readonly exportRows = $derived(
    this.ready && this.shown
      ? exportRowsFromSeries(
          drawnSeries(this.series, this.view.view, this.ready.plan, this.onePerSeries),
          {
            datasetId: this.dataset.id,
            dataset: this.dataset,
            filters: this.ready.plan.request.filters,
            seriesBy: this.ready.plan.seriesBy,
            panelBy: this.ready.plan.panelBy,
            unit: this.shown.unit
          }
        )
      : []
  );

  readonly decimals = $derived(
    computedDecimals(this.drawnView.transform, this.ready?.computedRate ?? false)
  );
  readonly formatValue = $derived(
    this.decimals === null
      ? formatNumber
      : (value: number) => formatComputed(value, this.decimals as number)
  );
  /** A change between two percentages is said in percentage points. */
  readonly changeIn = $derived<'percent' | 'points'>(
    transformDefinition(this.drawnView.transform).valuesArePercentages ? 'points' : 'percent'
  );
  readonly summaries = $derived(summaryParts(this.series, this.formatValue, this.changeIn));
  readonly rankedBars = $derived(this.ready ? rankBars(this.series, this.ready.plan.to) : []);
  readonly slopeSummaries = $derived(
    this.ready && this.view.view === 'slope'
      ? slopeRows(this.series, this.ready.plan.from, this.ready.plan.to)
      : []
  );
  readonly mapRows = $derived(
    this.ready && this.ready.plan.seriesBy === 'geo' && !this.ready.plan.panelBy
      ? this.ready.rows
          .filter((r) => r.period === this.ready!.plan.to)
          .map((r) => ({ geo: r.series, value: r.value, flag: r.flag }))
      : []
  );
  readonly breaks = $derived(
    this.ready ? seriesWithBreaks(this.series, this.ready.plan.from, this.ready.plan.to) : undefined
  );
}
