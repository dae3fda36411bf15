import type { ChartText } from '$lib/model/chart-text';
import type { ReaderAnnotation } from '$lib/model/annotation';
import type { DatasetManifest } from '$lib/model/manifest';
import type { ViewState } from '$lib/state/view-state';
import { annotationLines, chartAnnotations, downloadLine, eventBand } from './annotations';
import type { ExploreState } from './explore-state.svelte';

/**
 * The annotations of one explorer view: the events it concerns and the reader's own notes,
 * as the line chart draws them, the list under it words them, and the link, the embed and the
 * downloads carry them. The notes are the link's, then what the reader adds; another dataset
 * starts afresh.
 */
export class ViewAnnotations {
  readerNotes: ReaderAnnotation[] = $state([]);
  /** A period picked on the chart, with a count that changes on each pick. */
  picked: { period: string; count: number } | null = $state(null);
  private notesOf: string;

  constructor(
    private readonly context: () => {
      view: ViewState;
      dataset: DatasetManifest;
      explore: ExploreState;
    }
  ) {
    const { view, dataset } = context();
    this.readerNotes = view.annotations ?? [];
    this.notesOf = dataset.id;
  }

  /** Called when the view shown changes: a new dataset takes the link's notes, or none. */
  follow(view: ViewState, dataset: DatasetManifest): void {
    if (dataset.id === this.notesOf) return;
    this.notesOf = dataset.id;
    this.readerNotes = view.annotations ?? [];
  }

  pick(period: string): void {
    this.picked = { period, count: (this.picked?.count ?? 0) + 1 };
  }

  remove(index: number): void {
    this.readerNotes = this.readerNotes.filter((_, i) => i !== index);
  }

  /** Events and notes are drawn on the line chart, whose x axis is time. */
  readonly onTimeAxis = $derived.by(() => {
    const { view, explore } = this.context();
    return view.view === 'line' && !explore.onePerSeries;
  });
  private readonly filters = $derived.by(
    () => this.context().explore.ready?.plan.request.filters ?? {}
  );

  readonly marks = $derived.by(() => {
    const { dataset, explore } = this.context();
    if (!explore.ready) return [];
    const { from, to } = explore.ready.plan;
    return chartAnnotations(
      dataset,
      this.onTimeAxis ? this.filters : {},
      { from, to },
      explore.ready.plan.seriesBy,
      explore.series,
      this.readerNotes
    );
  });
  readonly band = $derived.by(() => {
    const { dataset, explore } = this.context();
    if (!this.onTimeAxis || !explore.ready) return undefined;
    const { from, to } = explore.ready.plan;
    return eventBand(dataset, this.filters, { from, to });
  });
  readonly lines = $derived.by(() => {
    const { explore } = this.context();
    return annotationLines(
      this.marks,
      this.band,
      (key) => explore.series.find((s) => s.key === key)?.label ?? key
    );
  });

  /** The view as its link and embed carry it. */
  readonly sharedView = $derived.by<ViewState>(() => ({
    ...this.context().explore.sharedView,
    annotations: this.readerNotes.length > 0 ? $state.snapshot(this.readerNotes) : undefined
  }));
  /** The chart's text as its downloads carry it, with a line per annotation. */
  readonly sharedText = $derived.by<ChartText | null>(() => {
    const { shown } = this.context().explore;
    if (!shown) return null;
    return this.lines.length > 0 ? { ...shown, annotations: this.lines.map(downloadLine) } : shown;
  });
}
