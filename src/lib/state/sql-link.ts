/**
 * Links to the SQL console: `/sql?q=<query>` opens the console on that query and runs it;
 * `chart=<x>,<y>[,<series>]` also opens its chart on those columns, named as the result names
 * them. `/embed?q=…&chart=…` shows that chart alone. Presenters paste these links like the
 * explorer's, so the scheme is documented in docs/permalinks.md and versioned (SQL_LINKS).
 */
import { currentParams, SQL_LINKS, withVersion } from './link-version';

/** The query and the chart a link asks for. */
export interface SqlLink {
  query: string;
  /** Columns by name; null when the link shows the result without its chart. */
  chart: { x: string; y: string; series: string | null } | null;
}

/** Why a link could not be followed whole; the console words it for the reader. */
export interface SqlLinkProblem {
  problem: 'bad-chart';
  chart: string;
}

/** What a link asks for (null: the plain console), and what of it could not be read. */
export interface SqlLinkReading {
  link: SqlLink | null;
  problem: SqlLinkProblem | null;
}

/**
 * A link's address, from the site root: the console, or its chart alone on /embed, which
 * reads the same parameters. A chart whose column names hold a comma is left out.
 */
export function sqlLinkHref(link: SqlLink, where: 'console' | 'embed' = 'console'): string {
  const params = new URLSearchParams({ q: link.query });
  if (link.chart && chartFitsLink(link.chart)) {
    const { x, y, series } = link.chart;
    params.set('chart', [x, y, ...(series === null ? [] : [series])].join(','));
  }
  return `${where === 'embed' ? '/embed' : '/sql'}?${withVersion(SQL_LINKS, params)}`;
}

/**
 * What a link asks for. A chart that cannot be read leaves the query to run without it. A
 * column name with a comma cannot be written in `chart`: see chartFitsLink.
 */
export function readSqlLink(input: URLSearchParams): SqlLinkReading {
  const params = currentParams(SQL_LINKS, input);
  const query = params.get('q');
  if (query === null || query.trim() === '') return { link: null, problem: null };
  const chartParam = params.get('chart');
  if (chartParam === null) return { link: { query, chart: null }, problem: null };
  const names = chartParam.split(',');
  if (names.length < 2 || names.length > 3 || names.some((name) => name.trim() === ''))
    return {
      link: { query, chart: null },
      problem: { problem: 'bad-chart', chart: chartParam }
    };
  const [x, y, series = null] = names;
  return { link: { query, chart: { x, y, series } }, problem: null };
}

/** Whether a chart's columns can be written into a link (a comma would split a name). */
function chartFitsLink(chart: { x: string; y: string; series: string | null }): boolean {
  return [chart.x, chart.y, chart.series ?? ''].every((name) => !name.includes(','));
}
