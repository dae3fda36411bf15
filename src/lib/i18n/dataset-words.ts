import type { DatasetManifest, DimensionManifest } from '$lib/model/manifest';
import { loadedDatasetWords } from './dataset-words-files';
import { geoName } from './place-names';
// Paraglide's getLocale rather than locale.svelte.ts's, for the reason place-names.ts gives.
import { baseLocale, getLocale, type Locale } from './paraglide/runtime.js';

/** What a dataset's words are looked up by: its id, and whether the app ships it. */
export type DatasetRef = Pick<DatasetManifest, 'id' | 'origin'>;

/** The part of a message key a code gives: `P_HTHAB` → `p_hthab`, `SP.POP.TOTL` → `sp_pop_totl`. */
function keyPart(code: string): string {
  return code
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '');
}

export const titleKey = (datasetId: string) => `data_title_${keyPart(datasetId)}`;
export const caveatKey = (datasetId: string, index: number) =>
  `data_caveat_${keyPart(datasetId)}_${index + 1}`;
export const dimensionKey = (dimensionId: string) => `data_dim_${keyPart(dimensionId)}`;

/**
 * A code's keys, most particular first: one dataset's own wording (where two datasets label the
 * same code differently, e.g. `JAN` in demo_gind and tps00001), then the one for every dataset.
 */
export const codeKeys = (datasetId: string, dimensionId: string, code: string) => [
  `data_code_${keyPart(datasetId)}_${keyPart(dimensionId)}_${keyPart(code)}`,
  `data_code_${keyPart(dimensionId)}_${keyPart(code)}`
];

/**
 * The translation of `english` under the first of `keys` whose English is exactly `english`.
 * An entry whose English no longer matches the manifest (the dataset was rebuilt with new
 * wording) is not used: the reader then sees the dataset's own words, never a stale translation.
 */
function translate(
  dataset: DatasetRef | null,
  keys: readonly string[],
  english: string,
  locale: Locale
): string | undefined {
  // An imported dataset may reuse a shipped id or code with another meaning; only the
  // shipped datasets' words were translated.
  if (dataset?.origin !== 'shipped') return undefined;
  const words = loadedDatasetWords(locale);
  if (!words) return undefined;
  for (const key of keys) {
    const entry = words[key];
    if (entry?.en === english) return entry[locale];
  }
  return undefined;
}

/** A dataset's title in `locale`, or its manifest title when it has no translation. */
export function datasetTitleIn(dataset: DatasetRef & { title: string }, locale: Locale): string {
  if (locale === baseLocale) return dataset.title;
  return translate(dataset, [titleKey(dataset.id)], dataset.title, locale) ?? dataset.title;
}

/** A dataset's caveats in `locale`, each falling back to the manifest's own sentence. */
export function datasetCaveatsIn(
  dataset: DatasetRef & { caveats: readonly string[] },
  locale: Locale
): string[] {
  if (locale === baseLocale) return [...dataset.caveats];
  return dataset.caveats.map(
    (caveat, i) => translate(dataset, [caveatKey(dataset.id, i)], caveat, locale) ?? caveat
  );
}

/** A dimension's name in `locale`, or the dataset's own label for it. */
export function dimensionLabelIn(
  dataset: DatasetRef,
  dimension: Pick<DimensionManifest, 'id' | 'label'>,
  locale: Locale
): string {
  if (locale === baseLocale) return dimension.label;
  return (
    translate(dataset, [dimensionKey(dimension.id)], dimension.label, locale) ?? dimension.label
  );
}

/**
 * A code's name in `locale`. Places (`geo`) and countries of citizenship are named as geoName
 * names them; the few citizenship codes that are not countries (TOTAL, FOR, stateless …) and
 * the codes of the other dimensions come from the dataset words, else the dataset's label. `dataset` is
 * null for a chart drawn from no catalogued dataset (an SQL result).
 */
export function codeLabelIn(
  dataset: DatasetRef | null,
  dimensionId: string,
  code: string,
  datasetLabel: string,
  locale: Locale
): string {
  if (dimensionId === 'geo') return geoName(code, locale, datasetLabel);
  if (locale === baseLocale) return datasetLabel;
  const keys = dataset ? codeKeys(dataset.id, dimensionId, code) : [];
  const translated = translate(dataset, keys, datasetLabel, locale);
  if (translated !== undefined) return translated;
  return dimensionId === 'citizen' ? geoName(code, locale, datasetLabel) : datasetLabel;
}

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
