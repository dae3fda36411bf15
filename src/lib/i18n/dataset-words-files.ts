import type { Locale } from './paraglide/runtime.js';

/**
 * The shipped datasets' words in one language: key → the English text it translates (the
 * manifest's own words) and the translation. English needs none: the manifests are English.
 * They live in messages/dataset-words.<locale>.json, apart from the interface's messages, so a
 * page in English never downloads them; this module imports nothing else, so the app's entry
 * can start the download without loading the messages.
 */
export type DatasetWords = Readonly<
  Record<string, Readonly<{ en: string } & Partial<Record<Locale, string>>>>
>;

const WORD_FILES: Partial<Record<Locale, () => Promise<{ default: DatasetWords }>>> = {
  ro: () => import('../../../messages/dataset-words.ro.json')
};
const loaded = new Map<Locale, DatasetWords>();

/**
 * Fetches the dataset words of `locale`, once. The page awaits it before it first renders in
 * that language and before the language switch changes it, so lookups never wait; a word not
 * loaded (yet, or at all) reads as the manifest's own.
 */
export async function loadDatasetWords(locale: Locale): Promise<void> {
  const file = WORD_FILES[locale];
  if (!file || loaded.has(locale)) return;
  loaded.set(locale, (await file()).default);
}

/** The dataset words of `locale`, if they have been loaded. */
export function loadedDatasetWords(locale: Locale): DatasetWords | undefined {
  return loaded.get(locale);
}
