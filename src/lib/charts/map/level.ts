/** NUTS levels: 0 = country, 1–3 = ever smaller regions (RO = România, RO1, RO11, RO111). */
export const NUTS_LEVELS = [0, 1, 2, 3] as const;
export type NutsLevel = (typeof NUTS_LEVELS)[number];

/** datasets/geo/nuts2.json and so on: the geometry build writes them, the map reads them. */
export function geometryFileName(level: NutsLevel): string {
  return `nuts${level}.json`;
}

/**
 * Eurostat's groups of countries (EU27_2020, EA19, EU28, EFTA) are not places on a map;
 * EA19 and EU28 would otherwise pass for level-2 codes.
 */
export function isCountryGroup(code: string): boolean {
  return code.includes('_') || /^(EU|EA|EFTA|EEA)/.test(code);
}

/** The NUTS level a code names by its length, or null when it is no NUTS code. */
export function nutsLevelOf(code: string): NutsLevel | null {
  if (isCountryGroup(code) || !/^[A-Z]{2}[0-9A-Z]{0,3}$/.test(code)) return null;
  return (code.length - 2) as NutsLevel;
}

/**
 * The level most of the codes belong to; a tie goes to the finer level, where a selection of
 * regions plus their country total (RO321…, RO) means the regions. Without NUTS codes: 0.
 */
export function detectLevel(codes: readonly string[]): NutsLevel {
  const counts = [0, 0, 0, 0];
  for (const code of codes) {
    const level = nutsLevelOf(code);
    if (level !== null) counts[level]++;
  }
  let best: NutsLevel = 0;
  for (const level of NUTS_LEVELS)
    if (counts[level] > 0 && counts[level] >= counts[best]) best = level;
  return best;
}
