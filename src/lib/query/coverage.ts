import { periodOrdinalSql } from '$lib/model/period';
import { quoteIdent } from '../db/engine';
import { whereClause } from './series';

/** The filters of every dimension but `dimension`: the marks of its codes ignore its own. */
function otherFilters(filters: Record<string, readonly string[]>, dimension: string) {
  return Object.fromEntries(Object.entries(filters).filter(([id]) => id !== dimension));
}

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
  const others = otherFilters(filters, dimension);
  return [
    `SELECT DISTINCT CAST(${quoteIdent(dimension)} AS VARCHAR) AS code FROM ${quoteIdent(table)}`,
    `WHERE ${whereClause({ table, filters: others, timeFrom, timeTo })} AND value IS NOT NULL`,
    `ORDER BY code`
  ].join(' ');
}

/** A run of consecutive periods, `first` to `last`, in each of which a code has a value. */
export interface CoverageRun {
  code: string;
  first: string;
  last: string;
}

/**
 * SQL: the runs of consecutive periods in which each code of `dimension` has a value under
 * the other filters, whatever the time window, as columns `code`, `first` and `last` (the
 * periods as text). A window holds a value of a code exactly when it meets one of the code's
 * runs, so one answer per filters marks the codes of every window (codesWithDataInRuns),
 * where codesWithDataSql scans the table again for each window. A run is found as an island:
 * within one, a period's ordinal less its rank among the code's periods is the same.
 */
export function coverageRunsSql(
  table: string,
  dimension: string,
  filters: Record<string, readonly string[]>
): string {
  const others = otherFilters(filters, dimension);
  const ord = periodOrdinalSql('period');
  return [
    `WITH seen AS (SELECT DISTINCT CAST(${quoteIdent(dimension)} AS VARCHAR) AS code,`,
    `CAST("time" AS VARCHAR) AS period FROM ${quoteIdent(table)}`,
    `WHERE ${whereClause({ table, filters: others })} AND value IS NOT NULL),`,
    // A text that is no period is a run of its own.
    `islands AS (SELECT code, period, coalesce(CAST(${ord} - row_number() OVER`,
    `(PARTITION BY code, ${ord} IS NULL ORDER BY period) AS VARCHAR), 'x' || period) AS island`,
    `FROM seen)`,
    `SELECT code, min(period) AS first, max(period) AS last FROM islands`,
    `GROUP BY code, island ORDER BY code, first`
  ].join(' ');
}

/**
 * SQL: the same answer as coverageRunsSql, read from a table of runs that a server engine
 * keeps for a dataset (one row per series and run: the series' codes, `first` and `last`;
 * `runsTable` is its SQL name, as the engine's `GET /datasets` gives it), so no scan of the
 * dataset. The runs of one code's series may overlap or touch where coverageRunsSql merges
 * them; a window of the dataset's periods meets one of them exactly when it meets the code's
 * periods with data, so codesWithDataInRuns marks the same codes.
 */
export function coverageRunsFromTableSql(
  runsTable: string,
  dimension: string,
  filters: Record<string, readonly string[]>
): string {
  const others = otherFilters(filters, dimension);
  return [
    `SELECT DISTINCT CAST(${quoteIdent(dimension)} AS VARCHAR) AS code, "first", "last"`,
    `FROM ${runsTable} WHERE ${whereClause({ table: runsTable, filters: others })}`,
    `ORDER BY code, "first"`
  ].join(' ');
}

/** Reads a coverageRunsSql result. */
export function runsFromTable(table: {
  numRows: number;
  getChild(name: string): { get(index: number): unknown } | null;
}): CoverageRun[] {
  const [code, first, last] = ['code', 'first', 'last'].map((name) => table.getChild(name));
  const runs: CoverageRun[] = [];
  if (!code || !first || !last) return runs;
  for (let i = 0; i < table.numRows; i++)
    runs.push({
      code: String(code.get(i)),
      first: String(first.get(i)),
      last: String(last.get(i))
    });
  return runs;
}

/**
 * The codes with a value in the window, from their runs: as codesWithDataSql finds them,
 * comparing periods as text as its SQL does.
 */
export function codesWithDataInRuns(
  runs: readonly CoverageRun[],
  timeFrom?: string,
  timeTo?: string
): Set<string> {
  const codes = new Set<string>();
  for (const run of runs)
    if ((!timeTo || run.first <= timeTo) && (!timeFrom || run.last >= timeFrom))
      codes.add(run.code);
  return codes;
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
