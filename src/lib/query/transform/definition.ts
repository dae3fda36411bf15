import type { DatasetManifest } from '$lib/model/manifest';
import type { SeriesRequest } from '../series';
import type { HeldSeries, PageAnswer } from './page-parts';

/** What a transform is given to choose its SQL: the view's query and window. */
export interface TransformContext {
  dataset: DatasetManifest;
  request: SeriesRequest;
  /** The window's first and last period (the dataset's when the view shows all periods). */
  from: string;
  to: string;
  /** The index's base period, when the view has one. */
  base: string | null;
  /** The population dataset's manifest, when a rate may be computed from it. */
  population: DatasetManifest | null;
}

/** What a transform's values are measured in, for titles and the table's unit. */
export interface UnitContext {
  /** The unit the dataset publishes, in the reader's language. */
  published: string;
  from: string;
  to: string;
  base: string | null;
  /** A rate worked out from the population rather than published. */
  computedRate: boolean;
}

/**
 * One transform of the explorer: a file under query/transform/ exports one, and the list in
 * query/transforms.ts names it. `Spec` is what its SQL needs, worked out once per view.
 */
export interface TransformDefinition<Spec extends { kind: string }> {
  id: Spec['kind'];
  /** Its name in the transform menu. */
  label: () => string;
  unit: (context: UnitContext) => string;
  /** Digits a computed value keeps; null for values shown as published. */
  decimals: (computedRate: boolean) => number | null;
  /**
   * Compares two periods: one value per series rather than a series over time, and a window
   * of two periods or more.
   */
  comparesTwoPeriods: boolean;
  /**
   * Its values are percentages (a change in %), so the change between two of them is said in
   * percentage points: from 12.53 % to −2.18 % is −14.71 points, not −117 %.
   */
  valuesArePercentages: boolean;
  /** The spec for a view, or the reason, in the reader's language, why there is none. */
  spec: (context: TransformContext) => Spec | { error: string };
  sql: (request: SeriesRequest, spec: Spec) => { sql: string } | { error: string };
  /**
   * Its SQL's twin in the page: the same rows from series the page holds (every period of
   * each series the request selects), so a change that only re-slices them needs no engine.
   * Absent when the transform needs other data (a rate: the population).
   */
  inPage?: (series: readonly HeldSeries[], request: SeriesRequest, spec: Spec) => PageAnswer;
  /** Its SQL on the selection, run once while the reader looks at the first chart. */
  warmUp: (request: SeriesRequest, from: string, to: string) => string | null;
}
