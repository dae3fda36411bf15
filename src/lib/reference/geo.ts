/**
 * Eurostat geo codes: labels, and the ways files name a place (English name, ISO 3166
 * alpha-3) mapped back to the code. Eurostat uses EL for Greece and UK for the United Kingdom;
 * every other country's code is its ISO 3166 alpha-2 code.
 */
import { FOCUS_COUNTRIES } from '$lib/model/focus-countries';

import { AGGREGATES, COUNTRIES, COUNTRY_PARTS, WORLD_BANK_GROUPS } from './geo-names';

/**
 * ISO3-style codes that deliberately have no Eurostat geo: World Bank regional, income and
 * lending groups (their membership differs from any Eurostat aggregate, and "EUU" is the EU28
 * in the 2020 bulk CSV but the EU27 in the 2026 API file, so it cannot stand for one code);
 * the Channel Islands (Jersey and Guernsey together); and UNODC's IRQ_C, Iraq without the
 * Kurdistan Region. A reader drops these rows; any other unknown code is an error.
 */
export const ISO3_WITHOUT_GEO: ReadonlySet<string> = new Set([
  ...WORLD_BANK_GROUPS.trim().split(/\s+/),
  'CHI',
  'IRQ_C'
]);

/** Eurostat geo code → English label. */
export const GEO_LABELS: Record<string, string> = Object.fromEntries([
  ...AGGREGATES.map(([code, label]) => [code, label]),
  ...[...COUNTRIES, ...COUNTRY_PARTS].map(([, code, label]) => [code, label])
]);

const GEO_FROM_ISO3 = new Map<string, string>(
  [...COUNTRIES, ...COUNTRY_PARTS].map(([iso3, code]) => [iso3, code])
);

/**
 * The form a name is compared in: files differ in case, accents ("Türkiye"/"Turkiye"),
 * dashes ("Euro area – 20" with an en dash) and apostrophes, never in meaning.
 */
function nameKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

const GEO_FROM_NAME = new Map<string, string>(
  [
    ...AGGREGATES.map(([code, ...names]) => names.map((name) => [name, code] as const)),
    ...[...COUNTRIES, ...COUNTRY_PARTS].map(([, code, ...names]) =>
      names.map((name) => [name, code] as const)
    )
  ]
    .flat()
    .map(([name, code]) => [nameKey(name), code])
);

/** Code for an English country or aggregate name as Eurostat's label files write it, or null. */
export function geoCodeFromName(name: string): string | null {
  return GEO_FROM_NAME.get(nameKey(name)) ?? null;
}

/**
 * Eurostat geo code for an ISO 3166-1 alpha-3 code (GRC → EL, GBR → UK, XKX → XK), or for
 * UNODC's codes of parts of the United Kingdom; null for aggregates and anything unknown.
 */
export function geoCodeFromIso3(iso3: string): string | null {
  return GEO_FROM_ISO3.get(iso3.trim().toUpperCase()) ?? null;
}

const COUNTRY_CODES = new Set(COUNTRIES.map(([, code]) => code));

/** Whether a geo code stands for a whole country (EL, UK and XK included), not an aggregate or a region. */
export function isCountryCode(code: string): boolean {
  return COUNTRY_CODES.has(code);
}

/** Label for a geo code, or the code itself. */
export function geoLabel(code: string): string {
  return GEO_LABELS[code] ?? code;
}

const EU27 = [
  'AT',
  'BE',
  'BG',
  'CY',
  'CZ',
  'DE',
  'DK',
  'EE',
  'EL',
  'ES',
  'FI',
  'FR',
  'HR',
  'HU',
  'IE',
  'IT',
  'LT',
  'LU',
  'LV',
  'MT',
  'NL',
  'PL',
  'PT',
  'RO',
  'SE',
  'SI',
  'SK'
] as const;

/** Sets of countries the dashboard compares, as Eurostat geo codes. */
export const COUNTRY_GROUPS = {
  /** Members of EU27_2020. */
  EU27,
  /**
   * The Schengen area in 2025: every EU member but Ireland and Cyprus, plus Iceland,
   * Liechtenstein, Norway and Switzerland. Romania and Bulgaria joined fully on 1 January
   * 2025, when checks at their internal land borders were lifted (air and sea since March 2024).
   */
  SCHENGEN: [...EU27.filter((code) => code !== 'IE' && code !== 'CY'), 'IS', 'LI', 'NO', 'CH'],
  /** Romania's neighbours. */
  RO_NEIGHBOURS: ['BG', 'HU', 'MD', 'RS', 'UA'],
  PROGRAMME_PAIR: FOCUS_COUNTRIES
} as const satisfies Record<string, readonly string[]>;
