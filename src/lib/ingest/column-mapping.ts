/**
 * What a user's own table looks like and how its columns are mapped: the types the import flow
 * and its form share, a first guess at the mapping from the column names, and its checks.
 */

import { EXPECTED_PERIOD, normalisePeriod } from '$lib/model/period';
import type { SourceFormat } from '$lib/model/manifest';
import { IngestError } from './types';

export type Delimiter = ',' | ';' | '\t' | '|';

/** What the first lines of a table show: enough to ask the user for a mapping. */
export interface PlainTable {
  fileName: string;
  format: SourceFormat;
  delimiter: Delimiter;
  header: string[];
  /** The first data rows as written, for the mapping form. */
  sample: string[][];
}

/** Which columns hold what; columns left out of every role are not imported. */
export interface ColumnMapping {
  /** `long`: one observation per row; `wide`: one column per period. */
  layout: 'long' | 'wide';
  /** Long form: the column of periods. */
  time: string | null;
  /** Long form: the column of values. */
  value: string | null;
  /** The column of flags (long form only), or null. */
  flag: string | null;
  /** Columns that name what a value is about (country, offence, unit…), in order. */
  dimensions: string[];
  /**
   * The dimension column of places, whatever its heading (`cod_nuts`, `country`): NUTS or
   * country codes, or country names. It becomes the `geo` dimension, so coverage counts its
   * places and the map draws them. Without it only a column headed `geo` is one.
   */
  geo?: string | null;
  /**
   * Columns that name the codes of another: dimension column → its label column (`cod_nuts`
   * → `region`). A label column is no dimension itself; each code takes its first label.
   */
  labels?: Record<string, string>;
  /**
   * Long form: value columns beside `value`, imported with it as one dataset. Each value
   * column becomes a code of an `indicator` dimension, named by its heading.
   */
  moreValues?: string[];
}

/** The id of the dimension whose codes are the value columns of a table with several. */
export const INDICATOR_DIMENSION = 'indicator';

const TIME_NAMES = /^(time|time_period|period|year|years|date|an|anul|perioada|perioadă)$/i;
const VALUE_NAMES = /^(value|values|obs_value|val|valoare|amount|count|number)$/i;
const FLAG_NAMES = /^(flag|flags|obs_flag|status|obs_status|flag and footnotes)$/i;
const GEO_NAMES =
  /^(geo|geo_code|country|country_code|countries|nuts|nuts_code|nuts_id|cod_nuts|region|region_code|tara|țara|regiune|judet|județ)$/i;

/** Headings that are periods (`2008`, `2009M01`), the value columns of a wide table. */
export function periodColumns(header: readonly string[], mapping: ColumnMapping): string[] {
  return header.filter(
    (name) => !mapping.dimensions.includes(name) && normalisePeriod(name) !== null
  );
}

/** A first guess at the mapping from the column names, for the user to confirm or change. */
export function suggestMapping(header: readonly string[]): ColumnMapping {
  const find = (pattern: RegExp) => header.find((name) => pattern.test(name.trim())) ?? null;
  const time = find(TIME_NAMES);
  const value = find(VALUE_NAMES);
  const flag = find(FLAG_NAMES);
  const periods = header.filter((name) => normalisePeriod(name) !== null);
  const places = (dimensions: string[]) =>
    dimensions.find((name) => GEO_NAMES.test(name.trim())) ?? null;
  if (!(time && value) && periods.length >= 2) {
    const dimensions = header.filter((name) => normalisePeriod(name) === null);
    return {
      layout: 'wide',
      time: null,
      value: null,
      flag: null,
      dimensions,
      geo: places(dimensions)
    };
  }
  const roles = new Set([time, value, flag]);
  const dimensions = header.filter((name) => !roles.has(name));
  return { layout: 'long', time, value, flag, dimensions, geo: places(dimensions) };
}

/** Every column a mapping names, each as often as it is given a role. */
function namedColumns(mapping: ColumnMapping): string[] {
  return [
    mapping.time,
    mapping.value,
    mapping.flag,
    ...mapping.dimensions,
    ...Object.values(mapping.labels ?? {}),
    ...(mapping.moreValues ?? [])
  ].filter((name): name is string => name !== null);
}

/**
 * Checks a mapping against the header: every named column exists, long form has a period
 * and a value column, wide form has period columns, and no column has two roles.
 */
export function checkMapping(
  header: readonly string[],
  mapping: ColumnMapping,
  fileName: string
): void {
  const named = namedColumns(mapping);
  const unknown = named.filter((name) => !header.includes(name));
  if (unknown.length > 0)
    throw new IngestError(
      fileName,
      `unknown columns: ${unknown.map((name) => `“${name}”`).join(', ')} are not in the header`,
      'line 1',
      `columns among ${header.map((name) => `“${name}”`).join(', ')}`
    );
  const twice = named.find((name, i) => named.indexOf(name) !== i);
  if (twice)
    throw new IngestError(
      fileName,
      `the column “${twice}” is given two roles`,
      'column mapping',
      'each column in one role at most'
    );
  const notDimension = [
    ...(mapping.geo ? [mapping.geo] : []),
    ...Object.keys(mapping.labels ?? {})
  ].find((name) => !mapping.dimensions.includes(name));
  if (notDimension)
    throw new IngestError(
      fileName,
      `the column “${notDimension}” is named as places or given labels but is no dimension`,
      'column mapping',
      'places and labelled columns among the dimensions'
    );
  if ((mapping.moreValues?.length ?? 0) > 0 && (mapping.layout === 'wide' || mapping.flag))
    throw new IngestError(
      fileName,
      mapping.flag
        ? 'a flag column cannot say which of several value columns it flags'
        : 'a wide table has one value per period column, so it takes no further value columns',
      'column mapping',
      'flags written after each number (2.28 p), or one value column'
    );
  if (mapping.layout === 'long' && (mapping.time === null || mapping.value === null))
    throw new IngestError(
      fileName,
      'the mapping names no period column or no value column',
      'column mapping',
      'a column of periods and a column of values'
    );
  if (mapping.layout === 'wide' && periodColumns(header, mapping).length === 0)
    throw new IngestError(
      fileName,
      'no column heading is a period, so a wide table has no values',
      'line 1',
      `column headings that are periods: ${EXPECTED_PERIOD}`
    );
}
