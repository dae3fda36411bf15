/** Pieces of SQL every transform shares: its observations, its window, flags and breaks. */
import { quoteIdent, quoteLiteral } from '../../db/engine';
import { periodOrdinalSql } from '$lib/model/period';
import { seriesKeySql, whereClause, type SeriesRequest } from '../series';

/** SQL: the letters of all the given flags, each once and sorted; NULL when there are none. */
export function combinedFlagSql(...flags: string[]): string {
  return flagLettersSql(`concat_ws('', ${flags.join(', ')})`);
}

/** SQL: the distinct letters of one string of flag letters, sorted; NULL when empty. */
export function flagLettersSql(letters: string): string {
  return `NULLIF(array_to_string(list_sort(list_distinct(string_split(${letters}, ''))), ''), '')`;
}

/**
 * The `observations` CTE: the request's series over all their periods (the time window is
 * applied to the result, so a transform can reach back before it), with each period's
 * ordinal.
 */
export function observationsCte(request: SeriesRequest, extraColumns = ''): string {
  return [
    `observations AS (SELECT ${seriesKeySql(request)} AS series,`,
    `CAST("time" AS VARCHAR) AS time, ${periodOrdinalSql('CAST("time" AS VARCHAR)')} AS ord,`,
    `value, CAST(flag AS VARCHAR) AS flag${extraColumns}`,
    `FROM ${quoteIdent(request.table)}`,
    `WHERE ${whereClause({ table: request.table, filters: request.filters })})`
  ].join(' ');
}

/** SQL condition keeping the request's time window on `column`. */
export function windowCondition(request: SeriesRequest, column: string): string {
  const conditions = [];
  if (request.timeFrom) conditions.push(`${column} >= ${quoteLiteral(request.timeFrom)}`);
  if (request.timeTo) conditions.push(`${column} <= ${quoteLiteral(request.timeTo)}`);
  return conditions.length > 0 ? conditions.join(' AND ') : 'TRUE';
}

/** SQL: a break in series `series` after ordinal `after` and up to ordinal `upTo`. */
export function breakBetweenSql(series: string, after: string, upTo: string): string {
  return [
    `EXISTS (SELECT 1 FROM observations AS break_obs WHERE break_obs.series = ${series}`,
    `AND break_obs.ord > ${after} AND break_obs.ord <= ${upTo} AND contains(break_obs.flag, 'b'))`
  ].join(' ');
}
