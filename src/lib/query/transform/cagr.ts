import { quoteLiteral } from '../../db/engine';
import { periodToNumber } from '$lib/model/period';
import type { SeriesRequest } from '../series';
import { noteSql } from './notes';
import { endpointsSql, missingEndpointNote, type TwoPeriods } from './two-periods';
import { m } from '$lib/i18n/messages';
import type { TransformDefinition } from './definition';

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

export const cagr: TransformDefinition<{ kind: 'cagr'; periods: TwoPeriods }> = {
  id: 'cagr',
  label: m.explore_transform_cagr,
  unit: ({ from, to }) => m.explore_unit_cagr({ from, to }),
  decimals: () => 2,
  comparesTwoPeriods: true,
  valuesArePercentages: true,
  spec: ({ from, to }) =>
    from === to ? { error: m.explore_plan_two_periods() } : { kind: 'cagr', periods: { from, to } },
  sql: (request, spec) => ({ sql: cagrSql(request, spec.periods) }),
  warmUp: (request, from, to) => (from === to ? null : cagrSql(request, { from, to }))
};
