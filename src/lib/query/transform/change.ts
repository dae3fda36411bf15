import { quoteLiteral } from '../../db/engine';
import type { SeriesRequest } from '../series';
import { noteSql } from './notes';
import { endpointsSql, missingEndpointNote, type TwoPeriods } from './two-periods';
import { m } from '$lib/i18n/messages';
import type { TransformDefinition } from './definition';
import { endpointsInPage } from './two-periods';

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

export const change: TransformDefinition<{
  kind: 'change';
  periods: TwoPeriods;
  measure?: 'percent' | 'absolute';
}> = {
  id: 'change',
  label: m.explore_transform_change,
  unit: ({ from, to }) => m.explore_unit_change({ from, to }),
  decimals: () => 2,
  comparesTwoPeriods: true,
  valuesArePercentages: true,
  spec: ({ from, to }) =>
    from === to
      ? { error: m.explore_plan_two_periods() }
      : { kind: 'change', periods: { from, to } },
  sql: (request, spec) => ({ sql: changeSql(request, spec.periods, spec.measure) }),
  inPage: (series, _request, { periods, measure = 'percent' }) =>
    endpointsInPage(series, periods, (from, to) => {
      const percent = from !== null && from > 0 && to !== null ? (to / from - 1) * 100 : null;
      const absolute = from !== null && to !== null ? to - from : null;
      return {
        value: measure === 'percent' ? percent : absolute,
        absolute,
        note:
          measure === 'percent' && from !== null && from <= 0
            ? { code: 'change_not_positive', params: { period: periods.from } }
            : null
      };
    }),
  warmUp: (request, from, to) => (from === to ? null : changeSql(request, { from, to }))
};
