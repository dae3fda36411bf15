import { m, placeName } from '$lib/i18n';
import type { BoardFilters, BoardItem, BoardProblem } from '$lib/state/board-link';
import type { FilterReach, FiltersMissed } from './filters';

/** An indicator's name by its id, from the programme's framework (the route layer knows it). */
export type IndicatorName = (id: string) => string | undefined;

/** How an item is named when a move, addition or removal is read out. */
export function itemLabel(item: BoardItem, indicatorName?: IndicatorName): string {
  if (item.kind === 'text') {
    const line = item.markdown.split('\n').find((l) => l.trim() !== '') ?? '';
    return m.boards_item_text({ start: line.replace(/^[#>*\s-]+/, '').slice(0, 40) });
  }
  if (item.kind === 'indicator')
    return m.boards_item_indicator({ name: indicatorName?.(item.id) ?? item.id });
  const params = new URLSearchParams(item.link);
  // A programme chart of an indicator (its trend, its comparison) is named after the indicator.
  const indicator = params.has('programme') ? params.get('id') : null;
  const name = indicator
    ? (indicatorName?.(indicator) ?? indicator)
    : (params.get('programme') ?? (params.has('q') ? 'SQL' : (params.get('ds') ?? '')));
  return m.boards_item_chart({ name });
}

/** Why a board link, file or kept board could not be read, in the reader's language. */
export function boardProblemText(problem: BoardProblem): string {
  switch (problem.problem) {
    case 'newer':
      return m.boards_problem_newer({ version: problem.version });
    case 'shape':
      return m.boards_problem_shape({ detail: problem.detail });
    default:
      return m.boards_problem_unreadable();
  }
}

/** What a chart on a board says when the board's filters, or its countries, do not reach it. */
export function filtersMissedText(missed: FiltersMissed): string {
  switch (missed) {
    case 'opted-out':
      return m.boards_filters_missed_opted_out();
    case 'programme':
      return m.boards_filters_missed_programme();
    case 'programme-geo':
      return m.boards_filters_missed_programme_geo();
    case 'sql':
      return m.boards_filters_missed_sql();
    case 'sql-geo':
      return m.boards_filters_missed_sql_geo();
    case 'sql-time':
      return m.boards_filters_missed_sql_time();
    case 'sql-statement':
      return m.boards_filters_missed_sql_statement();
    case 'no-geo':
      return m.boards_filters_missed_geo();
  }
}

/**
 * The board's filters a programme or SQL console chart is drawn with, for its notes: its own
 * link opens it unfiltered, so a download or a print of it says what the board left out.
 */
export function filtersAppliedText(filters: BoardFilters, reach: FilterReach): string | null {
  const parts: string[] = [];
  if (reach.geo && filters.geo.length > 0)
    parts.push(
      m.boards_filters_applied_geo({ countries: filters.geo.map((c) => placeName(c)).join(', ') })
    );
  if (reach.time && filters.time) parts.push(m.boards_filters_applied_time(filters.time));
  return parts.length > 0 ? m.boards_filters_applied({ filters: parts.join('; ') }) : null;
}
