/**
 * The programme's charts in a link: `/embed?programme=budget`, `…=budget&by=promoter`,
 * `…=timeline`, `…=indicator&id=<indicator id>`, `…=comparator&id=<indicator id>`
 * (docs/embed.md). Like the explorer's
 * permalinks this is a public interface: a link pasted into a partner's page must keep working,
 * so it is versioned (PROGRAMME_LINKS).
 */
import { currentParams, PROGRAMME_LINKS, withVersion } from './link-version';
export type ProgrammeChart =
  | { chart: 'budget'; by: 'project' | 'promoter' }
  | { chart: 'timeline' }
  | { chart: 'indicator'; id: string }
  /** An indicator's indexed series against its comparator group's median. */
  | { chart: 'comparator'; id: string };

export type ProgrammeChartLink =
  | { kind: 'chart'; chart: ProgrammeChart }
  /** A `programme` value no chart answers to, as given (cut to 40 characters). */
  | { kind: 'unknown'; name: string };

const first = (params: URLSearchParams, name: string) => params.get(name)?.trim() ?? '';

/**
 * The programme chart a link asks for, or null when it names none (then it is an explorer
 * view). Case is forgiven; a budget `by` that is not `promoter` gives the budget by project.
 */
export function readProgrammeChart(input: URLSearchParams): ProgrammeChartLink | null {
  if (!input.has('programme')) return null;
  const params = currentParams(PROGRAMME_LINKS, input);
  const name = first(params, 'programme');
  switch (name.toLowerCase()) {
    case 'budget':
      return {
        kind: 'chart',
        chart: {
          chart: 'budget',
          by: first(params, 'by').toLowerCase() === 'promoter' ? 'promoter' : 'project'
        }
      };
    case 'timeline':
      return { kind: 'chart', chart: { chart: 'timeline' } };
    case 'indicator':
    case 'comparator':
      return {
        kind: 'chart',
        chart: { chart: name.toLowerCase() as 'indicator' | 'comparator', id: first(params, 'id') }
      };
    default:
      return { kind: 'unknown', name: name.slice(0, 40) };
  }
}

/**
 * Where a programme chart is: on /embed alone (`embed`), or on the page that shows it with
 * everything around it (`page`): the programme page at the chart, or the indicator's page.
 */
export function programmeChartHref(chart: ProgrammeChart, where: 'embed' | 'page'): string {
  if (where === 'page')
    return chart.chart === 'indicator'
      ? `/programme/indicator/${encodeURIComponent(chart.id)}`
      : chart.chart === 'comparator'
        ? `/programme/indicator/${encodeURIComponent(chart.id)}#comparator-${encodeURIComponent(chart.id)}`
        : chart.chart === 'timeline'
          ? '/programme#timeline'
          : `/programme#budget-${chart.by === 'promoter' ? 'promoters' : 'projects'}`;
  const params = new URLSearchParams({ programme: chart.chart });
  if (chart.chart === 'budget' && chart.by === 'promoter') params.set('by', 'promoter');
  if (chart.chart === 'indicator' || chart.chart === 'comparator') params.set('id', chart.id);
  return `/embed?${withVersion(PROGRAMME_LINKS, params)}`;
}
