import type { SeriesRequest } from './series';
import { transformDefinitions } from './transforms';

/**
 * Each transform's SQL once, for the selection on screen. duckdb-wasm answers the first query
 * of a kind of plan (window functions, the joins of change and growth) 60–100 ms slower than
 * the next, while the browser compiles the engine code that plan needs; run while the reader
 * looks at the first chart, these move that cost off their first pick of a transform.
 */
export function warmUpQueries(request: SeriesRequest, from: string, to: string): string[] {
  return transformDefinitions()
    .map((definition) => definition.warmUp(request, from, to))
    .filter((sql): sql is string => sql !== null);
}
