import type { DatasetManifest } from '$lib/model/manifest';
import { PERMALINK_VERSION, type ViewState } from '$lib/state/view-state';
import { HOME_VIEW } from './home-view';

/** The home chart as an explorer view, so its link and embed open the same chart. */
export function homeViewState(dataset: DatasetManifest | null): ViewState {
  const selections: Record<string, string[]> = {};
  for (const dimension of dataset?.dimensions ?? [])
    if (dimension.codes.length === 1) selections[dimension.id] = [dimension.codes[0].code];
  for (const [id, codes] of Object.entries(HOME_VIEW.filters)) selections[id] = [...codes];
  return {
    version: PERMALINK_VERSION,
    dataset: HOME_VIEW.table,
    selections,
    time: { from: HOME_VIEW.timeFrom, to: HOME_VIEW.timeTo },
    view: 'line',
    transform: 'none',
    base: null,
    scale: 'linear'
  };
}
