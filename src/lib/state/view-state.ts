/**
 * What the explorer shows, as plain data. A permalink is this state written as URL
 * parameters (see permalink.ts and docs/permalinks.md); presenters paste those links into
 * reports, so the shape is a public API.
 */

import {
  TRANSFORM_IDS,
  TWO_PERIOD_TRANSFORM_IDS,
  type TransformId
} from '$lib/query/transform/ids';
import type { ReaderAnnotation } from '$lib/model/annotation';
import type { ChartTextEdits } from '$lib/model/chart-text';
import type { ScatterLink } from './scatter-link';

/** Version of the permalink scheme. Raise it only with a migration (migrations.ts). */
export const PERMALINK_VERSION = 2;

export const VIEWS = [
  'line',
  'multiples',
  'bars',
  'slope',
  'map',
  'table',
  'crosstab',
  'scatter',
  'sources',
  'synthetic'
] as const;
export type View = (typeof VIEWS)[number];

export const TRANSFORMS = TRANSFORM_IDS;
export type Transform = TransformId;

export const SCALES = ['linear', 'log'] as const;
export type Scale = (typeof SCALES)[number];

/** Inclusive range of periods in the dataset's own frequency (`2008`, `2009-01`, `2009-Q1`). */
export interface TimeWindow {
  from: string;
  to: string;
}

export interface ViewState {
  /** Permalink scheme version; always PERMALINK_VERSION once a link has been parsed. */
  version: number;
  /** Dataset id as in the manifest (`crim_off_cat`). */
  dataset: string;
  /**
   * Dimension id → selected codes, in the user's order (the first code gets the first
   * colour). Every dimension of the dataset is present once its manifest is known.
   */
  selections: Record<string, string[]>;
  /**
   * Periods shown, inclusive; null for every period the dataset has. Bars and map show
   * `to`; slope, change and CAGR compare `from` with `to`.
   */
  time: TimeWindow | null;
  view: View;
  transform: Transform;
  /** Base period of the index: set when `transform` is `index`, null otherwise. */
  base: string | null;
  scale: Scale;
  /**
   * The presenter's own title, subtitle and notes, when they changed them: absent otherwise.
   * They belong to the chart they were written for, so changing the chart drops them.
   */
  text?: ChartTextEdits;
  /** Readers' annotations (`note=`), in the order they were added; absent when there are none. */
  annotations?: ReaderAnnotation[];
  /** The scatter's y and size measures and trails (view `scatter` only; scatter-link.ts). */
  scatter?: ScatterLink;
  /** `proj=1`: annual line charts carry a projection fan to the present year. Absent: off. */
  projection?: boolean;
  /**
   * The synthetic control's treated unit and first treated period (`treated=`, `start=`), as
   * the link wrote them; the view checks them against the data and says what is wrong.
   */
  synthetic?: SyntheticChoice;
}

export interface SyntheticChoice {
  treated: string | null;
  start: string | null;
}

/** Views and transforms that compare two periods, so they need a window of two or more. */
export const TWO_PERIOD_VIEWS: ReadonlySet<View> = new Set(['slope']);
export const TWO_PERIOD_TRANSFORMS: ReadonlySet<Transform> = new Set(TWO_PERIOD_TRANSFORM_IDS);

/** Views that draw places on a map, so the dataset needs a `geo` dimension. */
export const GEO_VIEWS: ReadonlySet<View> = new Set(['map']);
