/** Rate per 100 000 inhabitants: published by the dataset, or computed from the population. */
import type { DatasetManifest, DimensionCode } from '$lib/model/manifest';
import { quoteIdent } from '../../db/engine';
import { whereClause, type SeriesRequest } from '../series';
import { noteSql } from './notes';
import { publishedSql } from './published';
import { combinedFlagSql, observationsCte, windowCondition } from './sql-parts';
import { m } from '$lib/i18n/messages';
import type { TransformDefinition } from './definition';
import { rateUnavailableText } from '../transform-note-text';

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

export const rate: TransformDefinition<{ kind: 'rate'; plan: RatePlan }> = {
  id: 'rate',
  label: m.explore_transform_rate,
  unit: ({ computedRate }) => (computedRate ? m.explore_unit_rate_computed() : m.unit_per_100k()),
  decimals: (computedRate) => (computedRate ? 2 : null),
  comparesTwoPeriods: false,
  valuesArePercentages: false,
  spec: ({ dataset, request, population }) => {
    const plan = planRate(dataset, request.filters, population);
    // The reason is worded here, in the reader's language, for the message the view shows.
    return {
      kind: 'rate',
      plan:
        plan.kind === 'unavailable' ? { ...plan, message: rateUnavailableText(plan.reason) } : plan
    };
  },
  sql: (request, spec) =>
    spec.plan.kind === 'unavailable'
      ? { error: spec.plan.message }
      : { sql: rateSql(request, spec.plan) },
  // A rate reads another table, which may not be loaded: nothing to gain before it is picked.
  warmUp: () => null
};
