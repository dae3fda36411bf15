import { quoteIdent } from '../../db/engine';
import { seriesKeySql, whereClause, type SeriesRequest } from '../series';
import { m } from '$lib/i18n/messages';
import type { TransformDefinition } from './definition';
import { rowPerObservation } from './page-parts';

/** Values as published, with the transform columns (computed false, no break, no note). */
export function publishedSql(request: SeriesRequest): string {
  return [
    `SELECT ${seriesKeySql(request)} AS series,`,
    `CAST("time" AS VARCHAR) AS time, value, CAST(flag AS VARCHAR) AS flag,`,
    `FALSE AS computed, FALSE AS break_in_window, CAST(NULL AS VARCHAR) AS note`,
    `FROM ${quoteIdent(request.table)}`,
    `WHERE ${whereClause(request)}`,
    `ORDER BY series, time`
  ].join(' ');
}

/** Values as the dataset publishes them. */
export const published: TransformDefinition<{ kind: 'none' }> = {
  id: 'none',
  label: m.explore_transform_none,
  unit: ({ published }) => published,
  decimals: () => null,
  comparesTwoPeriods: false,
  valuesArePercentages: false,
  spec: () => ({ kind: 'none' }),
  sql: (request) => ({ sql: publishedSql(request) }),
  inPage: (series, request) =>
    rowPerObservation(series, request, (s, o) => ({
      series: s.key,
      period: o.period,
      value: o.value,
      flag: o.flag,
      computed: false,
      breakInWindow: false,
      note: null
    })),
  warmUp: () => null
};
