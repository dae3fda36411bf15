import { quoteLiteral } from '../../db/engine';
import { periodOrdinal } from '$lib/model/period';
import type { SeriesRequest } from '../series';
import { noteSql } from './notes';
import { breakBetweenSql, combinedFlagSql, observationsCte, windowCondition } from './sql-parts';
import { m } from '$lib/i18n/messages';
import type { TransformDefinition } from './definition';
import { breakBetween, combineFlags, rowPerObservation } from './page-parts';

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

export const indexed: TransformDefinition<{ kind: 'index'; base: string }> = {
  id: 'index',
  label: m.explore_transform_index,
  unit: ({ base, from }) => m.explore_unit_index({ base: base ?? from }),
  decimals: () => 1,
  comparesTwoPeriods: false,
  valuesArePercentages: false,
  spec: ({ base, from }) => ({ kind: 'index', base: base ?? from }),
  sql: (request, spec) => ({ sql: indexSql(request, spec.base) }),
  inPage: (series, request, { base }) => {
    const baseOrdinal = periodOrdinal(base);
    return rowPerObservation(series, request, (s, o) => {
      const atBase = s.at.get(base);
      const baseValue = atBase?.value ?? null;
      return {
        series: s.key,
        period: o.period,
        value:
          baseValue !== null && baseValue > 0 && o.value !== null
            ? (o.value / baseValue) * 100
            : null,
        flag: combineFlags(o.flag, atBase?.flag),
        computed: true,
        breakInWindow: breakBetween(s, Math.min(o.ord, baseOrdinal), Math.max(o.ord, baseOrdinal)),
        note:
          baseValue === null
            ? { code: 'no_base_value', params: { base } }
            : baseValue <= 0
              ? { code: 'base_not_positive', params: { base } }
              : null
      };
    });
  },
  warmUp: (request, from) => indexSql(request, from)
};
