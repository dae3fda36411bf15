import type { DatasetManifest } from '$lib/model/manifest';
import { linkNote, type LinkNote } from './link-note';
import { quotedValue } from './note-text';
import type { ViewState } from './view-state';

/**
 * The explorer's analysis parameters: `proj=1` (a projection fan on annual line charts) and,
 * for `view=synthetic`, `treated=<code>` and `start=<first treated period>`. They are new in
 * version 1 of the scheme and optional, so a link without them opens as it always did.
 */
export const ANALYSIS_PARAMS = ['proj', 'treated', 'start'] as const;

/**
 * The dimension whose codes are the synthetic control's units: `geo` when the dataset has it,
 * else the first dimension with more than one code. Null for a dataset without one.
 */
export function unitDimension(dataset: DatasetManifest): string | null {
  if (dataset.dimensions.some((d) => d.id === 'geo')) return 'geo';
  return dataset.dimensions.find((d) => d.codes.length > 1)?.id ?? null;
}

function single(params: URLSearchParams, name: string): string | null {
  const value = params
    .getAll(name)
    .map((v) => v.trim())
    .find((v) => v !== '');
  return value ?? null;
}

/**
 * Reads the analysis parameters into `state` (whose view and selections are read already).
 * `hadUnits` says whether the link chose units itself: a synthetic control without a choice
 * takes every unit with data as its donors, so the selection is then the treated unit alone.
 */
export function readAnalysisParams(
  params: URLSearchParams,
  state: ViewState,
  dataset: DatasetManifest | null,
  notes: LinkNote[]
): void {
  const proj = single(params, 'proj');
  if (proj === '1' || proj?.toLowerCase() === 'true') state.projection = true;
  else if (proj !== null && proj !== '0')
    notes.push(linkNote('analysis_note_bad_proj', { value: quotedValue(proj) }));

  if (state.view !== 'synthetic') return;
  const unitId = dataset ? unitDimension(dataset) : 'geo';
  const raw = single(params, 'treated');
  const codes = dataset?.dimensions.find((d) => d.id === unitId)?.codes ?? [];
  const treated =
    raw === null
      ? null
      : ((
          codes.find((c) => c.code === raw) ??
          codes.find((c) => c.code.toLowerCase() === raw.toLowerCase())
        )?.code ?? raw);
  const start = single(params, 'start');
  if (treated !== null || start !== null) state.synthetic = { treated, start };
  const hadUnits = unitId !== null && params.getAll(unitId).some((v) => v.trim() !== '');
  if (unitId && dataset && !hadUnits && codes.some((c) => c.code === treated))
    state.selections[unitId] = [treated as string];
}

/** Writes the analysis parameters of `state`, in the scheme's order: proj, treated, start. */
export function writeAnalysisParams(params: URLSearchParams, state: ViewState): void {
  if (state.projection) params.set('proj', '1');
  if (state.view !== 'synthetic' || !state.synthetic) return;
  if (state.synthetic.treated) params.set('treated', state.synthetic.treated);
  if (state.synthetic.start) params.set('start', state.synthetic.start);
}
