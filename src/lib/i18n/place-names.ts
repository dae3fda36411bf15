import { geoLabel, isCountryCode } from '$lib/reference/geo';
import { m } from './messages';
// Paraglide's getLocale, which locale.svelte.ts points at the locale rune in the browser: a
// language switch still renames everything, and this module also runs under Node (the build's
// snapshots plan explorer views with it), where a rune file cannot be loaded.
import { baseLocale, getLocale, type Locale } from './paraglide/runtime.js';

type AggregateName = (inputs?: object, options?: { locale?: Locale }) => string;

/**
 * Places whose names no platform knows: Eurostat's aggregates, and the three parts of the
 * United Kingdom its crime tables and UNODC's workbooks report on their own.
 */
const NAMED_IN_MESSAGES: Record<string, AggregateName> = {
  EU27_2020: m.geo_eu27_2020,
  EU28: m.geo_eu28,
  EU27_2007: m.geo_eu27_2007,
  EA: m.geo_ea,
  EA18: m.geo_ea18,
  EA19: m.geo_ea19,
  EA20: m.geo_ea20,
  EFTA: m.geo_efta,
  FX: m.geo_fx,
  'UKC-L': m.geo_ukc_l,
  UKM: m.geo_ukm,
  UKN: m.geo_ukn
};

/** Eurostat writes EL and UK where ISO 3166, and so Intl, has GR and GB. */
const ISO_REGION: Record<string, string> = { EL: 'GR', UK: 'GB' };

const regionNames = new Map<Locale, Intl.DisplayNames>();

function countryName(code: string, locale: Locale): string | undefined {
  let names = regionNames.get(locale);
  if (!names) {
    // 'none' makes a region the platform has no name for come back undefined, not as its code.
    names = new Intl.DisplayNames(locale, { type: 'region', fallback: 'none' });
    regionNames.set(locale, names);
  }
  return names.of(ISO_REGION[code] ?? code);
}

/**
 * A geo code's name in `locale`. `datasetLabel` is what the dataset itself calls the place.
 *
 * English shows what it always has: the dataset's label (Eurostat's short names, "Kosovo*",
 * UNODC's "Netherlands (Kingdom of the)"), else the app's own English label; Intl's English
 * differs ("Bosnia & Herzegovina", "Hong Kong SAR China"), so it is not asked. Other languages
 * name countries through the platform's Intl.DisplayNames (nothing to ship) and aggregates
 * through messages; regions (NUTS names are proper nouns) and an imported file's own codes keep
 * the dataset's label, then the code.
 */
export function geoName(code: string, locale: Locale, datasetLabel?: string): string {
  if (locale === baseLocale && datasetLabel) return datasetLabel;
  const message = NAMED_IN_MESSAGES[code];
  if (message) return message({}, { locale });
  if (locale !== baseLocale && isCountryCode(code)) {
    const name = countryName(code, locale);
    if (name) return name;
  }
  return datasetLabel ?? geoLabel(code);
}

/**
 * A place's name in the interface language. Reading the locale here, at display time, is what
 * renames every chart, picker and download on a language switch without a reload.
 */
export function placeName(code: string, datasetLabel?: string): string {
  return geoName(code, getLocale(), datasetLabel);
}
