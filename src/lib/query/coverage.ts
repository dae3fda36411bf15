import { quoteIdent } from '../db/engine';
import { whereClause } from './series';

/**
 * SQL: the codes of `dimension` that have at least one value under the other filters and
 * in the time window, as column `code`. The explorer lists codes without data last and marks
 * them, rather than offering them silently.
 */
export function codesWithDataSql(
  table: string,
  dimension: string,
  filters: Record<string, readonly string[]>,
  timeFrom?: string,
  timeTo?: string
): string {
  const others = Object.fromEntries(Object.entries(filters).filter(([id]) => id !== dimension));
  return [
    `SELECT DISTINCT CAST(${quoteIdent(dimension)} AS VARCHAR) AS code FROM ${quoteIdent(table)}`,
    `WHERE ${whereClause({ table, filters: others, timeFrom, timeTo })} AND value IS NOT NULL`,
    `ORDER BY code`
  ].join(' ');
}

/** Reads the `code` column of a codesWithDataSql result. */
export function codesFromTable(table: {
  numRows: number;
  getChild(name: string): { get(index: number): unknown } | null;
}): Set<string> {
  const column = table.getChild('code');
  const codes = new Set<string>();
  if (!column) return codes;
  for (let i = 0; i < table.numRows; i++) codes.add(String(column.get(i)));
  return codes;
}
