import { FOCUS_COUNTRIES } from '$lib/model/focus-countries';
import type { DatasetManifest, DimensionManifest } from '$lib/model/manifest';
import { PERMALINK_VERSION, type ViewState } from './view-state';

/** Shown when a link names no dataset, or one this build does not have. */
export const DEFAULT_DATASET_ID = 'crim_off_cat';

/** Comparators in order of preference; a default view adds the first two that have data. */
export const COMPARATOR_GEO = ['BG', 'HU', 'EU27_2020', 'DE', 'PL'];
const COMPARATORS_SHOWN = 2;

/** Codes that mean “all of them” in Eurostat code lists (`TOTAL` for citizen, `T` for sex). */
const TOTAL_CODES = new Set(['TOTAL', 'T']);

/**
 * Dataset-specific defaults: preferred codes per dimension, first one that the dataset has
 * wins. Dimensions left out follow the general rule (see defaultSelection). Codes are the
 * published ones; if a reader renames them, the entry is skipped, not an error.
 */
export const DATASET_DEFAULTS: Record<string, { selections: Record<string, string[]> }> = {
  // Intentional homicide per 100 000 inhabitants: the most comparable police statistic.
  crim_off_cat: { selections: { iccs: ['ICCS0101'], unit: ['P_HTHAB'] } },
  crim_gen_reg: { selections: { iccs: ['ICCS0101'], unit: ['P_HTHAB'] } },
  crim_just_ctz: { selections: { leg_stat: ['PER_SUSP'], unit: ['P_HTHAB'] } }
};

function isTotal(code: { code: string; label: string }): boolean {
  return TOTAL_CODES.has(code.code.toUpperCase()) || code.label.trim().toLowerCase() === 'total';
}

/** Geo codes for a default view: RO and NO, then up to two comparators, all with data. */
function defaultGeo(dimension: DimensionManifest, withData: ReadonlySet<string>): string[] {
  const known = new Set(dimension.codes.map((c) => c.code));
  const usable = (code: string) => known.has(code) && withData.has(code);
  const picked: string[] = FOCUS_COUNTRIES.filter(usable);
  picked.push(...COMPARATOR_GEO.filter(usable).slice(0, COMPARATORS_SHOWN));
  if (picked.length > 0) return picked;
  const firstWithData = dimension.codes.find((c) => withData.has(c.code)) ?? dimension.codes[0];
  return firstWithData ? [firstWithData.code] : [];
}

/**
 * The default codes of one dimension: the dataset's entry in DATASET_DEFAULTS; for `geo`,
 * RO and NO with two comparators; otherwise the total (`TOTAL`, `T`, or a code labelled
 * “Total”); otherwise the first code.
 */
export function defaultSelection(dataset: DatasetManifest, dimension: DimensionManifest): string[] {
  const codes = new Set(dimension.codes.map((c) => c.code));
  // Own properties only: a dataset or dimension id may be any text, `constructor` included.
  const entry = Object.hasOwn(DATASET_DEFAULTS, dataset.id) ? DATASET_DEFAULTS[dataset.id] : null;
  const listed =
    entry && Object.hasOwn(entry.selections, dimension.id) ? entry.selections[dimension.id] : [];
  const preferred = listed.find((code) => codes.has(code));
  if (preferred) return [preferred];
  if (dimension.id === 'geo') return defaultGeo(dimension, new Set(dataset.geo));
  const total = dimension.codes.find(isTotal);
  if (total) return [total.code];
  return dimension.codes.length > 0 ? [dimension.codes[0].code] : [];
}

export function defaultSelections(dataset: DatasetManifest): Record<string, string[]> {
  return Object.fromEntries(dataset.dimensions.map((d) => [d.id, defaultSelection(dataset, d)]));
}

/**
 * What the explorer shows for a dataset before the user changes anything. Without the
 * manifest nothing can be checked, so no dimension is selected.
 */
export function defaultViewState(datasetId: string, dataset: DatasetManifest | null): ViewState {
  return {
    version: PERMALINK_VERSION,
    dataset: datasetId,
    selections: dataset && dataset.id === datasetId ? defaultSelections(dataset) : {},
    time: null,
    view: 'line',
    transform: 'none',
    base: null,
    scale: 'linear'
  };
}
