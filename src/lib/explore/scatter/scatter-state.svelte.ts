import { tick } from 'svelte';
import { ensureTables, getDataset } from '$lib/catalog/registry';
import { sourceLine } from '$lib/catalog/source-line';
import { QueryClient } from '$lib/db/query-client.svelte';
import { queries, type QueryManager } from '$lib/db/query-manager';
import type { SqlEngine } from '$lib/db/engine';
import type { ExportRow } from '$lib/export/rows';
import { datasetCaveats, formatComputed, formatNumber, m, placeName } from '$lib/i18n';
import { changedText, NO_EDITS, withEdits, type ChartText } from '$lib/model/chart-text';
import type { DatasetManifest } from '$lib/model/manifest';
import { scatterRowsFromTable, scatterSql, type ScatterRow } from '$lib/query/scatter';
import { defaultYMeasure, type ScatterLink } from '$lib/state/scatter-link';
import type { ViewState } from '$lib/state/view-state';
import { periodRange } from '../text';
import {
  planMeasure,
  POPULATION_DATASET_ID,
  type MeasureChoice,
  type PlannedMeasure,
  type Role
} from './measures';
import { scatterPicture, type ScatterPoint } from './picture';

/** The joined measures of one scatter, and what they were asked with. */
export interface ScatterResult {
  key: string;
  measures: { x: PlannedMeasure; y: PlannedMeasure; size: PlannedMeasure | null };
  rows: ScatterRow[];
  /** The period drawn, and the first of the trails (the same without trails). */
  from: string;
  to: string;
  trails: boolean;
}

/** Where the scatter's data comes from: the catalogue in the app, a Node engine in tests. */
export interface ScatterSources {
  getDataset: (id: string) => Promise<DatasetManifest | null>;
  ensureTables: (ids: string[]) => Promise<SqlEngine>;
}

const CATALOGUE: ScatterSources = { getDataset, ensureTables };

/** The scatter's link part, with y's default when the link has none. */
export function scatterLinkOf(view: ViewState): ScatterLink {
  return view.scatter ?? { y: defaultYMeasure(view.dataset), size: null, trails: false };
}

/**
 * The scatter view's state apart from its components, as ExploreState is for the other
 * views: the measures it follows, their joined rows, and what is worked out from them.
 */
export class ScatterState {
  view: ViewState = $state.raw() as ViewState;
  dataset: DatasetManifest = $state.raw() as DatasetManifest;
  edits = $state(NO_EDITS);
  readonly query: QueryClient<ScatterResult>;
  private loadedKey: string | null = null;
  private readonly sources: ScatterSources;

  constructor(
    view: ViewState,
    dataset: DatasetManifest,
    options: { sources?: ScatterSources; manager?: QueryManager } = {}
  ) {
    this.view = view;
    this.dataset = dataset;
    this.edits = view.text ?? NO_EDITS;
    this.sources = options.sources ?? CATALOGUE;
    this.query = new QueryClient(options.manager ?? queries);
  }

  /** Follows `view`; resolves true once the answer to a new query is shown. */
  async follow(view: ViewState, dataset: DatasetManifest): Promise<boolean> {
    const link = scatterLinkOf(view);
    // The geo codes ticked only name points: every unit is queried whatever they are.
    const codes = Object.entries(view.selections).filter(([id]) => id !== 'geo');
    const key = JSON.stringify([dataset.id, codes, view.time, view.transform, link]);
    if (key !== this.loadedKey) this.edits = view.text ?? NO_EDITS;
    this.view = view;
    this.dataset = dataset;
    if (key === this.loadedKey) return false;
    this.loadedKey = key;
    const answer = await this.query.request({
      key: `scatter:${key}`,
      run: () => this.run(key, view, dataset, link)
    });
    if (answer === null) return false;
    await tick();
    return true;
  }

  private async manifest(id: string): Promise<DatasetManifest> {
    const found = await this.sources.getDataset(id);
    if (!found) throw new Error(m.scatter_unknown_dataset({ id }));
    return found;
  }

  private async run(
    key: string,
    view: ViewState,
    x: DatasetManifest,
    link: ScatterLink
  ): Promise<ScatterResult> {
    const y = await this.manifest(link.y.dataset);
    const size = link.size ? await this.manifest(link.size.dataset) : null;
    for (const other of [y, size])
      if (other && other.time.frequency !== x.time.frequency)
        throw new Error(m.scatter_frequency({ x: x.id, other: other.id }));
    const choices: Record<Role, MeasureChoice | null> = {
      x: {
        dataset: x,
        selections: Object.fromEntries(
          Object.entries(view.selections).map(([id, codes]) => [id, codes[0]])
        ),
        rate: view.transform === 'rate'
      },
      y: { dataset: y, selections: link.y.selections, rate: link.y.rate },
      size: size && link.size ? { ...link.size, dataset: size } : null
    };
    const needsPopulation = Object.values(choices).some((c) => c?.rate);
    const population = needsPopulation
      ? await this.sources.getDataset(POPULATION_DATASET_ID)
      : null;
    // The period drawn: the window's last, or the latest both x and y reach.
    const last = x.time.last < y.time.last ? x.time.last : y.time.last;
    const to = view.time?.to ?? last;
    const from = link.trails ? (view.time?.from ?? x.time.first) : to;
    const plan = (choice: MeasureChoice) => {
      const planned = planMeasure(choice, from, to, population);
      if ('error' in planned) throw new Error(planned.error);
      return planned;
    };
    const measures = {
      x: plan(choices.x as MeasureChoice),
      y: plan(choices.y as MeasureChoice),
      size: choices.size ? plan(choices.size) : null
    };
    const computed = [measures.x, measures.y, measures.size].some((c) => c?.computedRate);
    const tables = [x.id, y.id, size?.id, computed ? population?.id : undefined].filter(
      (id, i, all): id is string => id !== undefined && all.indexOf(id) === i
    );
    const engine = await this.sources.ensureTables(tables);
    const table = await engine.query(
      scatterSql({ x: measures.x.sql, y: measures.y.sql, size: measures.size?.sql ?? null })
    );
    return { key, measures, rows: scatterRowsFromTable(table), from, to, trails: link.trails };
  }

  get ready(): ScatterResult | null {
    return this.query.answer.status === 'ready' ? this.query.answer.value : null;
  }
  get error(): string | null {
    return this.query.answer.status === 'error' ? this.query.answer.message : null;
  }

  readonly picture = $derived(
    this.ready ? scatterPicture(this.ready.rows, this.ready.to, this.ready.trails) : null
  );

  /** A unit's name in the reader's language. */
  unitName = (unit: string): string => placeName(unit);

  /** A measure's axis title: what it measures and its unit. */
  axisTitle(measure: PlannedMeasure): string {
    return measure.unit ? `${measure.label} (${measure.unit})` : measure.label;
  }

  readonly text = $derived.by<ChartText | null>(() => {
    const { ready } = this;
    if (!ready) return null;
    const { x, y, size } = ready.measures;
    const datasets = [x, y, size]
      .filter((measure): measure is PlannedMeasure => measure !== null)
      .map((measure) => measure.dataset)
      .filter((dataset, i, all) => all.findIndex((d) => d.id === dataset.id) === i);
    const period = ready.trails ? periodRange(ready.from, ready.to) : ready.to;
    const computed = [x, y, size].some((measure) => measure?.computedRate);
    return {
      title: m.scatter_title({ y: y.label, x: x.label, period }),
      subtitle: size
        ? m.scatter_subtitle_size({
            x: this.axisTitle(x),
            y: this.axisTitle(y),
            size: this.axisTitle(size)
          })
        : m.scatter_subtitle({ x: this.axisTitle(x), y: this.axisTitle(y) }),
      source: datasets.map(sourceLine).join(' · '),
      notes: [
        m.scatter_caveat_causation(),
        ...datasets.flatMap((dataset) => datasetCaveats(dataset)),
        ...(computed ? [m.explore_note_rate_computed({ table: POPULATION_DATASET_ID })] : [])
      ].filter((note, i, all) => all.indexOf(note) === i),
      unit: ''
    };
  });

  readonly shown = $derived(this.text ? withEdits(this.text, this.edits) : null);
  readonly sharedView = $derived<ViewState>({ ...this.view, text: changedText(this.edits) });

  /** Rows of a download: each point's values, one row per measure, flags with them. */
  readonly exportRows = $derived.by<ExportRow[]>(() => {
    const { ready, picture } = this;
    if (!ready || !picture) return [];
    const roles: [Role, PlannedMeasure | null][] = [
      ['x', ready.measures.x],
      ['y', ready.measures.y],
      ['size', ready.measures.size]
    ];
    const drawn: ScatterPoint[] = ready.trails
      ? picture.trails.flatMap((trail) => trail.points)
      : picture.points;
    const all = ready.trails
      ? [...drawn, ...picture.points.filter((p) => !picture.trails.some((t) => t.unit === p.unit))]
      : drawn;
    return all.flatMap((point) =>
      roles
        .filter((entry): entry is [Role, PlannedMeasure] => entry[1] !== null)
        .map(([role, measure]) => ({
          dataset: measure.dataset.id,
          dimensions: [
            { id: 'measure', code: role, label: measure.label },
            { id: 'geo', code: point.unit, label: this.unitName(point.unit) }
          ],
          period: point.period,
          value: role === 'x' ? point.x : role === 'y' ? point.y : point.size,
          unit: measure.unit,
          flag: role === 'x' ? point.xFlag : role === 'y' ? point.yFlag : point.sizeFlag
        }))
    );
  });

  /** How a measure's values are written: as published, or a computed rate to two decimals. */
  formatOf(measure: PlannedMeasure): (value: number) => string {
    return measure.computedRate ? (value) => formatComputed(value, 2) : formatNumber;
  }
}
