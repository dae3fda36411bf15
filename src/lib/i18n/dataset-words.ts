import type { DatasetManifest, DimensionManifest } from '$lib/model/manifest';
import {
  codeLabelIn,
  datasetCaveatsIn,
  datasetTitleIn,
  dimensionLabelIn,
  type DatasetRef
} from '$lib/reference/dataset-words';
// Paraglide's getLocale, which locale.svelte.ts points at the locale rune in the browser: a
// language switch still renames everything, and this module also runs under Node (the build's
// snapshots plan explorer views with it), where a rune file cannot be loaded.
import { getLocale } from './paraglide/runtime.js';

// As with placeName, the locale is read at display time: a language switch renames titles,
// pickers, captions and downloads without a reload.

/** A dataset's title in the interface language. */
export function datasetTitle(dataset: Pick<DatasetManifest, 'id' | 'origin' | 'title'>): string {
  return datasetTitleIn(dataset, getLocale());
}

/** A dataset's caveats in the interface language. */
export function datasetCaveats(
  dataset: Pick<DatasetManifest, 'id' | 'origin' | 'caveats'>
): string[] {
  return datasetCaveatsIn(dataset, getLocale());
}

/** A dimension's name in the interface language. */
export function dimensionName(
  dataset: DatasetRef,
  dimension: Pick<DimensionManifest, 'id' | 'label'>
): string {
  return dimensionLabelIn(dataset, dimension, getLocale());
}

/** How a dimension's code is named on screen, in the interface language. */
export function codeName(
  dataset: DatasetRef | null,
  dimensionId: string,
  code: string,
  datasetLabel: string
): string {
  return codeLabelIn(dataset, dimensionId, code, datasetLabel, getLocale());
}
