import type { ObservationRow } from '$lib/model/observation';
import { quoteIdent, quoteLiteral } from '../db/engine';

/** What to read from one long table: codes per dimension and an optional time range. */
export interface SeriesRequest {
  table: string;
  /** Dimension id → codes to keep. A dimension left out is not filtered. */
  filters: Record<string, readonly string[]>;
  /** Inclusive bounds, compared as period strings of the dataset's own frequency. */
  timeFrom?: string;
  timeTo?: string;
  /** The dimension whose codes make the separate series (usually `geo`). */
  seriesBy: string;
  /**
   * A second dimension whose codes vary too (the panels of a chart): each series is then one
   * code of each, keyed by seriesKey.
   */
  panelBy?: string;
}

/** Joins the two codes of a series key; U+001F, the unit separator, is in no code. */
const KEY_SEPARATOR = '\u001f';

/** The key of the series of `code`, within panel `panel` when a second dimension varies. */
export function seriesKey(code: string, panel: string | null): string {
  return panel === null ? code : `${code}${KEY_SEPARATOR}${panel}`;
}

/** The codes a series key is made of: the series dimension's and the panel's, if any. */
export function splitSeriesKey(key: string): { code: string; panel: string | null } {
  const at = key.indexOf(KEY_SEPARATOR);
  return at < 0 ? { code: key, panel: null } : { code: key.slice(0, at), panel: key.slice(at + 1) };
}

/** SQL for the `series` column: the series dimension's code, joined to the panel's (seriesKey). */
export function seriesKeySql(request: Pick<SeriesRequest, 'seriesBy' | 'panelBy'>): string {
  const code = `CAST(${quoteIdent(request.seriesBy)} AS VARCHAR)`;
  if (!request.panelBy) return code;
  return `${code} || chr(31) || CAST(${quoteIdent(request.panelBy)} AS VARCHAR)`;
}

/** `dim IN ('a','b')`, or a condition that is never true for an empty selection. */
export function inList(column: string, codes: readonly string[]): string {
  if (codes.length === 0) return 'FALSE';
  return `${quoteIdent(column)} IN (${codes.map(quoteLiteral).join(', ')})`;
}

/** WHERE clause for the request's filters and time range ('TRUE' when there are none). */
export function whereClause(request: Omit<SeriesRequest, 'seriesBy' | 'panelBy'>): string {
  const conditions = Object.entries(request.filters).map(([dim, codes]) => inList(dim, codes));
  if (request.timeFrom) conditions.push(`"time" >= ${quoteLiteral(request.timeFrom)}`);
  if (request.timeTo) conditions.push(`"time" <= ${quoteLiteral(request.timeTo)}`);
  return conditions.length > 0 ? conditions.join(' AND ') : 'TRUE';
}

/**
 * Observations as series: `series, time, value, flag`, ordered for drawing. Rows with a
 * null value but a flag (`: c`) are kept: the flag must still reach the screen.
 */
export function seriesSql(request: SeriesRequest): string {
  return [
    `SELECT ${seriesKeySql(request)} AS series,`,
    `CAST("time" AS VARCHAR) AS time, value, CAST(flag AS VARCHAR) AS flag`,
    `FROM ${quoteIdent(request.table)}`,
    `WHERE ${whereClause(request)}`,
    `ORDER BY series, time`
  ].join(' ');
}

/** Reads the columns of a seriesSql result without building an object per Arrow row. */
export function observationsFromTable(table: {
  numRows: number;
  getChild(name: string): { get(index: number): unknown } | null;
}): ObservationRow[] {
  const series = table.getChild('series');
  const time = table.getChild('time');
  const value = table.getChild('value');
  const flag = table.getChild('flag');
  if (!series || !time || !value || !flag)
    throw new Error('A series result needs the columns series, time, value and flag.');
  const rows: ObservationRow[] = new Array(table.numRows);
  for (let i = 0; i < table.numRows; i++) {
    const v = value.get(i);
    rows[i] = {
      series: String(series.get(i)),
      period: String(time.get(i)),
      value: v === null ? null : Number(v),
      flag: (flag.get(i) as string | null) ?? null
    };
  }
  return rows;
}
