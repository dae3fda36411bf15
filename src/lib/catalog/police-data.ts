import type { DatasetManifest } from '../model/manifest';

/**
 * The caveat the datasets build gives every table of police-recorded offences or suspects
 * (Eurostat crim_*, the UNODC Crime Trends Survey). It is the manifest's own word that a
 * table is police-recorded crime, so pages read it from there rather than from a list of ids.
 */
export const POLICE_DATA_CAVEAT =
  'Police-recorded crime: definitions and recording practice differ between countries, so levels are not comparable between countries; compare trends.';

export function isPoliceRecorded(dataset: Pick<DatasetManifest, 'caveats'>): boolean {
  return dataset.caveats.includes(POLICE_DATA_CAVEAT);
}
