import type { ExportRow } from './rows';

export type ExportExtension = 'csv' | 'xlsx' | 'svg' | 'png';

/** Countries named one by one in a file name before the rest is counted. */
const NAMED_COUNTRIES = 5;

/** Letters, digits, `_` and `-` only: safe on every file system and in a URL. */
function slug(part: string): string {
  return part
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9_-]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

function distinct(values: Iterable<string>): string[] {
  return [...new Set(values)].filter((value) => value !== '');
}

/**
 * A file name that says what is inside: dataset, indicator (the codes of the dimensions
 * other than the countries), countries and years, e.g.
 * `crim_off_cat_ICCS0101_P_HTHAB_RO-NO-BG_2008-2022.csv`. With no rows, `fallback` names it.
 */
export function exportFileName(
  rows: readonly ExportRow[],
  extension: ExportExtension,
  suffix = '',
  fallback = 'cooperare-chart'
): string {
  if (rows.length === 0) return `${slug(fallback)}${suffix ? `_${slug(suffix)}` : ''}.${extension}`;
  const dimensionIds = rows[0].dimensions.map((d) => d.id);
  const codesOf = (id: string) =>
    distinct(rows.map((row) => row.dimensions.find((d) => d.id === id)?.code ?? ''));
  const indicator = dimensionIds
    .filter((id) => id !== 'geo' && id !== 'freq')
    .map((id) => codesOf(id).join('-'));
  const geo = codesOf('geo');
  const countries =
    geo.length > NAMED_COUNTRIES
      ? `${geo.slice(0, NAMED_COUNTRIES).join('-')}-and-${geo.length - NAMED_COUNTRIES}-more`
      : geo.join('-');
  // A compared pair of periods (2010/2023) counts with both its ends.
  const periods = distinct(
    rows.filter((r) => r.value !== null).flatMap((r) => r.period.split('/'))
  ).sort();
  const years =
    periods.length === 0
      ? ''
      : periods[0].slice(0, 4) === periods[periods.length - 1].slice(0, 4)
        ? periods[0].slice(0, 4)
        : `${periods[0].slice(0, 4)}-${periods[periods.length - 1].slice(0, 4)}`;
  const parts = [rows[0].dataset, ...indicator, countries, years, suffix]
    .map(slug)
    .filter((part) => part !== '');
  return `${parts.join('_').slice(0, 180)}.${extension}`;
}
