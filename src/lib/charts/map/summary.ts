import { formatNumber, lowerInitial, m, describeFlagLocalised } from '$lib/i18n';

/** One place on or beside the map, with the name a reader knows it by. */
export interface MapEntry {
  geo: string;
  name: string;
  value: number | null;
  flag: string | null;
}

export interface MapExtremes {
  highest: MapEntry & { value: number };
  lowest: MapEntry & { value: number };
}

const valued = (e: MapEntry): e is MapEntry & { value: number } => e.value !== null;

/** Highest and lowest valued region (ties go to the code first in order), or null. */
export function extremes(entries: readonly MapEntry[]): MapExtremes | null {
  const sorted = entries
    .filter(valued)
    .sort((a, b) => a.value - b.value || a.geo.localeCompare(b.geo, 'en'));
  if (sorted.length === 0) return null;
  const top = sorted[sorted.length - 1].value;
  return { highest: sorted.find((e) => e.value === top)!, lowest: sorted[0] };
}

/** The entries from the highest value to the lowest, those without one last, ties by code. */
export function highestFirst(entries: readonly MapEntry[]): MapEntry[] {
  return [...entries].sort(
    (a, b) => (b.value ?? -Infinity) - (a.value ?? -Infinity) || a.geo.localeCompare(b.geo, 'en')
  );
}

/** The flag letters the entries carry, each once, in alphabetical order, for the legend. */
export function flagLettersOf(entries: readonly MapEntry[]): string[] {
  return [...new Set(entries.flatMap((e) => (e.flag ? [...e.flag] : [])))].sort();
}

/** How a value is written: as published, or with the few digits a computed value keeps. */
export type ValueFormat = (value: number) => string;

/** "1 234 per 100 000 inhabitants (p: provisional)"; "no data (c: confidential)". */
export function valueText(
  entry: MapEntry,
  unit: string,
  format: ValueFormat = formatNumber
): string {
  const number =
    entry.value === null
      ? m.map_no_data()
      : unit
        ? `${format(entry.value)} ${lowerInitial(unit)}`
        : format(entry.value);
  return entry.flag ? `${number} (${entry.flag}: ${describeFlagLocalised(entry.flag)})` : number;
}

/**
 * The map in words, for screen readers and for anyone who cannot tell the colours apart:
 * the highest and lowest region, Romania's value when the data has one, and how many of the
 * drawn regions have a value.
 */
export function mapSummaryText(
  regions: readonly MapEntry[],
  romania: MapEntry | null,
  unit: string,
  period: string,
  format: ValueFormat = formatNumber
): string {
  const range = extremes(regions);
  if (!range) return m.map_summary_empty({ period });
  const parts = [
    m.map_summary_range({
      period,
      highest: range.highest.name,
      highestValue: valueText(range.highest, unit, format),
      lowest: range.lowest.name,
      lowestValue: valueText(range.lowest, unit, format)
    })
  ];
  if (romania && romania.value !== null)
    parts.push(
      m.map_summary_romania({ name: romania.name, value: valueText(romania, unit, format) })
    );
  parts.push(
    m.map_summary_count({
      count: regions.filter(valued).length,
      total: regions.length
    })
  );
  return parts.join(' ');
}
