import { m } from '$lib/i18n/paraglide/messages.js';
import type { DatasetManifest } from '$lib/model/manifest';
import { unitDimension } from '$lib/state/analysis-params';
import type { ViewState } from '$lib/state/view-state';

/**
 * The units a synthetic control is drawn from: the treated unit and the unit selection
 * (`geo=`), or every unit of the dataset when the selection holds the treated unit alone, so
 * that the donors are then every unit with complete data before the start.
 */
export function syntheticUnits(state: ViewState, dataset: DatasetManifest): string[] | null {
  const unitId = unitDimension(dataset);
  if (unitId === null) return null;
  const treated = state.synthetic?.treated ?? null;
  const chosen = (state.selections[unitId] ?? []).filter((code) => code !== treated);
  const codes = dataset.dimensions.find((d) => d.id === unitId)?.codes.map((c) => c.code) ?? [];
  if (chosen.length === 0) return codes;
  return treated && codes.includes(treated) ? [treated, ...chosen] : chosen;
}

/** The donors chosen: the unit selection without the treated unit; empty for every unit. */
export function chosenDonors(state: ViewState, dataset: DatasetManifest): string[] {
  const unitId = unitDimension(dataset);
  const treated = state.synthetic?.treated ?? null;
  return unitId ? (state.selections[unitId] ?? []).filter((code) => code !== treated) : [];
}

/**
 * The selections a synthetic control queries: its units in the unit dimension, the others
 * as chosen. Any other view queries the selections as they are.
 */
export function querySelections(
  state: ViewState,
  dataset: DatasetManifest
): Record<string, string[]> {
  const units = state.view === 'synthetic' ? syntheticUnits(state, dataset) : null;
  const unitId = unitDimension(dataset);
  if (units === null || unitId === null) return state.selections;
  return { ...state.selections, [unitId]: units };
}

/**
 * The units a synthetic control's subtitle names: the treated one and the donors chosen, or
 * the treated one and “every other unit with data” when none is chosen (a list of forty
 * countries says less).
 */
export function syntheticUnitsNamed(
  state: ViewState,
  dataset: DatasetManifest,
  name: (code: string) => string
): string[] {
  const treated = state.synthetic?.treated;
  const donors = chosenDonors(state, dataset);
  return [
    ...(treated ? [name(treated)] : []),
    ...(donors.length > 0 ? donors.map(name) : [m.analysis_synthetic_every_unit()])
  ];
}
