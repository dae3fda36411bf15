import {
  periodsPerYear,
  periodsPerYearSql,
  previousYear,
  previousYearSql
} from '$lib/model/period';
import type { SeriesRequest } from '../series';
import { noteSql } from './notes';
import { breakBetweenSql, combinedFlagSql, observationsCte, windowCondition } from './sql-parts';
import { m } from '$lib/i18n/messages';
import type { TransformDefinition } from './definition';
import { breakBetween, combineFlags, rowPerObservation } from './page-parts';
import type { TransformNote } from './notes';

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

export const yearOnYear: TransformDefinition<{ kind: 'yoy' }> = {
  id: 'yoy',
  label: m.explore_transform_yoy,
  unit: () => m.explore_unit_yoy(),
  decimals: () => 2,
  comparesTwoPeriods: false,
  valuesArePercentages: true,
  spec: () => ({ kind: 'yoy' }),
  sql: (request) => ({ sql: yearOnYearSql(request) }),
  inPage: (series, request) =>
    rowPerObservation(series, request, (s, o) => {
      const period = previousYear(o.period);
      const previous = s.at.get(period);
      const before = previous?.value ?? null;
      let note: TransformNote | null = null;
      if (o.value !== null && before === null)
        note = { code: 'no_previous_value', params: { period } };
      else if (o.value !== null && before !== null && before <= 0)
        note = { code: 'previous_not_positive', params: { period } };
      return {
        series: s.key,
        period: o.period,
        value:
          before !== null && before > 0 && o.value !== null ? (o.value / before - 1) * 100 : null,
        flag: combineFlags(o.flag, previous?.flag),
        computed: true,
        breakInWindow: breakBetween(s, o.ord - periodsPerYear(o.period), o.ord),
        note
      };
    }),
  warmUp: (request) => yearOnYearSql(request)
};
