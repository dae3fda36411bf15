import type { DataTable } from '$lib/export/data-table';
import type { DatasetManifest } from '$lib/model/manifest';
import type { ViewState } from '$lib/state/view-state';
import type { ExploreAnalysis } from '../analysis.svelte';
import type { ExploreState } from '../explore-state.svelte';
import type { ViewAnnotations } from '../view-annotations.svelte';

/**
 * What the explorer gives every view's component (the `component` of its entry in
 * VIEW_DEFINITIONS, views.ts): one shape, so ExploreView draws whichever view with one tag.
 */
export interface ViewProps {
  /** The query's answer and all worked out from it: series, text, formats, panels. */
  explore: ExploreState;
  /** Breaks, projections and the synthetic control. */
  analysis: ExploreAnalysis;
  /** Events and the reader's notes, as the line chart draws them. */
  notes: ViewAnnotations;
  /** The view asked for, as the link says it (the explorer's state may still show the last). */
  view: ViewState;
  dataset: DatasetManifest;
  /** Id prefix, unique on the page. */
  id: string;
  /** Inside /embed: nothing to pick, edit or share. */
  embedded: boolean;
  /** The table as shown (its order included), for a view whose download holds one. */
  ontable: (table: DataTable | undefined) => void;
  /** The title of a view with its own block (the scatter), for the page that names itself after it. */
  ontitle: (title: string) => void;
  /** Called by a view with its own query once its answer is on screen. */
  onShown?: () => void;
}
