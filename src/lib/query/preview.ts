import type { Table } from 'apache-arrow';
import { quoteIdent, quoteLiteral } from '../db/engine';

/** How many rows the catalogue's preview shows. */
export const PREVIEW_ROWS = 12;

/**
 * The first rows of a long table, as stored. Each search term must equal a code in one of
 * the dimension columns or the period (`RO ICCS0101 2008` → Romania, intentional homicide,
 * 2008), so a reader can check a value of a large table without the SQL console.
 */
export function previewSql(
  table: string,
  dimensionIds: readonly string[],
  terms: readonly string[],
  limit = PREVIEW_ROWS
): string {
  const searched = [...dimensionIds, 'time'];
  const conditions = terms
    .filter((term) => term !== '')
    .map(
      (term) =>
        `(${searched.map((id) => `CAST(${quoteIdent(id)} AS VARCHAR) = ${quoteLiteral(term)}`).join(' OR ')})`
    );
  const where = conditions.length > 0 ? ` WHERE ${conditions.join(' AND ')}` : '';
  const columns = [...dimensionIds, 'time']
    .map((id) => `CAST(${quoteIdent(id)} AS VARCHAR) AS ${quoteIdent(id)}`)
    .concat(['value', 'CAST(flag AS VARCHAR) AS flag']);
  return `SELECT ${columns.join(', ')} FROM ${quoteIdent(table)}${where} LIMIT ${Math.max(0, Math.floor(limit))}`;
}

export interface PreviewRow {
  /** Codes in the order of the preview's dimensions, then the period. */
  cells: string[];
  value: number | null;
  flag: string | null;
}

/** Rows of a previewSql result; `columns` is the number of code columns (dimensions + time). */
export function previewRowsFromTable(table: Table, columns: number): PreviewRow[] {
  return table.toArray().map((row) => {
    const values = Object.values(row.toJSON()) as (string | number | null)[];
    return {
      cells: values.slice(0, columns).map((cell) => (cell === null ? '' : String(cell))),
      value: values[columns] === null ? null : Number(values[columns]),
      flag: (values[columns + 1] as string | null) ?? null
    };
  });
}
