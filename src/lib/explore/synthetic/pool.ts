import { programme } from '$datasets/programme/ro21.json';
import { m } from '$lib/i18n/messages';
import { defaultFirstTreatedYear } from '$lib/indicators/outlook';
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

/**
 * What choosing the synthetic control's tab fills in where the link says nothing: Romania,
 * or else the first unit selected, as the treated unit; the programme's first treated year
 * (as on the programme's pages) when the window has two periods before it and one after, or
 * else the period two thirds into the window. The link then says what is drawn.
 */
export function syntheticDefaults(state: ViewState, dataset: DatasetManifest): Partial<ViewState> {
  const unitId = unitDimension(dataset);
  if (unitId === null) return {};
  const selected = state.selections[unitId] ?? [];
  const treated =
    state.synthetic?.treated ?? (selected.includes('RO') ? 'RO' : (selected[0] ?? null));
  const from = state.time?.from ?? dataset.time.first;
  const to = state.time?.to ?? dataset.time.last;
  const periods = dataset.time.periods.filter((p) => p >= from && p <= to);
  const programmeStart = String(defaultFirstTreatedYear({ programme }));
  const at = periods.indexOf(programmeStart);
  const start =
    state.synthetic?.start ??
    (at >= 2 && at < periods.length - 1
      ? programmeStart
      : periods.length >= 4
        ? periods[Math.floor((periods.length * 2) / 3)]
        : null);
  return { synthetic: { treated, start } };
}
