import type { DatasetManifest, DimensionManifest } from '$lib/catalog/types';
import {
  codeLabelIn,
  datasetCaveatsIn,
  datasetTitleIn,
  dimensionLabelIn,
  type DatasetRef
} from '$lib/reference/dataset-words';
import { getLocale } from './locale.svelte';

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
