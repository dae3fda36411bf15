import { quoteIdent, quoteLiteral } from '$lib/db/engine';
import { periodAs, type Frequency } from '$lib/model/period';

/** A board's filters as the SQL below reads them (countries, a period window). */
export interface StatementFilters {
  geo: readonly string[];
  time: { from: string; to: string } | null;
}

/** The columns of a statement's result the board's filters act on, as the result names them. */
export interface FilterColumns {
  geo: string | null;
  time: string | null;
}

/** A result's `geo` and `time` columns, named in any case, as DuckDB compares names. */
export function filterColumns(names: readonly string[]): FilterColumns {
  const find = (wanted: string) => names.find((n) => n.toLowerCase() === wanted) ?? null;
  return { geo: find('geo'), time: find('time') };
}

/**
 * The statement as one query another can read from: trailing semicolons and blanks off. Its
 * last line may be a `--` comment, so the closing parenthesis goes on a line of its own.
 */
function inner(statement: string): string {
  return statement.replace(/[\s;]+$/, '');
}

/** `DESCRIBE` of the statement read as a subquery: its columns, or DuckDB's refusal. */
export function describeStatementSql(statement: string): string {
  return `DESCRIBE SELECT * FROM (\n${inner(statement)}\n) AS board_statement`;
}

const FREQUENCIES: readonly Frequency[] = ['annual', 'quarterly', 'monthly'];

/**
 * SQL: whether a period column's value lies in the window [from, to], each value compared in
 * its own frequency (its shape, read as the model reads it: four characters a year, a `Q` a
 * quarter, else a month; a date counts by its month), with the window's ends taken to that
 * frequency by periodAs. So 2015..2020 takes 2015-01 to 2020-12 of monthly data, and
 * 2015-05..2020-02 takes the years 2015 to 2020 of annual data. NULL and other text fall out.
 */
export function periodWithinSql(column: string, from: string, to: string): string {
  const value = `CAST(${quoteIdent(column)} AS VARCHAR)`;
  const [annual, quarterly, monthly] = FREQUENCIES.map(
    (f) =>
      `${quoteLiteral(periodAs(from, f, 'first'))} AND ${quoteLiteral(periodAs(to, f, 'last'))}`
  );
  return [
    `CASE WHEN length(${value}) = 4 THEN ${value} BETWEEN ${annual}`,
    `WHEN substr(${value}, 6, 1) = 'Q' THEN left(${value}, 7) BETWEEN ${quarterly}`,
    `ELSE left(${value}, 7) BETWEEN ${monthly} END`
  ].join(' ');
}

/**
 * The statement with the board's filters around it (`SELECT * FROM (<statement>) WHERE …`),
 * every value a quoted literal; null when no filter set has a column to act on.
 */
export function filteredStatementSql(
  statement: string,
  filters: StatementFilters,
  columns: FilterColumns
): string | null {
  const conditions: string[] = [];
  if (filters.geo.length > 0 && columns.geo)
    conditions.push(
      `CAST(${quoteIdent(columns.geo)} AS VARCHAR) IN (${filters.geo.map(quoteLiteral).join(', ')})`
    );
  if (filters.time && columns.time)
    conditions.push(periodWithinSql(columns.time, filters.time.from, filters.time.to));
  if (conditions.length === 0) return null;
  return `SELECT * FROM (\n${inner(statement)}\n) AS board_statement WHERE ${conditions.join(' AND ')}`;
}
