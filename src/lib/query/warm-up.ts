import type { SeriesRequest } from './series';
import { cagrSql, changeSql, indexSql, movingAverageSql, yearOnYearSql } from './transforms';

/**
 * Each transform's SQL once, for the selection on screen. duckdb-wasm answers the first query
 * of a kind of plan (window functions, the joins of change and growth) 60–100 ms slower than
 * the next, while the browser compiles the engine code that plan needs; run while the reader
 * looks at the first chart, these move that cost off their first pick of a transform.
 */
export function warmUpQueries(request: SeriesRequest, from: string, to: string): string[] {
  const queries = [indexSql(request, from), yearOnYearSql(request), movingAverageSql(request)];
  if (from !== to) {
    const periods = { from, to };
    queries.push(changeSql(request, periods), cagrSql(request, periods));
  }
  return queries;
}
