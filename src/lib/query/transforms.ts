/**
 * SQL for the explorer's transformations. Each builder returns one statement whose result
 * has the columns of seriesSql (`series, time, value, flag`) and three more:
 *
 * - `computed BOOLEAN`: true when the value was worked out here rather than published;
 * - `break_in_window BOOLEAN`: true when the observations compared are separated by a break
 *   in series, so the change shown may be partly an artefact of the break;
 * - `note VARCHAR`: why a computed value is missing (no base value, no population …), as a
 *   note code and its parameters (see TransformNote), so the interface can word it in the
 *   reader's language.
 *
 * A computed value's `flag` holds every letter of the flags of the observations it was
 * computed from, each once, in alphabetical order (`e` + `bp` → `bep`).
 *
 * Breaks: Eurostat's `b` marks an observation that is not comparable with the ones before
 * it. Two periods are therefore separated by a break when a `b` falls after the earlier
 * and up to the later one; a `b` on the earlier period itself starts the compared stretch
 * and does not count. Every observation of the series between the two is looked at, also
 * those outside the time window and those without a value.
 *
 * Precondition: apart from `seriesBy`, each dimension of the table is filtered to one code,
 * so that a series has one observation per period (as for seriesSql).
 */
import type { DatasetManifest, DimensionCode } from '$lib/model/manifest';
import { quoteIdent, quoteLiteral } from '../db/engine';
import type { ObservationRow } from '$lib/model/observation';
import { observationsFromTable, whereClause, type SeriesRequest } from './series';
import {
  periodOrdinal,
  periodOrdinalSql,
  periodToNumber,
  periodsPerYearSql,
  previousYearSql
} from '$lib/model/period';

/**
 * The parameters of each note a transform writes, in the order the SQL writes them. The SQL
 * runs in Node too (build, tests), where there are no messages: it writes the code, and
 * transformNoteText (transform-note-text.ts) words it.
 */
const NOTE_PARAMS = {
  /** No population figure for `geo` in `year`. */
  no_population: ['geo', 'year'],
  population_not_positive: ['geo', 'year'],
  /** No value in the index's base period. */
  no_base_value: ['base'],
  base_not_positive: ['base'],
  /** No value in `period`, the same period one year earlier, to compare with. */
  no_previous_value: ['period'],
  previous_not_positive: ['period'],
  /** A value is missing in the three periods ending in `period`. */
  average_gap: ['period'],
  /** No value at `period`, one end of a comparison of two periods. */
  no_value: ['period'],
  /** The earlier value, at `period`, is zero or negative: no percentage change. */
  change_not_positive: ['period'],
  growth_not_positive: ['from', 'to'],
  not_later: ['from', 'to']
} as const satisfies Record<string, readonly string[]>;

export type TransformNoteCode = keyof typeof NOTE_PARAMS;

/** Why a computed value is missing: a code and its parameters (codes and periods). */
export type TransformNote = {
  [C in TransformNoteCode]: {
    code: C;
    params: Record<(typeof NOTE_PARAMS)[C][number], string>;
  };
}[TransformNoteCode];

// Codes and periods never hold a control character, so the unit separator splits them safely.
const NOTE_SEPARATOR = '\u001f';

/** SQL: the note `code` with its parameters, each an SQL expression, in NOTE_PARAMS order. */
function noteSql(code: TransformNoteCode, ...params: string[]): string {
  return [quoteLiteral(code), ...params].join(' || chr(31) || ');
}

/** A note as the SQL wrote it, read back; an unknown code is a fault of this module. */
export function parseTransformNote(text: string): TransformNote {
  const [code, ...values] = text.split(NOTE_SEPARATOR);
  if (!Object.hasOwn(NOTE_PARAMS, code)) throw new Error(`Unknown transform note code “${code}”.`);
  const names: readonly string[] = NOTE_PARAMS[code as TransformNoteCode];
  const params = Object.fromEntries(names.map((name, i) => [name, values[i] ?? '']));
  return { code, params } as TransformNote;
}

/** SQL: the letters of all the given flags, each once and sorted; NULL when there are none. */
export function combinedFlagSql(...flags: string[]): string {
  return flagLettersSql(`concat_ws('', ${flags.join(', ')})`);
}

/** SQL: the distinct letters of one string of flag letters, sorted; NULL when empty. */
function flagLettersSql(letters: string): string {
  return `NULLIF(array_to_string(list_sort(list_distinct(string_split(${letters}, ''))), ''), '')`;
}

/**
 * The `observations` CTE: the request's series over all their periods (the time window is
 * applied to the result, so a transform can reach back before it), with each period's
 * ordinal.
 */
function observationsCte(request: SeriesRequest, extraColumns = ''): string {
  return [
    `observations AS (SELECT CAST(${quoteIdent(request.seriesBy)} AS VARCHAR) AS series,`,
    `CAST("time" AS VARCHAR) AS time, ${periodOrdinalSql('CAST("time" AS VARCHAR)')} AS ord,`,
    `value, CAST(flag AS VARCHAR) AS flag${extraColumns}`,
    `FROM ${quoteIdent(request.table)}`,
    `WHERE ${whereClause({ table: request.table, filters: request.filters })})`
  ].join(' ');
}

/** SQL condition keeping the request's time window on `column`. */
function windowCondition(request: SeriesRequest, column: string): string {
  const conditions = [];
  if (request.timeFrom) conditions.push(`${column} >= ${quoteLiteral(request.timeFrom)}`);
  if (request.timeTo) conditions.push(`${column} <= ${quoteLiteral(request.timeTo)}`);
  return conditions.length > 0 ? conditions.join(' AND ') : 'TRUE';
}

/** SQL: a break in series `series` after ordinal `after` and up to ordinal `upTo`. */
function breakBetweenSql(series: string, after: string, upTo: string): string {
  return [
    `EXISTS (SELECT 1 FROM observations AS break_obs WHERE break_obs.series = ${series}`,
    `AND break_obs.ord > ${after} AND break_obs.ord <= ${upTo} AND contains(break_obs.flag, 'b'))`
  ].join(' ');
}

/** Values as published, with the transform columns (computed false, no break, no note). */
export function publishedSql(request: SeriesRequest): string {
  return [
    `SELECT CAST(${quoteIdent(request.seriesBy)} AS VARCHAR) AS series,`,
    `CAST("time" AS VARCHAR) AS time, value, CAST(flag AS VARCHAR) AS flag,`,
    `FALSE AS computed, FALSE AS break_in_window, CAST(NULL AS VARCHAR) AS note`,
    `FROM ${quoteIdent(request.table)}`,
    `WHERE ${whereClause(request)}`,
    `ORDER BY series, time`
  ].join(' ');
}

// ---------------------------------------------------------------------------------------
// Rate per 100 000 inhabitants

/** Where population figures come from: a long table with `geo` and annual `time`. */
export interface PopulationSource {
  table: string;
  /** Codes that pick one population figure per country and year (e.g. indic_de JAN). */
  filters: Record<string, readonly string[]>;
}

export type RatePlan =
  /** The dataset publishes the rate itself: select that unit instead of computing. */
  | { kind: 'published'; unitDimension: string; unitCode: string }
  /** value / population on 1 January of the same year × 100 000. */
  | { kind: 'computed'; geoDimension: string; population: PopulationSource }
  | { kind: 'unavailable'; message: string; reason: RateUnavailable };

/**
 * Why a rate cannot be worked out, as a code and its parameters (this module also runs under
 * Node, without the interface's messages): the interface words it in the reader's language,
 * `message` is the English wording for logs and scripts.
 */
export type RateUnavailable =
  | { code: 'no_geo'; params: { dataset: string } }
  | { code: 'not_count'; params: { unit: string } }
  | { code: 'no_unit'; params: Record<string, never> }
  | { code: 'no_population'; params: Record<string, never> }
  | { code: 'no_january'; params: { dimension: string } };

const RATE_UNIT_CODES = new Set(['P_HTHAB']);
const RATE_UNIT_LABEL = /per\s+(hundred\s+thousand|100[\s,.]?000)\s+(inhabitants|population)/i;
const COUNT_UNIT_CODES = new Set(['NR', 'PER']);
const COUNT_UNIT_LABEL = /^(number|persons?|counts?)$/i;
const JANUARY_POPULATION_LABEL = /^population on 1 january/i;

function isRateUnit(code: DimensionCode): boolean {
  return RATE_UNIT_CODES.has(code.code) || RATE_UNIT_LABEL.test(code.label);
}

function isCountUnit(code: DimensionCode): boolean {
  return COUNT_UNIT_CODES.has(code.code) || COUNT_UNIT_LABEL.test(code.label.trim());
}

/**
 * How to show `dataset` per 100 000 inhabitants: its own rate unit where it publishes one
 * (crim_off_cat's P_HTHAB, UNODC's “Rate per 100,000 population”); otherwise computed from
 * counts and the population table (`demo_gind`), which needs a `geo` dimension and a count
 * unit selected. A dataset without a `unit` dimension is taken to hold counts.
 */
export function planRate(
  dataset: DatasetManifest,
  selections: Record<string, readonly string[]>,
  population: DatasetManifest | null
): RatePlan {
  const unit = dataset.dimensions.find((d) => d.id === 'unit');
  const rateCode = unit?.codes.find(isRateUnit);
  if (unit && rateCode)
    return { kind: 'published', unitDimension: unit.id, unitCode: rateCode.code };
  if (!dataset.dimensions.some((d) => d.id === 'geo'))
    return {
      kind: 'unavailable',
      message: `“${dataset.title}” has no countries, so it cannot be put per 100 000 inhabitants.`,
      reason: { code: 'no_geo', params: { dataset: dataset.title } }
    };
  if (unit) {
    const selected = selections[unit.id] ?? [];
    const notCounts = unit.codes.filter((c) => selected.includes(c.code) && !isCountUnit(c));
    if (notCounts.length > 0)
      return {
        kind: 'unavailable',
        message: `Only counts can be put per 100 000 inhabitants; “${notCounts[0].label}” is not a count.`,
        reason: { code: 'not_count', params: { unit: notCounts[0].label } }
      };
    if (selected.length === 0)
      return {
        kind: 'unavailable',
        message:
          'Choose a unit that counts (a number of offences or persons) to put it per 100 000 inhabitants.',
        reason: { code: 'no_unit', params: {} }
      };
  }
  if (!population)
    return {
      kind: 'unavailable',
      message:
        'The population figures are not loaded, so rates per 100 000 inhabitants cannot be computed.',
      reason: { code: 'no_population', params: {} }
    };
  const filters: Record<string, string[]> = {};
  for (const dimension of population.dimensions) {
    if (dimension.id === 'geo' || dimension.codes.length < 2) continue;
    const january = dimension.codes.find(
      (c) => c.code === 'JAN' || JANUARY_POPULATION_LABEL.test(c.label)
    );
    if (!january)
      return {
        kind: 'unavailable',
        message: `The population table has several “${dimension.label}” and none is the population on 1 January.`,
        reason: { code: 'no_january', params: { dimension: dimension.label } }
      };
    filters[dimension.id] = [january.code];
  }
  return { kind: 'computed', geoDimension: 'geo', population: { table: population.id, filters } };
}

/**
 * Values per 100 000 inhabitants. A published rate is selected as it is (computed false).
 * A computed one divides each value by the population on 1 January of its year (for monthly
 * or quarterly data, of the year the period falls in) and carries the flags of both.
 */
export function rateSql(
  request: SeriesRequest,
  plan: Exclude<RatePlan, { kind: 'unavailable' }>
): string {
  if (plan.kind === 'published')
    return publishedSql({
      ...request,
      filters: { ...request.filters, [plan.unitDimension]: [plan.unitCode] }
    });
  const population = plan.population;
  const geo = quoteIdent(plan.geoDimension);
  return [
    `WITH ${observationsCte(request, `, CAST(${geo} AS VARCHAR) AS geo`)},`,
    `population AS (SELECT CAST(geo AS VARCHAR) AS geo, CAST("time" AS VARCHAR) AS year,`,
    `value AS population, CAST(flag AS VARCHAR) AS population_flag`,
    `FROM ${quoteIdent(population.table)}`,
    `WHERE ${whereClause({ table: population.table, filters: population.filters })})`,
    `SELECT o.series, o.time,`,
    `CASE WHEN p.population > 0 THEN o.value / p.population * 100000 END AS value,`,
    `${combinedFlagSql('o.flag', 'p.population_flag')} AS flag,`,
    `TRUE AS computed, FALSE AS break_in_window,`,
    `CASE WHEN o.value IS NOT NULL AND p.population IS NULL`,
    `THEN ${noteSql('no_population', 'o.geo', 'left(o.time, 4)')}`,
    `WHEN o.value IS NOT NULL AND p.population <= 0`,
    `THEN ${noteSql('population_not_positive', 'o.geo', 'left(o.time, 4)')} END AS note`,
    `FROM observations AS o LEFT JOIN population AS p ON p.geo = o.geo AND p.year = left(o.time, 4)`,
    `WHERE ${windowCondition(request, 'o.time')}`,
    `ORDER BY o.series, o.time`
  ].join(' ');
}

// ---------------------------------------------------------------------------------------
// Index, year-on-year change, moving average

/**
 * Index with `base` = 100: value ÷ value in the base period × 100. A series without a
 * positive value in the base period gets NULL and a note. The base may lie outside the
 * time window. The flag combines the period's and the base period's.
 */
export function indexSql(request: SeriesRequest, base: string): string {
  const baseLiteral = quoteLiteral(base);
  const baseOrdinal = String(periodOrdinal(base));
  return [
    `WITH ${observationsCte(request)},`,
    `base AS (SELECT series, value AS base_value, flag AS base_flag FROM observations WHERE time = ${baseLiteral})`,
    `SELECT o.series, o.time,`,
    `CASE WHEN b.base_value > 0 THEN o.value / b.base_value * 100 END AS value,`,
    `${combinedFlagSql('o.flag', 'b.base_flag')} AS flag,`,
    `TRUE AS computed,`,
    `${breakBetweenSql('o.series', `LEAST(o.ord, ${baseOrdinal})`, `GREATEST(o.ord, ${baseOrdinal})`)} AS break_in_window,`,
    `CASE WHEN b.base_value IS NULL THEN ${noteSql('no_base_value', baseLiteral)}`,
    `WHEN b.base_value <= 0 THEN ${noteSql('base_not_positive', baseLiteral)} END AS note`,
    `FROM observations AS o LEFT JOIN base AS b ON b.series = o.series`,
    `WHERE ${windowCondition(request, 'o.time')}`,
    `ORDER BY o.series, o.time`
  ].join(' ');
}

/**
 * Year-on-year change in %: against the same period one year earlier (the previous year for
 * annual data, the same month or quarter a year before otherwise), which may lie before the
 * time window. NULL with a note when that value is missing or not positive.
 */
export function yearOnYearSql(request: SeriesRequest): string {
  return [
    `WITH ${observationsCte(request)}`,
    `SELECT o.series, o.time,`,
    `CASE WHEN prev.value > 0 THEN (o.value / prev.value - 1) * 100 END AS value,`,
    `${combinedFlagSql('o.flag', 'prev.flag')} AS flag,`,
    `TRUE AS computed,`,
    `${breakBetweenSql('o.series', `o.ord - ${periodsPerYearSql('o.time')}`, 'o.ord')} AS break_in_window,`,
    `CASE WHEN o.value IS NULL THEN NULL`,
    `WHEN prev.value IS NULL THEN ${noteSql('no_previous_value', previousYearSql('o.time'))}`,
    `WHEN prev.value <= 0 THEN ${noteSql('previous_not_positive', previousYearSql('o.time'))} END AS note`,
    `FROM observations AS o LEFT JOIN observations AS prev`,
    `ON prev.series = o.series AND prev.time = ${previousYearSql('o.time')}`,
    `WHERE ${windowCondition(request, 'o.time')}`,
    `ORDER BY o.series, o.time`
  ].join(' ');
}

/**
 * Trailing three-period moving average: the value at t is the mean of t−2, t−1 and t (three
 * years for annual data). Trailing rather than centred so that the latest period has a
 * value and no period uses later data. NULL with a note when any of the three has no value
 * (a missing period or a missing value): an average is never taken across a gap. A break at
 * t−1 or t is reported.
 */
export function movingAverageSql(request: SeriesRequest): string {
  const window = 'PARTITION BY series ORDER BY ord RANGE BETWEEN 2 PRECEDING AND CURRENT ROW';
  const afterFirst = 'PARTITION BY series ORDER BY ord RANGE BETWEEN 1 PRECEDING AND CURRENT ROW';
  return [
    `WITH ${observationsCte(request)},`,
    `averaged AS (SELECT series, time,`,
    `CASE WHEN count(value) OVER (${window}) = 3 THEN avg(value) OVER (${window}) END AS value,`,
    `${flagLettersSql(`coalesce(string_agg(flag, '') OVER (${window}), '')`)} AS flag,`,
    `TRUE AS computed,`,
    `count(*) FILTER (WHERE contains(flag, 'b')) OVER (${afterFirst}) > 0 AS break_in_window,`,
    `CASE WHEN value IS NOT NULL AND count(value) OVER (${window}) < 3`,
    `THEN ${noteSql('average_gap', 'time')} END AS note`,
    `FROM observations)`,
    `SELECT * FROM averaged WHERE ${windowCondition(request, 'time')}`,
    `ORDER BY series, time`
  ].join(' ');
}

// ---------------------------------------------------------------------------------------
// Comparisons of two periods: one row per series

export interface TwoPeriods {
  /** The earlier period. */
  from: string;
  /** The later period; it is the `time` of each result row. */
  to: string;
}

/**
 * SQL shared by change and CAGR: one row per series with the values and flags at `from` and
 * `to` (NULL where the series has none) and whether a break lies between them.
 */
function endpointsSql(request: SeriesRequest, periods: TwoPeriods): string {
  return [
    `WITH ${observationsCte(request)},`,
    `endpoints AS (SELECT s.series, a.value AS from_value, z.value AS to_value,`,
    `${combinedFlagSql('a.flag', 'z.flag')} AS flag,`,
    `${breakBetweenSql('s.series', String(periodOrdinal(periods.from)), String(periodOrdinal(periods.to)))} AS break_in_window`,
    `FROM (SELECT DISTINCT series FROM observations) AS s`,
    `LEFT JOIN observations AS a ON a.series = s.series AND a.time = ${quoteLiteral(periods.from)}`,
    `LEFT JOIN observations AS z ON z.series = s.series AND z.time = ${quoteLiteral(periods.to)})`
  ].join(' ');
}

function missingEndpointNote(periods: TwoPeriods): string {
  return [
    `WHEN from_value IS NULL THEN ${noteSql('no_value', quoteLiteral(periods.from))}`,
    `WHEN to_value IS NULL THEN ${noteSql('no_value', quoteLiteral(periods.to))}`
  ].join(' ');
}

/**
 * Change from `from` to `to`, one row per series: `value` is the change in % (or the
 * absolute change with measure 'absolute'); `absolute_change`, `percent_change`,
 * `from_value`, `to_value` and `from_time` are always given. The % change is NULL with a
 * note when the earlier value is not positive. `request.timeFrom`/`timeTo` are not used.
 */
export function changeSql(
  request: SeriesRequest,
  periods: TwoPeriods,
  measure: 'percent' | 'absolute' = 'percent'
): string {
  const percent = 'CASE WHEN from_value > 0 THEN (to_value / from_value - 1) * 100 END';
  const absolute = 'to_value - from_value';
  return [
    endpointsSql(request, periods),
    `SELECT series, ${quoteLiteral(periods.to)} AS time,`,
    `${measure === 'percent' ? percent : absolute} AS value, flag,`,
    `TRUE AS computed, break_in_window,`,
    `CASE ${missingEndpointNote(periods)}`,
    measure === 'percent'
      ? `WHEN from_value <= 0 THEN ${noteSql('change_not_positive', quoteLiteral(periods.from))}`
      : '',
    `END AS note,`,
    `${absolute} AS absolute_change, ${percent} AS percent_change,`,
    `from_value, to_value, ${quoteLiteral(periods.from)} AS from_time`,
    `FROM endpoints ORDER BY series`
  ].join(' ');
}

/**
 * Compound annual growth rate from `from` to `to`, in % per year:
 * ((to ÷ from)^(1 ÷ years) − 1) × 100, where years is the distance between the periods in
 * years (monthly and quarterly periods count as fractions). One row per series, with
 * `from_value`, `to_value` and `from_time`. NULL with a note when the earlier value is not
 * positive or the later one is negative.
 */
export function cagrSql(request: SeriesRequest, periods: TwoPeriods): string {
  const years = periodToNumber(periods.to) - periodToNumber(periods.from);
  const growth =
    years > 0
      ? `CASE WHEN from_value > 0 AND to_value >= 0 THEN (power(to_value / from_value, 1.0 / ${years}) - 1) * 100 END`
      : 'CAST(NULL AS DOUBLE)';
  return [
    endpointsSql(request, periods),
    `SELECT series, ${quoteLiteral(periods.to)} AS time, ${growth} AS value, flag,`,
    `TRUE AS computed, break_in_window,`,
    `CASE ${missingEndpointNote(periods)}`,
    years > 0
      ? `WHEN from_value <= 0 OR to_value < 0 THEN ${noteSql('growth_not_positive', quoteLiteral(periods.from), quoteLiteral(periods.to))}`
      : `WHEN TRUE THEN ${noteSql('not_later', quoteLiteral(periods.from), quoteLiteral(periods.to))}`,
    `END AS note,`,
    `from_value, to_value, ${quoteLiteral(periods.from)} AS from_time`,
    `FROM endpoints ORDER BY series`
  ].join(' ');
}

type ArrowColumns = Parameters<typeof observationsFromTable>[0];

// ---------------------------------------------------------------------------------------
// One entry point for the explorer

export type TransformSpec =
  | { kind: 'none' }
  | { kind: 'rate'; plan: RatePlan }
  | { kind: 'index'; base: string }
  | { kind: 'yoy' }
  | { kind: 'change'; periods: TwoPeriods; measure?: 'percent' | 'absolute' }
  | { kind: 'cagr'; periods: TwoPeriods }
  | { kind: 'ma3' };

/** The SQL of one transform; a rate plan that is unavailable is an error value, not SQL. */
export function transformSql(
  request: SeriesRequest,
  spec: TransformSpec
): { sql: string } | { error: string } {
  switch (spec.kind) {
    case 'none':
      return { sql: publishedSql(request) };
    case 'rate':
      return spec.plan.kind === 'unavailable'
        ? { error: spec.plan.message }
        : { sql: rateSql(request, spec.plan) };
    case 'index':
      return { sql: indexSql(request, spec.base) };
    case 'yoy':
      return { sql: yearOnYearSql(request) };
    case 'change':
      return { sql: changeSql(request, spec.periods, spec.measure) };
    case 'cagr':
      return { sql: cagrSql(request, spec.periods) };
    case 'ma3':
      return { sql: movingAverageSql(request) };
  }
}

/** One row of a transform result, as the charts and the table read it. */
export interface TransformedRow extends ObservationRow {
  computed: boolean;
  breakInWindow: boolean;
  note: TransformNote | null;
}

function noteOf(cell: unknown): TransformNote | null {
  return typeof cell === 'string' && cell !== '' ? parseTransformNote(cell) : null;
}

/** Reads a transform result (any builder above) column by column. */
export function transformedRowsFromTable(table: ArrowColumns): TransformedRow[] {
  const observations = observationsFromTable(table);
  const computed = table.getChild('computed');
  const breakInWindow = table.getChild('break_in_window');
  const note = table.getChild('note');
  if (!computed || !breakInWindow || !note)
    throw new Error('A transform result needs the columns computed, break_in_window and note.');
  return observations.map((row, i) => ({
    ...row,
    computed: computed.get(i) === true,
    breakInWindow: breakInWindow.get(i) === true,
    note: noteOf(note.get(i))
  }));
}
