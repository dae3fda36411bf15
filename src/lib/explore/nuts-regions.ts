import { detectLevel, isCountryGroup, nutsLevelOf, type NutsLevel } from '$lib/charts/map/level';

/**
 * The regions of a dataset's NUTS codes, by country and level: what the unit picker offers as
 * "all regions of Romania at NUTS level 3", and what a regional map draws around a selection.
 */

/**
 * Extra-Regio codes (DEZ, DEZZ, DEZZZ) hold what no region can (the continental shelf,
 * embassies): they are no place of a country's map, nor one of its regions.
 */
export function isExtraRegio(code: string): boolean {
  return /^[A-Z]{2}Z+$/.test(code);
}

/** Codes of one country (its two letters) at one NUTS level, Extra-Regio left out. */
export function regionsAt(codes: readonly string[], country: string, level: NutsLevel): string[] {
  return codes.filter(
    (code) => code.startsWith(country) && nutsLevelOf(code) === level && !isExtraRegio(code)
  );
}

export interface RegionPreset {
  /** The country's code, its two letters (RO). */
  country: string;
  /** The NUTS levels below the country that the dataset has regions at, finest last. */
  levels: { level: NutsLevel; count: number }[];
}

/**
 * The countries that have regions (NUTS 1 to 3) in `codes`, with the levels they have them at,
 * in the codes' order. A dataset of countries only has none, and the picker offers no preset.
 */
export function regionPresets(codes: readonly string[]): RegionPreset[] {
  const byCountry = new Map<string, number[]>();
  for (const code of codes) {
    const level = nutsLevelOf(code);
    if (level === null || level === 0 || isExtraRegio(code)) continue;
    const country = code.slice(0, 2);
    const counts = byCountry.get(country) ?? [0, 0, 0, 0];
    counts[level]++;
    byCountry.set(country, counts);
  }
  return [...byCountry].map(([country, counts]) => ({
    country,
    levels: ([1, 2, 3] as const)
      .filter((level) => counts[level] > 0)
      .map((level) => ({ level, count: counts[level] }))
  }));
}

/**
 * Whether a table is one of regions: more NUTS 1–3 codes than countries. A table of countries
 * that also has the United Kingdom's parts (UKM, UKN) is not, and offers no presets.
 */
export function isRegional(codes: readonly string[]): boolean {
  let regions = 0;
  let countries = 0;
  for (const code of codes) {
    const level = nutsLevelOf(code);
    if (level === 0) countries++;
    else if (level !== null && !isExtraRegio(code)) regions++;
  }
  return regions > countries;
}

/**
 * The places a map of `selected` draws: every code of the dataset at the selection's level, in
 * the countries the selection reaches there (all countries for a map of countries), and the
 * selection itself. So every place with data is coloured, the selection only highlighted,
 * and a map of Romania's counties stays a map of Romania.
 */
export function mapPlaces(codes: readonly string[], selected: readonly string[]): string[] {
  const level = detectLevel(selected);
  const countries = new Set(
    selected.filter((code) => nutsLevelOf(code) === level).map((code) => code.slice(0, 2))
  );
  const around = codes.filter(
    (code) =>
      !isCountryGroup(code) &&
      !isExtraRegio(code) &&
      nutsLevelOf(code) === level &&
      (level === 0 || countries.has(code.slice(0, 2)))
  );
  const chosen = new Set(selected);
  return [...selected, ...around.filter((code) => !chosen.has(code))];
}
