/** What change and growth share: one row per series, from the values at two periods. */
import { quoteLiteral } from '../../db/engine';
import { periodOrdinal } from '$lib/model/period';
import type { SeriesRequest } from '../series';
import { noteSql } from './notes';
import { breakBetweenSql, combinedFlagSql, observationsCte } from './sql-parts';
import { breakBetween, combineFlags, type HeldSeries, type PageAnswer } from './page-parts';
import type { TransformNote } from './notes';

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
export function endpointsSql(request: SeriesRequest, periods: TwoPeriods): string {
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

export function missingEndpointNote(periods: TwoPeriods): string {
  return [
    `WHEN from_value IS NULL THEN ${noteSql('no_value', quoteLiteral(periods.from))}`,
    `WHEN to_value IS NULL THEN ${noteSql('no_value', quoteLiteral(periods.to))}`
  ].join(' ');
}

/**
 * The page's twin of endpointsSql with missingEndpointNote: one row per series at `to`, with
 * what `compare` makes of the values at the two periods (null where the series has none).
 */
export function endpointsInPage(
  series: readonly HeldSeries[],
  periods: TwoPeriods,
  compare: (
    from: number | null,
    to: number | null
  ) => { value: number | null; absolute: number | null; note: TransformNote | null }
): PageAnswer {
  const answer: PageAnswer = { rows: [], absoluteChange: {} };
  const [fromOrdinal, toOrdinal] = [periodOrdinal(periods.from), periodOrdinal(periods.to)];
  for (const s of series) {
    const [first, last] = [s.at.get(periods.from), s.at.get(periods.to)];
    const [from, to] = [first?.value ?? null, last?.value ?? null];
    const compared = compare(from, to);
    const missing: TransformNote | null =
      from === null
        ? { code: 'no_value', params: { period: periods.from } }
        : to === null
          ? { code: 'no_value', params: { period: periods.to } }
          : null;
    answer.rows.push({
      series: s.key,
      period: periods.to,
      value: compared.value,
      flag: combineFlags(first?.flag, last?.flag),
      computed: true,
      breakInWindow: breakBetween(s, fromOrdinal, toOrdinal),
      note: missing ?? compared.note
    });
    answer.absoluteChange[s.key] = compared.absolute;
  }
  return answer;
}
