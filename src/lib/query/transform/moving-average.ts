import type { SeriesRequest } from '../series';
import { noteSql } from './notes';
import { flagLettersSql, observationsCte, windowCondition } from './sql-parts';
import { m } from '$lib/i18n/messages';
import type { TransformDefinition } from './definition';
import { combineFlags, rowPerObservation } from './page-parts';

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

export const movingAverage: TransformDefinition<{ kind: 'ma3' }> = {
  id: 'ma3',
  label: m.explore_transform_ma3,
  unit: ({ published }) => m.explore_unit_ma3({ unit: published }),
  decimals: () => 2,
  comparesTwoPeriods: false,
  valuesArePercentages: false,
  spec: () => ({ kind: 'ma3' }),
  sql: (request) => ({ sql: movingAverageSql(request) }),
  inPage: (series, request) =>
    rowPerObservation(series, request, (s, o, i) => {
      // The SQL's frames: the observations within two periods before (one for a break).
      const frame = s.observations
        .slice(Math.max(0, i - 2), i + 1)
        .filter((p) => p.ord >= o.ord - 2);
      const values = frame.flatMap((p) => (p.value === null ? [] : [p.value]));
      return {
        series: s.key,
        period: o.period,
        value: values.length === 3 ? (values[0] + values[1] + values[2]) / 3 : null,
        flag: combineFlags(...frame.map((p) => p.flag)),
        computed: true,
        breakInWindow: frame.some(
          (p) => p.ord >= o.ord - 1 && p.flag !== null && p.flag.includes('b')
        ),
        note:
          o.value !== null && values.length < 3
            ? { code: 'average_gap', params: { period: o.period } }
            : null
      };
    }),
  warmUp: (request) => movingAverageSql(request)
};
