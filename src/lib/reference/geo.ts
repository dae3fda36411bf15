/**
 * Eurostat geo codes: labels, and the ways files name a country (English name, ISO 3166
 * alpha-3) mapped back to the code. Eurostat uses EL for Greece and UK for the United Kingdom.
 *
 * STUB: the full table is being written; the API below is the stable one.
 */

/** Eurostat geo code → English label. */
export const GEO_LABELS: Record<string, string> = {
  RO: 'Romania',
  NO: 'Norway'
};

/** Code for an English country or aggregate name as Eurostat's label files write it, or null. */
export function geoCodeFromName(name: string): string | null {
  const wanted = name.trim().toLowerCase();
  for (const [code, label] of Object.entries(GEO_LABELS))
    if (label.toLowerCase() === wanted) return code;
  return null;
}

/** Eurostat geo code for an ISO 3166-1 alpha-3 code (GRC → EL, GBR → UK), or null. */
export function geoCodeFromIso3(iso3: string): string | null {
  return { ROU: 'RO', NOR: 'NO' }[iso3.toUpperCase()] ?? null;
}

/** Label for a geo code, or the code itself. */
export function geoLabel(code: string): string {
  return GEO_LABELS[code] ?? code;
}
